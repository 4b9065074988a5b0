using Microsoft.AspNetCore.Http.HttpResults;
using Site.Core.Search;

namespace Site.Features.BackOffice.Management;

/// <summary>The search glossary for scripts and other tools, as the back office's Glossary screen keeps it.</summary>
internal static class GlossaryEndpoints
{
    public static void Map(RouteGroupBuilder glossary)
    {
        glossary.MapGet("", async (IGlossaryService service, CancellationToken ct) =>
            TypedResults.Ok<IReadOnlyList<GlossaryEntryModel>>([.. (await service.GetAllAsync(ct).ConfigureAwait(false)).Select(GlossaryEntryModel.From)])).WithName("GetGlossary");
        glossary.MapGet("/{id:guid}", async Task<Results<Ok<GlossaryEntryModel>, ProblemHttpResult>> (Guid id, HttpContext context, IGlossaryService service, CancellationToken ct) =>
            await service.GetAsync(id, ct).ConfigureAwait(false) is { } entry ? TypedResults.Ok(GlossaryEntryModel.From(entry)) : ManagementProblems.NotFound(context))
            .WithName("GetGlossaryEntryById").ProducesProblem(StatusCodes.Status404NotFound);
        glossary.MapGet("/{id:guid}/history", async (Guid id, IGlossaryService service, CancellationToken ct) =>
            TypedResults.Ok(await service.HistoryAsync(id, ct).ConfigureAwait(false))).WithName("GetGlossaryEntryHistory");
        glossary.MapPost("", async Task<Results<Created<GlossaryEntryModel>, ProblemHttpResult>> (GlossaryEntryRequest request, HttpContext context, IGlossaryService service, CancellationToken ct) =>
        {
            var result = await service.SaveAsync(null, request?.Terms ?? [], Actor(context), ct).ConfigureAwait(false);
            return result.Succeeded
                ? TypedResults.Created($"{ManagementApi.RoutePrefix}/glossary/{result.Entry!.Key}", GlossaryEntryModel.From(result.Entry))
                : Problem(context, result);
        }).WithName("PostGlossaryEntry").ProducesProblem(StatusCodes.Status400BadRequest);
        glossary.MapPut("/{id:guid}", async Task<Results<Ok<GlossaryEntryModel>, ProblemHttpResult>> (Guid id, GlossaryEntryRequest request, HttpContext context, IGlossaryService service, CancellationToken ct) =>
        {
            var result = await service.SaveAsync(id, request?.Terms ?? [], Actor(context), ct).ConfigureAwait(false);
            return result.Succeeded ? TypedResults.Ok(GlossaryEntryModel.From(result.Entry!)) : Problem(context, result);
        }).WithName("PutGlossaryEntryById").ProducesProblems(StatusCodes.Status400BadRequest, StatusCodes.Status404NotFound);
        glossary.MapDelete("/{id:guid}", async Task<Results<Ok<StatusModel>, ProblemHttpResult>> (Guid id, HttpContext context, IGlossaryService service, CancellationToken ct) =>
        {
            var result = await service.DeleteAsync(id, Actor(context), ct).ConfigureAwait(false);
            return result.Succeeded ? TypedResults.Ok(new StatusModel("Success")) : Problem(context, result);
        }).WithName("DeleteGlossaryEntryById").ProducesProblem(StatusCodes.Status404NotFound);
    }

    private static string Actor(HttpContext context) => context.CurrentUser()!.Email;

    private static ProblemHttpResult Problem(HttpContext context, GlossaryResult result) =>
        result == GlossaryResult.NotFound
            ? ManagementProblems.NotFound(context)
            : ManagementProblems.BadRequest(context, string.Join(" ", result.Errors.Select(e => e.Get(ManagementProblems.CultureOf(context)))));
}

/// <summary>An entry's terms per culture, each text listing them separated by semicolons.</summary>
public sealed record GlossaryEntryRequest(Dictionary<string, string>? Terms);

public sealed record GlossaryEntryModel(Guid Id, string Alias, IReadOnlyDictionary<string, IReadOnlyList<string>> Terms)
{
    public static GlossaryEntryModel From(GlossaryEntry entry)
    {
        ArgumentNullException.ThrowIfNull(entry);
        return new(entry.Key, entry.Alias, entry.Terms);
    }
}
