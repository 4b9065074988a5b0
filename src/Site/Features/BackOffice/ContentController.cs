using System.Globalization;
using Microsoft.AspNetCore.Mvc;
using Site.Core.Content;
using Site.Core.Media;
using Site.Core.Publishing;
using Site.Core.Workflow;

namespace Site.Features.BackOffice;

/// <summary>The content section: the tree, the bilingual edit form, the workflow per culture, history, tree operations.</summary>
[Route(BackOfficeExtensions.Path + "/content")]
public sealed class ContentController(
    IContentService content,
    IEditingService editing,
    IWorkflowService workflow,
    ISchedulingService scheduling,
    IContentTreeService tree,
    IContentHistoryService history,
    IContentSchemaStore schemas,
    IMediaLibrary media,
    IPublishedSnapshotAccessor snapshots) : BackOfficeControllerBase
{
    [HttpGet("")]
    public async Task<IActionResult> Index(CancellationToken cancellationToken)
    {
        var schema = await schemas.GetAsync(cancellationToken);
        var roots = await content.GetChildrenAsync(null, cancellationToken);
        var rootTypes = schema.ContentTypes.Values.Where(t => t.CanBeRoot).OrderBy(t => t.Name, StringComparer.Ordinal).ToList();
        return Show("ContentIndex", PageOf(Text.Content, "content", new ContentRootData(roots, rootTypes, ContentPermissions.Can(WorkflowUser, ContentAction.Create, null), new SchemaLabels(schema, Text.Code))));
    }

    [HttpGet("{id:guid}")]
    public async Task<IActionResult> Edit(Guid id, string? culture, string? done, CancellationToken cancellationToken)
    {
        var node = await content.GetAsync(id, cancellationToken);
        if (node is null)
        {
            return Missing();
        }

        var data = await EditDataAsync(node, node.ParentKey, node.ContentTypeAlias, node.CurrentVersion.Data, node.CurrentVersion.Number, culture, cancellationToken);
        return data is null ? Missing() : Show("ContentEdit", PageOf(Title(data), "content", data, notice: Notice(done)));
    }

    [HttpPost("{id:guid}")]
    public async Task<IActionResult> Save(Guid id, CancellationToken cancellationToken)
    {
        var attempt = await SaveFormAsync(id, cancellationToken);
        if (attempt is null)
        {
            return Missing();
        }

        var (node, type, schema, typed, expected, result, saved) = attempt.Value;
        if (saved?.Succeeded == true)
        {
            return Redirect($"{BackOfficeExtensions.Path}/content/{id}?done=saved");
        }

        var data = await EditDataAsync(node, node.ParentKey, node.ContentTypeAlias, typed, expected, Request.Form["culture"], cancellationToken);
        if (data is null)
        {
            return Missing();
        }

        if (saved is null)
        {
            return Show("ContentEdit", PageOf(Title(data), "content", data, errors: [new FormError(null, result.Message?.Get(Text.Code) ?? Text.Forbidden)]), StatusCodes.Status403Forbidden);
        }

        if (saved.Status == SaveStatus.Conflict)
        {
            // Nothing is overwritten: the form keeps what this editor typed, beside the version saved in between.
            var theirs = node.CurrentVersion;
            var conflict = new ConflictView(theirs, expected ?? 0, ConflictRows(type, schema, theirs.Data, typed));
            data = data with { Version = theirs.Number, Conflict = conflict };
            return Show("ContentEdit", PageOf(Title(data), "content", data, errors: [new FormError(null, Text.ConflictSummary)]), StatusCodes.Status409Conflict);
        }

        return Invalid("ContentEdit", PageOf(Title(data), "content", data, errors: Errors(saved.Errors)));
    }

    /// <summary>The edit form's autosave: the same save, answered in JSON for the page's script.</summary>
    [HttpPost("{id:guid}/autosave")]
    public async Task<IActionResult> Autosave(Guid id, CancellationToken cancellationToken)
    {
        var attempt = await SaveFormAsync(id, cancellationToken);
        if (attempt is null)
        {
            return NotFound();
        }

        var (_, _, _, _, _, result, saved) = attempt.Value;
        if (saved?.Succeeded == true)
        {
            return Json(new { version = saved.Node!.CurrentVersion.Number, savedAtUtc = saved.Node.CurrentVersion.CreatedAtUtc });
        }

        var status = saved is null ? StatusCodes.Status403Forbidden : saved.Status == SaveStatus.Conflict ? StatusCodes.Status409Conflict : StatusCodes.Status400BadRequest;
        var messages = saved is null ? [result.Message?.Get(Text.Code) ?? Text.Forbidden] : saved.Status == SaveStatus.Conflict ? [Text.ConflictSummary] : saved.Errors.Select(e => e.Message.Get(Text.Code)).ToList();
        return StatusCode(status, new { messages });
    }

    private async Task<(ContentNode Node, ContentType Type, ContentSchema Schema, ContentData Typed, int? Expected, WorkflowResult Result, SaveResult? Saved)?> SaveFormAsync(Guid id, CancellationToken cancellationToken)
    {
        var node = await content.GetAsync(id, cancellationToken);
        var schema = await schemas.GetAsync(cancellationToken);
        var type = node is null ? null : schema.FindContentType(node.ContentTypeAlias);
        if (node is null || type is null)
        {
            return null;
        }

        var form = await Request.ReadFormAsync(cancellationToken);
        var typed = ContentForm.Read(form, type, schema.Languages.All.Select(l => l.IsoCode), node.CurrentVersion.Data, schema);
        var expected = int.TryParse(form[ContentForm.VersionField], NumberStyles.None, CultureInfo.InvariantCulture, out var v) ? v : (int?)null;
        var (result, saved) = await editing.SaveAsync(new ContentEdit(id, node.ParentKey, node.ContentTypeAlias, typed, null, expected), WorkflowUser, cancellationToken);
        return (node, type, schema, typed, expected, result, saved);
    }

    [HttpGet("create")]
    public async Task<IActionResult> Create(Guid? parentId, string? type, CancellationToken cancellationToken)
    {
        var data = await NewDataAsync(parentId, type, ContentData.Empty, cancellationToken);
        return data is null ? Missing() : Show("ContentEdit", PageOf(Title(data), "content", data));
    }

    [HttpPost("create")]
    public async Task<IActionResult> CreatePost(Guid? parentId, string? type, CancellationToken cancellationToken)
    {
        var data = await NewDataAsync(parentId, type, ContentData.Empty, cancellationToken);
        if (data is null)
        {
            return Missing();
        }

        var schema = await schemas.GetAsync(cancellationToken);
        var form = await Request.ReadFormAsync(cancellationToken);
        var typed = ContentForm.Read(form, data.Type, schema.Languages.All.Select(l => l.IsoCode), null, schema);
        var key = Guid.NewGuid();
        var (result, saved) = await editing.SaveAsync(new ContentEdit(key, parentId, data.Type.Alias, typed), WorkflowUser, cancellationToken);
        if (saved?.Succeeded == true)
        {
            return Redirect($"{BackOfficeExtensions.Path}/content/{key}?done=created");
        }

        data = data with { Data = typed };
        return saved is null
            ? Show("ContentEdit", PageOf(Title(data), "content", data, errors: [new FormError(null, result.Message?.Get(Text.Code) ?? Text.Forbidden)]), StatusCodes.Status403Forbidden)
            : Invalid("ContentEdit", PageOf(Title(data), "content", data, errors: Errors(saved.Errors)));
    }

    [HttpPost("{id:guid}/workflow")]
    public async Task<IActionResult> Workflow(Guid id, [FromForm] string action, [FromForm] string? culture, [FromForm] string? comment, CancellationToken cancellationToken)
    {
        var user = WorkflowUser;
        var iso = culture ?? "";
        var result = action switch
        {
            "submit" => await workflow.SubmitAsync(id, iso, user, comment, cancellationToken),
            "approve" => await workflow.ApproveAsync(id, iso, user, comment, cancellationToken),
            "reject" => await workflow.RejectAsync(id, iso, user, comment ?? "", cancellationToken),
            "publish" => await workflow.PublishAsync(id, [iso], user, cancellationToken),
            "publish-all" => await workflow.PublishAsync(id, [.. (await schemas.GetAsync(cancellationToken)).Languages.All.Select(l => l.IsoCode)], user, cancellationToken),
            "unpublish" => await editing.UnpublishAsync(id, iso, user, cancellationToken),
            _ => new WorkflowResult(WorkflowStatus.InvalidTarget),
        };
        return await AfterAsync(id, result, action, culture, cancellationToken);
    }

    [HttpPost("{id:guid}/schedule")]
    public async Task<IActionResult> Schedule(Guid id, [FromForm] string culture, [FromForm] ScheduledActionKind kind, [FromForm] string? at, [FromForm] string? zone, CancellationToken cancellationToken)
    {
        if (!DateTime.TryParseExact(at, ["yyyy-MM-dd'T'HH:mm", "yyyy-MM-dd'T'HH:mm:ss"], CultureInfo.InvariantCulture, DateTimeStyles.None, out var local))
        {
            return await AfterAsync(id, new WorkflowResult(WorkflowStatus.InThePast, Core.Content.LocalizedText.Of("Enter a date and time.")), "schedule", culture, cancellationToken);
        }

        var utc = TimeZoneInfo.ConvertTimeToUtc(DateTime.SpecifyKind(local, DateTimeKind.Unspecified), ZoneOf(zone));
        var (result, _) = await scheduling.ScheduleAsync(id, culture, kind, utc, WorkflowUser, cancellationToken);
        return await AfterAsync(id, result, "schedule", culture, cancellationToken);
    }

    [HttpPost("{id:guid}/schedule/{scheduleId:long}/cancel")]
    public async Task<IActionResult> CancelSchedule(Guid id, long scheduleId, CancellationToken cancellationToken) =>
        await AfterAsync(id, await scheduling.CancelAsync(scheduleId, WorkflowUser, cancellationToken), "cancel-schedule", null, cancellationToken);

    [HttpPost("{id:guid}/trash")]
    public async Task<IActionResult> Trash(Guid id, CancellationToken cancellationToken)
    {
        var node = await content.GetAsync(id, cancellationToken);
        var result = await tree.TrashAsync(id, WorkflowUser, cancellationToken);
        if (result.Status != WorkflowStatus.Success)
        {
            return await AfterAsync(id, new WorkflowResult(result.Status, result.Message), "trash", null, cancellationToken);
        }

        return Redirect(node?.ParentKey is { } parent ? $"{BackOfficeExtensions.Path}/content/{parent}?done=trashed" : $"{BackOfficeExtensions.Path}/recycle-bin");
    }

    [HttpPost("{id:guid}/move")]
    public async Task<IActionResult> Move(Guid id, [FromForm] string? parent, [FromForm] bool copy, CancellationToken cancellationToken)
    {
        var target = Guid.TryParse(parent, out var key) ? key : (Guid?)null;
        var result = copy
            ? await tree.CopyAsync(id, target, includeDescendants: false, WorkflowUser, cancellationToken)
            : await tree.MoveAsync(id, target, WorkflowUser, cancellationToken);
        if (result.Status == WorkflowStatus.Success && copy && result.Keys.Count > 0)
        {
            return Redirect($"{BackOfficeExtensions.Path}/content/{result.Keys[0]}?done=copied");
        }

        return await AfterAsync(id, new WorkflowResult(result.Status, result.Message), copy ? "copy" : "move", null, cancellationToken);
    }

    /// <summary>Moves a child one place up or down among its siblings.</summary>
    [HttpPost("{id:guid}/sort")]
    public async Task<IActionResult> Sort(Guid id, [FromForm] Guid child, [FromForm] string direction, CancellationToken cancellationToken)
    {
        var children = (await content.GetChildrenAsync(id, cancellationToken)).Select(c => c.Key).ToList();
        var index = children.IndexOf(child);
        var swap = direction == "up" ? index - 1 : index + 1;
        if (index < 0 || swap < 0 || swap >= children.Count)
        {
            return Redirect($"{BackOfficeExtensions.Path}/content/{id}");
        }

        (children[index], children[swap]) = (children[swap], children[index]);
        var result = await tree.SortAsync(id, children, WorkflowUser, cancellationToken);
        return await AfterAsync(id, new WorkflowResult(result.Status, result.Message), "sorted", null, cancellationToken);
    }

    [HttpGet("{id:guid}/history")]
    public async Task<IActionResult> History(Guid id, int? from, int? to, CancellationToken cancellationToken)
    {
        var node = await content.GetAsync(id, cancellationToken);
        if (node is null)
        {
            return Missing();
        }

        var versions = await content.GetVersionsAsync(id, cancellationToken);
        var changes = from is { } f && to is { } t ? await history.DiffAsync(id, f, t, cancellationToken) : null;
        var schema = await schemas.GetAsync(cancellationToken);
        var data = new HistoryData(node, versions, from, to, changes, ContentPermissions.Can(WorkflowUser, ContentAction.Rollback, null),
            schema.FindContentType(node.ContentTypeAlias), new SchemaLabels(schema, Text.Code));
        return Show("ContentHistory", PageOf(Text.HistoryOf(node.CurrentVersion.Data.GetName(Text.Code) ?? node.CurrentVersion.Data.Names.Values.FirstOrDefault() ?? ""), "content", data));
    }

    [HttpPost("{id:guid}/rollback")]
    public async Task<IActionResult> Rollback(Guid id, [FromForm] int version, CancellationToken cancellationToken)
    {
        var saved = await history.RollbackAsync(id, version, WorkflowUser, cancellationToken);
        if (saved.Succeeded)
        {
            return Redirect($"{BackOfficeExtensions.Path}/content/{id}?done=rolled-back");
        }

        return saved.Status switch
        {
            SaveStatus.Forbidden => Refused(),
            SaveStatus.NotFound => Missing(),
            _ => await AfterAsync(id, new WorkflowResult(WorkflowStatus.InvalidTarget, saved.Errors.Count > 0 ? saved.Errors[0].Message : null), "rollback", null, cancellationToken),
        };
    }

    private async Task<IActionResult> AfterAsync(Guid id, WorkflowResult result, string action, string? culture, CancellationToken cancellationToken)
    {
        if (result.Succeeded)
        {
            return Redirect($"{BackOfficeExtensions.Path}/content/{id}?done={action}" + (culture is null ? "" : "&culture=" + Uri.EscapeDataString(culture)));
        }

        var node = await content.GetAsync(id, cancellationToken);
        if (node is null)
        {
            return Missing();
        }

        var data = await EditDataAsync(node, node.ParentKey, node.ContentTypeAlias, node.CurrentVersion.Data, node.CurrentVersion.Number, culture, cancellationToken);
        if (data is null)
        {
            return Missing();
        }

        var messages = new List<FormError> { new(null, result.Message?.Get(Text.Code) ?? Text.ActionFailed) };
        messages.AddRange((result.Publish?.Errors ?? []).Select(e => new FormError(null, e.Message.Get(Text.Code))).Where(e => e.Message != messages[0].Message));
        var status = result.Status switch
        {
            WorkflowStatus.Forbidden => StatusCodes.Status403Forbidden,
            WorkflowStatus.NotFound => StatusCodes.Status404NotFound,
            WorkflowStatus.AlreadyInReview or WorkflowStatus.NoPendingReview or WorkflowStatus.ChangedSinceReview => StatusCodes.Status409Conflict,
            _ => StatusCodes.Status400BadRequest,
        };
        return Show("ContentEdit", PageOf(Title(data), "content", data, errors: messages), status);
    }

    private async Task<ContentEditData?> NewDataAsync(Guid? parentId, string? typeAlias, ContentData data, CancellationToken cancellationToken)
    {
        var schema = await schemas.GetAsync(cancellationToken);
        var type = typeAlias is null ? null : schema.FindContentType(typeAlias);
        if (type is null)
        {
            return null;
        }

        // Only the child types that the parent's type allows (or the root types).
        var parent = parentId is { } p ? await content.GetAsync(p, cancellationToken) : null;
        var allowed = parent is null
            ? parentId is null && type.CanBeRoot
            : ContentSchema.AllowsChild(schema.FindContentType(parent.ContentTypeAlias), type);
        if (!allowed)
        {
            return null;
        }

        return await BuildAsync(null, parentId, type, schema, data, null, null, cancellationToken);
    }

    private async Task<ContentEditData?> EditDataAsync(ContentNode node, Guid? parentKey, string typeAlias, ContentData data, int? version, string? culture, CancellationToken cancellationToken)
    {
        var schema = await schemas.GetAsync(cancellationToken);
        var type = schema.FindContentType(typeAlias);
        return type is null ? null : await BuildAsync(node, parentKey, type, schema, data, version, culture, cancellationToken);
    }

    private async Task<ContentEditData> BuildAsync(ContentNode? node, Guid? parentKey, ContentType type, ContentSchema schema, ContentData data, int? version, string? culture, CancellationToken cancellationToken)
    {
        var ancestors = new List<ContentNode>();
        for (var key = parentKey; key is { } k && ancestors.Count < 50;)
        {
            var ancestor = await content.GetAsync(k, cancellationToken);
            if (ancestor is null)
            {
                break;
            }

            ancestors.Insert(0, ancestor);
            key = ancestor.ParentKey;
        }

        var children = node is null ? [] : await content.GetChildrenAsync(node.Key, cancellationToken);
        var reviews = new Dictionary<string, Review?>(StringComparer.OrdinalIgnoreCase);
        foreach (var language in schema.Languages.All)
        {
            reviews[language.IsoCode] = node is null ? null : await workflow.GetReviewAsync(node.Key, language.IsoCode, cancellationToken);
        }

        var schedules = node is null ? [] : await scheduling.GetForNodeAsync(node.Key, cancellationToken);
        var allowedChildren = type.AllowedChildAliases.Select(schema.FindContentType).OfType<ContentType>().Where(t => !t.IsElement).ToList();
        var mediaItems = media.Items.Take(200).ToList();
        return new ContentEditData(node, parentKey, type, schema.Languages.All, data, version, ancestors, children, reviews,
            [.. schedules.Where(s => s.RanAtUtc is null)], allowedChildren, node is null ? [] : ParentChoices(node, schema), mediaItems, WorkflowUser,
            culture is not null && schema.Languages.Contains(culture) ? culture : null, new SchemaLabels(schema, Text.Code));
    }

    /// <summary>Where an item may move or be copied to: published items whose type allows it (and the root if its type may stand there).</summary>
    private List<(Guid Key, string Name)> ParentChoices(ContentNode node, ContentSchema schema)
    {
        var snapshot = snapshots.Current;
        var choices = snapshot.All
            .Where(p => p.Key != node.Key && schema.FindContentType(p.ContentTypeAlias)?.AllowedChildAliases.Contains(node.ContentTypeAlias) == true)
            .Select(p => (p.Key, p.Name(Text.Code) ?? p.Name(snapshot.Languages.Default?.IsoCode ?? Text.Code) ?? p.Key.ToString()))
            .OrderBy(p => p.Item2, StringComparer.Ordinal)
            .Take(200)
            .ToList();
        return choices;
    }

    private string Title(ContentEditData data) =>
        data.Node is null ? Text.CreateItem(data.Labels.Type(data.Type)) : data.NameOf(data.Node, Text.Code);

    private string? Notice(string? done) => done is null ? null : Text.Done(done);

    private List<FormError> Errors(IEnumerable<ContentError> errors) =>
        [.. errors.Select(e => new FormError(
            e.Alias is null ? (e.Culture is null ? null : ContentForm.NameField(e.Culture).Replace('.', '-')) : ContentForm.ValueField(e.Alias, e.Culture).Replace('.', '-'),
            e.Message.Get(Text.Code)))];

    private List<ConflictRow> ConflictRows(ContentType type, ContentSchema schema, ContentData theirs, ContentData yours)
    {
        var rows = new List<ConflictRow>();
        var labels = new SchemaLabels(schema, Text.Code);
        foreach (var language in schema.Languages.All)
        {
            var (a, b) = (theirs.GetName(language.IsoCode) ?? "", yours.GetName(language.IsoCode) ?? "");
            if (!string.Equals(a, b, StringComparison.Ordinal))
            {
                rows.Add(new ConflictRow(Text.Name, language.IsoCode, a, b));
            }
        }

        foreach (var property in type.Properties)
        {
            foreach (var culture in property.VariesByCulture ? schema.Languages.All.Select(l => (string?)l.IsoCode) : [null])
            {
                var (a, b) = (ContentForm.ToText(property.EditorAlias, theirs.GetValue(property.Alias, culture)), ContentForm.ToText(property.EditorAlias, yours.GetValue(property.Alias, culture)));
                if (!string.Equals(a, b, StringComparison.Ordinal))
                {
                    rows.Add(new ConflictRow(labels.Property(property), culture, a, b));
                }
            }
        }

        return rows;
    }

    private static TimeZoneInfo ZoneOf(string? zone)
    {
        if (zone == "UTC")
        {
            return TimeZoneInfo.Utc;
        }

        try
        {
            return TimeZoneInfo.FindSystemTimeZoneById("Asia/Shanghai");
        }
        catch (TimeZoneNotFoundException)
        {
            // China has kept UTC+8 without daylight saving since 1991.
            return TimeZoneInfo.CreateCustomTimeZone("China Standard Time", TimeSpan.FromHours(8), "China Standard Time", "China Standard Time");
        }
    }
}
