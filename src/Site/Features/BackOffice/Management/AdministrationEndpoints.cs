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
            Results.Ok((await service.ListAsync(ct).ConfigureAwait(false)).Select(u => UserModel.From(u, clock.GetUtcNow())))).WithName("GetUsers");
        users.MapPost("", CreateUserAsync).WithName("PostUser").ProducesProblem(StatusCodes.Status400BadRequest).ProducesProblem(StatusCodes.Status409Conflict);
        users.MapPut("/{id:guid}", UpdateUserAsync).WithName("PutUserById").ProducesProblem(StatusCodes.Status400BadRequest);
        users.MapPost("/{id:guid}/lock", async (Guid id, HttpContext context, IUserService service, TimeProvider clock, CancellationToken ct) =>
            UserDone(context, await service.LockAsync(id, Actor(context), ct).ConfigureAwait(false), clock)).WithName("PostUserLock");
        users.MapPost("/{id:guid}/unlock", async (Guid id, HttpContext context, IUserService service, TimeProvider clock, CancellationToken ct) =>
            UserDone(context, await service.UnlockAsync(id, Actor(context), ct).ConfigureAwait(false), clock)).WithName("PostUserUnlock");
    }

    public static void MapMembers(RouteGroupBuilder members)
    {
        members.MapGet("", async (string? text, string? group, int? page, IMemberAdminService service, CancellationToken ct) =>
            Results.Ok(await service.SearchAsync(new MemberSearch(text, group, page ?? 1), ct).ConfigureAwait(false))).WithName("GetMembers");
        members.MapGet("/{id:guid}", async (Guid id, HttpContext context, IMemberAdminService service, CancellationToken ct) =>
            await service.GetAsync(id, ct).ConfigureAwait(false) is { } member ? Results.Ok(member) : ManagementProblems.NotFound(context)).WithName("GetMemberById");
        members.MapPut("/{id:guid}", async (Guid id, MemberDetails details, HttpContext context, IMemberAdminService service, CancellationToken ct) =>
            MemberDone(context, await service.UpdateDetailsAsync(id, details ?? new MemberDetails("", "", "", "", "", ""), Actor(context), ct).ConfigureAwait(false)))
            .WithName("PutMemberById").ProducesProblem(StatusCodes.Status400BadRequest);
        members.MapGet("/group", async (IMemberAdminService service, CancellationToken ct) => Results.Ok(await service.GetGroupsAsync(ct).ConfigureAwait(false))).WithName("GetMemberGroups");
        members.MapPost("/{id:guid}/group/{group}", async (Guid id, string group, HttpContext context, IMemberAdminService service, CancellationToken ct) =>
            MemberDone(context, await service.AddToGroupAsync(id, group, Actor(context), ct).ConfigureAwait(false))).WithName("PostMemberGroup");
        members.MapDelete("/{id:guid}/group/{group}", async (Guid id, string group, HttpContext context, IMemberAdminService service, CancellationToken ct) =>
            MemberDone(context, await service.RemoveFromGroupAsync(id, group, Actor(context), ct).ConfigureAwait(false))).WithName("DeleteMemberGroup");
        members.MapPost("/{id:guid}/lock", async (Guid id, HttpContext context, IMemberAdminService service, CancellationToken ct) =>
            MemberDone(context, await service.LockAsync(id, null, Actor(context), ct).ConfigureAwait(false))).WithName("PostMemberLock");
        members.MapPost("/{id:guid}/unlock", async (Guid id, HttpContext context, IMemberAdminService service, CancellationToken ct) =>
            MemberDone(context, await service.UnlockAsync(id, Actor(context), ct).ConfigureAwait(false))).WithName("PostMemberUnlock");
        members.MapGet("/application", async (ApplicationStatus? status, IMemberAdminService service, CancellationToken ct) =>
            Results.Ok(await service.GetApplicationsAsync(status, ct).ConfigureAwait(false))).WithName("GetMemberApplications");
        members.MapPut("/application/{id:guid}", async (Guid id, ApplicationDecisionRequest request, HttpContext context, IMemberAdminService service, CancellationToken ct) =>
            MemberDone(context, await service.SetApplicationStatusAsync(id, request?.Status ?? ApplicationStatus.UnderReview, request?.Note, Actor(context), ct).ConfigureAwait(false)))
            .WithName("PutMemberApplication");
    }

    public static void MapIndexer(RouteGroupBuilder indexer)
    {
        indexer.MapGet("", Status).WithName("GetIndexer");
        indexer.MapPost("/rebuild", (IndexRebuildJob job, ISearchIndexStatus index, IPublishedSnapshotAccessor snapshots) =>
            job.TryStart() ? Results.Accepted($"{ManagementApi.RoutePrefix}/indexer", Status(job, index, snapshots)) : Results.Conflict(Status(job, index, snapshots)))
            .WithName("PostIndexerRebuild");
    }

    public static void MapAudit(RouteGroupBuilder audit)
    {
        audit.MapGet("", async (string? user, string? action, Guid? nodeId, string? culture, DateTime? from, DateTime? to, int? skip, int? take, IAuditTrail trail, CancellationToken ct) =>
        {
            var (total, entries) = await trail.QueryAsync(new AuditQuery(user, action, nodeId, culture, from, to, Math.Max(skip ?? 0, 0), Math.Clamp(take ?? 50, 1, 500)), ct).ConfigureAwait(false);
            return Results.Ok(new PagedModel<AuditModel>(total, [.. entries.Select(AuditModel.From)]));
        }).WithName("GetAudit");
    }

    internal static IndexStatusModel Status(IndexRebuildJob job, ISearchIndexStatus index, IPublishedSnapshotAccessor snapshots) =>
        new(index.DocumentCount, index.IndexedGeneration, snapshots.Current.Generation, job.IsRunning, job.Progress?.Done, job.Progress?.Total,
            [.. index.SkippedDocuments.Select(s => new SkippedDocumentModel(s.Key, s.Reason))]);

    private static string Actor(HttpContext context) => context.CurrentUser()!.Email;

    private static async Task<IResult> CreateUserAsync(CreateUserRequest request, HttpContext context, IUserService service, TimeProvider clock, CancellationToken ct)
    {
        if (request is null)
        {
            return ManagementProblems.BadRequest(context, "email, name, password and groups are required.");
        }

        var result = await service.CreateAsync(
            new NewUser(request.Email ?? "", request.Name ?? "", request.Password ?? "", request.Groups ?? [], request.TranslatorCulture, request.UiCulture, request.Kind == UserKind.Api),
            Actor(context), ct).ConfigureAwait(false);
        return result.Succeeded
            ? Results.Created($"{ManagementApi.RoutePrefix}/user/{result.User!.Id}", UserModel.From(result.User, clock.GetUtcNow()))
            : ManagementProblems.From(context, result);
    }

    private static async Task<IResult> UpdateUserAsync(Guid id, UpdateUserRequest request, HttpContext context, IUserService service, TimeProvider clock, CancellationToken ct)
    {
        var changes = new UserChanges(request?.Name ?? "", request?.Groups ?? [], request?.TranslatorCulture, request?.UiCulture);
        return UserDone(context, await service.UpdateAsync(id, changes, Actor(context), ct).ConfigureAwait(false), clock);
    }

    private static IResult UserDone(HttpContext context, UserResult result, TimeProvider clock) =>
        result.Succeeded ? Results.Ok(UserModel.From(result.User!, clock.GetUtcNow())) : ManagementProblems.From(context, result);

    private static IResult MemberDone(HttpContext context, MemberResult result) =>
        result.Succeeded
            ? Results.Ok(new { status = "Success" })
            : ManagementProblems.Problem(context, result.Errors.Contains(MemberErrors.NotFound) ? StatusCodes.Status404NotFound : StatusCodes.Status400BadRequest, "Member", string.Join(", ", result.Errors));
}
