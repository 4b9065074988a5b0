using Microsoft.AspNetCore.Http.HttpResults;
using Site.Core.Content;
using Site.Core.Rendering;
using Site.Core.Workflow;

namespace Site.Features.BackOffice.Management;

/// <summary>Documents: the tree, reading and saving versions, moving, copying, sorting, the recycle bin, history, translation.</summary>
internal static class DocumentEndpoints
{
    public static void Map(RouteGroupBuilder api)
    {
        // Route ids, bodies and changing calls declare their common refusals by convention (ManagementOpenApi,
        // CookieAntiforgeryFilter); what is declared here is what the handlers themselves answer.
        api.MapGet("/tree/document/children", ChildrenAsync).WithName("GetTreeDocumentChildren").ProducesProblem(StatusCodes.Status400BadRequest);
        api.MapGet("/document/{id:guid}", GetAsync).WithName("GetDocumentById").ProducesProblem(StatusCodes.Status404NotFound);
        api.MapPost("/document", CreateAsync).WithName("PostDocument").ProducesProblems(ManagementProblems.SaveStatuses);
        api.MapPut("/document/{id:guid}", UpdateAsync).WithName("PutDocumentById").ProducesProblems(ManagementProblems.SaveStatuses);
        api.MapPost("/document/{id:guid}/move", MoveAsync).WithName("PostDocumentMove").ProducesProblems(ManagementProblems.WorkflowStatuses);
        api.MapPost("/document/{id:guid}/copy", CopyAsync).WithName("PostDocumentCopy").ProducesProblems(ManagementProblems.WorkflowStatuses);
        api.MapPost("/document/sort", SortAsync).WithName("PostDocumentSort").ProducesProblems(ManagementProblems.WorkflowStatuses);
        api.MapDelete("/document/{id:guid}", TrashAsync).WithName("DeleteDocumentById").ProducesProblems(ManagementProblems.WorkflowStatuses);
        api.MapGet("/recycle-bin/document", RecycleBinAsync).WithName("GetRecycleBinDocument");
        api.MapPost("/recycle-bin/document/{id:guid}/restore", RestoreAsync).WithName("PostRecycleBinDocumentRestore").ProducesProblems(ManagementProblems.WorkflowStatuses);
        api.MapDelete("/recycle-bin/document", EmptyAsync).WithName("DeleteRecycleBinDocument").ProducesProblems(ManagementProblems.WorkflowStatuses);
        api.MapGet("/document/{id:guid}/versions", VersionsAsync).WithName("GetDocumentVersions").ProducesProblem(StatusCodes.Status404NotFound);
        // from and to are required numbers: a missing or malformed one is 400.
        api.MapGet("/document/{id:guid}/diff", DiffAsync).WithName("GetDocumentDiff").ProducesProblems(StatusCodes.Status400BadRequest, StatusCodes.Status404NotFound);
        api.MapPost("/document/{id:guid}/rollback", RollbackAsync).WithName("PostDocumentRollback").ProducesProblems(ManagementProblems.SaveStatuses);
        api.MapGet("/translation/outstanding", OutstandingAsync).WithName("GetTranslationOutstanding");
        api.MapPost("/document/{id:guid}/translation", StartTranslationAsync).WithName("PostDocumentTranslation").ProducesProblems(ManagementProblems.SaveStatuses);
        api.MapPost("/markdown/preview", Preview).WithName("PostMarkdownPreview");
    }

    private static BackOfficeUser UserOf(HttpContext context) => context.CurrentUser()!.ToWorkflowUser();

    private static async Task<Ok<IReadOnlyList<TreeItemModel>>> ChildrenAsync(Guid? parentId, IContentService content, CancellationToken cancellationToken)
    {
        var children = await content.GetChildrenAsync(parentId, cancellationToken).ConfigureAwait(false);
        var parents = await content.WithChildrenAsync([.. children.Select(c => c.Key)], cancellationToken).ConfigureAwait(false);
        return TypedResults.Ok<IReadOnlyList<TreeItemModel>>([.. children.Select(child => new TreeItemModel(child.Key, child.ContentTypeAlias, child.CurrentVersion.Data.Names,
            parents.Contains(child.Key), [.. child.PublishedCultures.Select(p => p.Culture)], child.SortOrder))]);
    }

    private static async Task<Results<Ok<DocumentModel>, ProblemHttpResult>> GetAsync(Guid id, HttpContext context, IContentService content, IContentSchemaStore schemas, CancellationToken cancellationToken)
    {
        var node = await content.GetAsync(id, cancellationToken).ConfigureAwait(false);
        return node is null ? ManagementProblems.NotFound(context) : TypedResults.Ok(DocumentModel.From(node, await schemas.GetAsync(cancellationToken).ConfigureAwait(false)));
    }

    private static async Task<Results<Created<DocumentModel>, ProblemHttpResult>> CreateAsync(CreateDocumentRequest request, HttpContext context, IEditingService editing, IContentSchemaStore schemas, CancellationToken cancellationToken)
    {
        if (request is null || string.IsNullOrWhiteSpace(request.ContentType))
        {
            return ManagementProblems.BadRequest(context, "contentType is required.");
        }

        var edit = new ContentEdit(request.Id ?? Guid.NewGuid(), request.ParentId, request.ContentType, Data(request.Names, request.Values));
        var saved = await SaveAsync(context, editing, schemas, edit, cancellationToken).ConfigureAwait(false);
        return saved.Result is Ok<DocumentModel> { Value: { } created }
            ? TypedResults.Created($"{ManagementApi.RoutePrefix}/document/{created.Id}", created)
            : (ProblemHttpResult)saved.Result;
    }

    private static async Task<Results<Ok<DocumentModel>, ProblemHttpResult>> UpdateAsync(Guid id, UpdateDocumentRequest request, HttpContext context, IContentService content, IEditingService editing, IContentSchemaStore schemas, CancellationToken cancellationToken)
    {
        var node = await content.GetAsync(id, cancellationToken).ConfigureAwait(false);
        if (node is null)
        {
            return ManagementProblems.NotFound(context);
        }

        var edit = new ContentEdit(id, node.ParentKey, node.ContentTypeAlias, Data(request?.Names, request?.Values), null, request?.ExpectedVersion);
        return await SaveAsync(context, editing, schemas, edit, cancellationToken).ConfigureAwait(false);
    }

    internal static async Task<Results<Ok<DocumentModel>, ProblemHttpResult>> SaveAsync(HttpContext context, IEditingService editing, IContentSchemaStore schemas, ContentEdit edit, CancellationToken cancellationToken)
    {
        var (result, save) = await editing.SaveAsync(edit, UserOf(context), cancellationToken).ConfigureAwait(false);
        var schema = await schemas.GetAsync(cancellationToken).ConfigureAwait(false);
        if (save is null)
        {
            return ManagementProblems.From(context, result);
        }

        if (save.Status == SaveStatus.Conflict && save.Node is null)
        {
            // The caller has their version; the conflict answer carries the one saved in between.
            var content = context.RequestServices.GetRequiredService<IContentService>();
            save = save with { Node = await content.GetAsync(edit.Key, cancellationToken).ConfigureAwait(false) };
        }

        return save.Succeeded ? TypedResults.Ok(DocumentModel.From(save.Node!, schema)) : ManagementProblems.From(context, save, schema);
    }

    internal static ContentData Data(IReadOnlyDictionary<string, string>? names, IReadOnlyList<ValueModel>? values) =>
        new(names ?? new Dictionary<string, string>(), [.. (values ?? []).Where(v => v is not null).Select(v => new PropertyValue(v.Alias ?? "", string.IsNullOrEmpty(v.Culture) ? null : v.Culture, v.Value ?? ""))]);

    private static async Task<Results<Ok<TreeChangeModel>, ProblemHttpResult>> MoveAsync(Guid id, MoveRequest request, HttpContext context, IContentTreeService tree, CancellationToken cancellationToken) =>
        Tree(context, await tree.MoveAsync(id, request?.ParentId, UserOf(context), cancellationToken).ConfigureAwait(false));

    private static async Task<Results<Ok<TreeChangeModel>, ProblemHttpResult>> CopyAsync(Guid id, CopyRequest request, HttpContext context, IContentTreeService tree, CancellationToken cancellationToken) =>
        Tree(context, await tree.CopyAsync(id, request?.ParentId, request?.IncludeDescendants ?? false, UserOf(context), cancellationToken).ConfigureAwait(false));

    private static async Task<Results<Ok<TreeChangeModel>, ProblemHttpResult>> SortAsync(SortRequest request, HttpContext context, IContentTreeService tree, CancellationToken cancellationToken) =>
        Tree(context, await tree.SortAsync(request?.ParentId, request?.Ids ?? [], UserOf(context), cancellationToken).ConfigureAwait(false));

    private static async Task<Results<Ok<TreeChangeModel>, ProblemHttpResult>> TrashAsync(Guid id, HttpContext context, IContentTreeService tree, CancellationToken cancellationToken) =>
        Tree(context, await tree.TrashAsync(id, UserOf(context), cancellationToken).ConfigureAwait(false));

    private static async Task<Results<Ok<TreeChangeModel>, ProblemHttpResult>> RestoreAsync(Guid id, HttpContext context, IContentTreeService tree, CancellationToken cancellationToken) =>
        Tree(context, await tree.RestoreAsync(id, UserOf(context), cancellationToken).ConfigureAwait(false));

    private static async Task<Results<Ok<TreeChangeModel>, ProblemHttpResult>> EmptyAsync(HttpContext context, IContentTreeService tree, CancellationToken cancellationToken) =>
        Tree(context, await tree.EmptyRecycleBinAsync(UserOf(context), cancellationToken).ConfigureAwait(false));

    private static async Task<Ok<IReadOnlyList<TreeItemModel>>> RecycleBinAsync(IContentTreeService tree, CancellationToken cancellationToken) =>
        TypedResults.Ok<IReadOnlyList<TreeItemModel>>([.. (await tree.GetRecycleBinAsync(cancellationToken).ConfigureAwait(false))
            .Select(n => new TreeItemModel(n.Key, n.ContentTypeAlias, n.CurrentVersion.Data.Names, false, [], n.SortOrder))]);

    private static Results<Ok<TreeChangeModel>, ProblemHttpResult> Tree(HttpContext context, TreeResult result) =>
        result.Status == WorkflowStatus.Success ? TypedResults.Ok(new TreeChangeModel(result.Keys)) : ManagementProblems.From(context, result);

    private static async Task<Results<Ok<IReadOnlyList<VersionModel>>, ProblemHttpResult>> VersionsAsync(Guid id, HttpContext context, IContentService content, CancellationToken cancellationToken)
    {
        var versions = await content.GetVersionsAsync(id, cancellationToken).ConfigureAwait(false);
        return versions.Count == 0 ? ManagementProblems.NotFound(context) : TypedResults.Ok<IReadOnlyList<VersionModel>>([.. versions.Select(v => new VersionModel(v.Number, v.CreatedAtUtc, v.CreatedBy))]);
    }

    private static async Task<Results<Ok<IReadOnlyList<ChangeModel>>, ProblemHttpResult>> DiffAsync(Guid id, int from, int to, HttpContext context, IContentHistoryService history, CancellationToken cancellationToken)
    {
        var changes = await history.DiffAsync(id, from, to, cancellationToken).ConfigureAwait(false);
        return changes is null ? ManagementProblems.NotFound(context) : TypedResults.Ok<IReadOnlyList<ChangeModel>>([.. changes.Select(c => new ChangeModel(c.Alias, c.Culture, c.Before, c.After))]);
    }

    private static async Task<Results<Ok<DocumentModel>, ProblemHttpResult>> RollbackAsync(Guid id, RollbackRequest request, HttpContext context, IContentHistoryService history, IContentSchemaStore schemas, CancellationToken cancellationToken)
    {
        var saved = await history.RollbackAsync(id, request?.Version ?? 0, UserOf(context), cancellationToken).ConfigureAwait(false);
        var schema = await schemas.GetAsync(cancellationToken).ConfigureAwait(false);
        return saved.Succeeded ? TypedResults.Ok(DocumentModel.From(saved.Node!, schema)) : ManagementProblems.From(context, saved, schema);
    }

    private static async Task<Ok<IReadOnlyList<TranslationStatus>>> OutstandingAsync(ITranslationService translations, CancellationToken cancellationToken) =>
        TypedResults.Ok(await translations.GetOutstandingAsync(cancellationToken).ConfigureAwait(false));

    private static async Task<Results<Ok<DocumentModel>, ProblemHttpResult>> StartTranslationAsync(Guid id, TranslationRequest request, HttpContext context, ITranslationService translations, IContentSchemaStore schemas, CancellationToken cancellationToken)
    {
        if (request is null)
        {
            return ManagementProblems.BadRequest(context, "sourceCulture and targetCulture are required.");
        }

        var saved = await translations.StartFromAsync(id, request.SourceCulture, request.TargetCulture, UserOf(context), cancellationToken).ConfigureAwait(false);
        var schema = await schemas.GetAsync(cancellationToken).ConfigureAwait(false);
        return saved.Succeeded ? TypedResults.Ok(DocumentModel.From(saved.Node!, schema)) : ManagementProblems.From(context, saved, schema);
    }

    /// <summary>The editor's live preview: the site's own Markdown pipeline (raw HTML off, then sanitized).</summary>
    private static Ok<MarkdownPreview> Preview(MarkdownRequest request, IMarkdownRenderer markdown) =>
        TypedResults.Ok(new MarkdownPreview(markdown.ToSafeHtml(request?.Markdown ?? "")));
}
