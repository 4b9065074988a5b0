using Microsoft.AspNetCore.Http.HttpResults;
using Site.Core.Audit;
using Site.Core.Members;
using Site.Core.Publishing;
using Site.Core.Search;
using Site.Core.Users;

namespace Site.Features.BackOffice.Management;

/// <summary>Back-office users (administrators), site members and their applications (administrators and editors), the search index, the audit trail.</summary>
internal static class AdministrationEndpoints
{
    public static void MapUsers(RouteGroupBuilder users)
    {
        users.MapGet("", async (IUserService service, TimeProvider clock, CancellationToken ct) =>
            TypedResults.Ok<IReadOnlyList<UserModel>>([.. (await service.ListAsync(ct).ConfigureAwait(false)).Select(u => UserModel.From(u, clock.GetUtcNow()))])).WithName("GetUsers");
        users.MapPost("", CreateUserAsync).WithName("PostUser").ProducesProblems(StatusCodes.Status400BadRequest, StatusCodes.Status409Conflict);
        users.MapPut("/{id:guid}", UpdateUserAsync).WithName("PutUserById").ProducesProblems(ManagementProblems.UserStatuses);
        users.MapPost("/{id:guid}/lock", async (Guid id, HttpContext context, IUserService service, TimeProvider clock, CancellationToken ct) =>
            UserDone(context, await service.LockAsync(id, Actor(context), ct).ConfigureAwait(false), clock)).WithName("PostUserLock").ProducesProblems(ManagementProblems.UserStatuses);
        users.MapPost("/{id:guid}/unlock", async (Guid id, HttpContext context, IUserService service, TimeProvider clock, CancellationToken ct) =>
            UserDone(context, await service.UnlockAsync(id, Actor(context), ct).ConfigureAwait(false), clock)).WithName("PostUserUnlock").ProducesProblems(ManagementProblems.UserStatuses);
    }

    public static void MapMembers(RouteGroupBuilder members)
    {
        // page is a number: a malformed one is 400.
        members.MapGet("", async (string? text, string? group, int? page, IMemberAdminService service, CancellationToken ct) =>
            TypedResults.Ok(await service.SearchAsync(new MemberSearch(text, group, page ?? 1), ct).ConfigureAwait(false))).WithName("GetMembers")
            .ProducesProblem(StatusCodes.Status400BadRequest);
        members.MapGet("/{id:guid}", GetMemberAsync).WithName("GetMemberById").ProducesProblem(StatusCodes.Status404NotFound);
        members.MapPut("/{id:guid}", async (Guid id, MemberDetails details, HttpContext context, IMemberAdminService service, CancellationToken ct) =>
            MemberDone(context, await service.UpdateDetailsAsync(id, details ?? new MemberDetails("", "", "", "", "", ""), Actor(context), ct).ConfigureAwait(false)))
            .WithName("PutMemberById").ProducesProblems(ManagementProblems.MemberStatuses);
        members.MapGet("/group", async (IMemberAdminService service, CancellationToken ct) => TypedResults.Ok(await service.GetGroupsAsync(ct).ConfigureAwait(false))).WithName("GetMemberGroups");
        members.MapPost("/{id:guid}/group/{group}", async (Guid id, string group, HttpContext context, IMemberAdminService service, CancellationToken ct) =>
            MemberDone(context, await service.AddToGroupAsync(id, group, Actor(context), ct).ConfigureAwait(false))).WithName("PostMemberGroup").ProducesProblems(ManagementProblems.MemberStatuses);
        members.MapDelete("/{id:guid}/group/{group}", async (Guid id, string group, HttpContext context, IMemberAdminService service, CancellationToken ct) =>
            MemberDone(context, await service.RemoveFromGroupAsync(id, group, Actor(context), ct).ConfigureAwait(false))).WithName("DeleteMemberGroup").ProducesProblems(ManagementProblems.MemberStatuses);
        members.MapPost("/{id:guid}/lock", async (Guid id, HttpContext context, IMemberAdminService service, CancellationToken ct) =>
            MemberDone(context, await service.LockAsync(id, null, Actor(context), ct).ConfigureAwait(false))).WithName("PostMemberLock").ProducesProblems(ManagementProblems.MemberStatuses);
        members.MapPost("/{id:guid}/unlock", async (Guid id, HttpContext context, IMemberAdminService service, CancellationToken ct) =>
            MemberDone(context, await service.UnlockAsync(id, Actor(context), ct).ConfigureAwait(false))).WithName("PostMemberUnlock").ProducesProblems(ManagementProblems.MemberStatuses);
        // status is one of ApplicationStatus's names: any other is 400.
        members.MapGet("/application", async (ApplicationStatus? status, IMemberAdminService service, CancellationToken ct) =>
            TypedResults.Ok(await service.GetApplicationsAsync(status, ct).ConfigureAwait(false))).WithName("GetMemberApplications")
            .ProducesProblem(StatusCodes.Status400BadRequest);
        members.MapPut("/application/{id:guid}", async (Guid id, ApplicationDecisionRequest request, HttpContext context, IMemberAdminService service, CancellationToken ct) =>
            MemberDone(context, await service.SetApplicationStatusAsync(id, request?.Status ?? ApplicationStatus.UnderReview, request?.Note, Actor(context), ct).ConfigureAwait(false)))
            .WithName("PutMemberApplication").ProducesProblems(ManagementProblems.MemberStatuses);
    }

    public static void MapIndexer(RouteGroupBuilder indexer)
    {
        indexer.MapGet("", (IndexRebuildJob job, ISearchIndexStatus index, IPublishedSnapshotAccessor snapshots) => TypedResults.Ok(Status(job, index, snapshots)))
            .WithName("GetIndexer");
        // A rebuild already running is a conflict whose body is the status, as the back office's screen shows it.
        indexer.MapPost("/rebuild", Results<Accepted<IndexStatusModel>, Conflict<IndexStatusModel>> (IndexRebuildJob job, ISearchIndexStatus index, IPublishedSnapshotAccessor snapshots) =>
            job.TryStart() ? TypedResults.Accepted($"{ManagementApi.RoutePrefix}/indexer", Status(job, index, snapshots)) : TypedResults.Conflict(Status(job, index, snapshots)))
            .WithName("PostIndexerRebuild");
    }

    public static void MapAudit(RouteGroupBuilder audit)
    {
        // nodeId, from, to, skip and take are typed: a malformed one is 400.
        audit.MapGet("", async (string? user, string? action, Guid? nodeId, string? culture, DateTime? from, DateTime? to, int? skip, int? take, IAuditTrail trail, CancellationToken ct) =>
        {
            var (total, entries) = await trail.QueryAsync(new AuditQuery(user, action, nodeId, culture, from, to, Math.Max(skip ?? 0, 0), Math.Clamp(take ?? 50, 1, 500)), ct).ConfigureAwait(false);
            return TypedResults.Ok(new PagedModel<AuditModel>(total, [.. entries.Select(AuditModel.From)]));
        }).WithName("GetAudit").ProducesProblem(StatusCodes.Status400BadRequest);
    }

    internal static IndexStatusModel Status(IndexRebuildJob job, ISearchIndexStatus index, IPublishedSnapshotAccessor snapshots) =>
        new(index.DocumentCount, index.IndexedGeneration, snapshots.Current.Generation, job.IsRunning, job.Progress?.Done, job.Progress?.Total,
            [.. index.SkippedDocuments.Select(s => new SkippedDocumentModel(s.Key, s.Reason))]);

    private static string Actor(HttpContext context) => context.CurrentUser()!.Email;

    private static async Task<Results<Created<UserModel>, ProblemHttpResult>> CreateUserAsync(CreateUserRequest request, HttpContext context, IUserService service, TimeProvider clock, CancellationToken ct)
    {
        if (request is null)
        {
            return ManagementProblems.BadRequest(context, "email, name, password and groups are required.");
        }

        var result = await service.CreateAsync(
            new NewUser(request.Email ?? "", request.Name ?? "", request.Password ?? "", request.Groups ?? [], request.TranslatorCulture, request.UiCulture, request.Kind == UserKind.Api),
            Actor(context), ct).ConfigureAwait(false);
        return result.Succeeded
            ? TypedResults.Created($"{ManagementApi.RoutePrefix}/user/{result.User!.Id}", UserModel.From(result.User, clock.GetUtcNow()))
            : ManagementProblems.From(context, result);
    }

    private static async Task<Results<Ok<UserModel>, ProblemHttpResult>> UpdateUserAsync(Guid id, UpdateUserRequest request, HttpContext context, IUserService service, TimeProvider clock, CancellationToken ct)
    {
        var changes = new UserChanges(request?.Name ?? "", request?.Groups ?? [], request?.TranslatorCulture, request?.UiCulture);
        return UserDone(context, await service.UpdateAsync(id, changes, Actor(context), ct).ConfigureAwait(false), clock);
    }

    private static Results<Ok<UserModel>, ProblemHttpResult> UserDone(HttpContext context, UserResult result, TimeProvider clock) =>
        result.Succeeded ? TypedResults.Ok(UserModel.From(result.User!, clock.GetUtcNow())) : ManagementProblems.From(context, result);

    private static async Task<Results<Ok<MemberProfile>, ProblemHttpResult>> GetMemberAsync(Guid id, HttpContext context, IMemberAdminService service, CancellationToken ct) =>
        await service.GetAsync(id, ct).ConfigureAwait(false) is { } member ? TypedResults.Ok(member) : ManagementProblems.NotFound(context);

    private static Results<Ok<StatusModel>, ProblemHttpResult> MemberDone(HttpContext context, MemberResult result) =>
        result.Succeeded ? TypedResults.Ok(new StatusModel("Success")) : ManagementProblems.From(context, result);
}
