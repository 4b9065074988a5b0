using Microsoft.AspNetCore.Mvc;
using Site.Core.Content;
using Site.Core.Publishing;

namespace Site.Features.BackOffice;

/// <summary>
/// What a content picker asks for (Umbraco's document picker and multi-node tree picker, on the edit form and inside
/// blocks): items found by name, only of the types the picker allows, and the names of the items already picked.
/// Answers are JSON for the script; drafts are included (an editor picks a speaker before publishing both).
/// </summary>
[Route(Path)]
public sealed class ContentPickerController(IContentService content, IPublishedSnapshotAccessor snapshots) : BackOfficeControllerBase
{
    public const string Path = BackOfficeExtensions.Path + "/picker";

    public const int MaxFound = 20;

    /// <summary>At most this many picked items are named in one request (a picker holds a handful).</summary>
    public const int MaxNamed = 100;

    /// <summary>Items whose name in any language contains the text; with no text, the first items of the allowed types.</summary>
    [HttpGet("find")]
    public async Task<IActionResult> Find(string? q, string? types, string? culture, CancellationToken cancellationToken)
    {
        var text = (q ?? string.Empty).Trim();
        if (text.Length > TreeController.MaxQueryLength)
        {
            text = text[..TreeController.MaxQueryLength];
        }

        var schema = snapshots.Current.Schema;
        var asked = (types ?? string.Empty).Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
        var allowed = asked.Where(alias => schema.FindContentType(alias) is { IsElement: false }).ToList();
        if (asked.Length > 0 && allowed.Count == 0)
        {
            // A picker limited to types that are not documents (or no longer exist) picks nothing, not everything.
            return Json(Array.Empty<PickedItem>());
        }

        var found = await content.FindByNameAsync(text, MaxFound, allowed, cancellationToken);
        return Json(found.Select(node => Describe(node, culture)));
    }

    /// <summary>The picked items by key or udi (comma-separated), in the order asked; items that no longer exist are left out.</summary>
    [HttpGet("items")]
    public async Task<IActionResult> Items(string? keys, string? culture, CancellationToken cancellationToken)
    {
        var wanted = GenericValues.Items(keys)
            .Select(k => Guid.TryParse(k, out var key) ? key : ContentUdi.TryParse(k))
            .OfType<Guid>()
            .Distinct()
            .Take(MaxNamed);
        var items = new List<PickedItem>();
        foreach (var key in wanted)
        {
            if (await content.GetAsync(key, cancellationToken) is { Trashed: false } node)
            {
                items.Add(Describe(node, culture));
            }
        }

        return Json(items);
    }

    private PickedItem Describe(ContentNode node, string? culture)
    {
        var snapshot = snapshots.Current;
        var (preferred, name, others) = ContentTreeView.NamesOf(node, snapshot.Languages, culture, Text.Code);
        var type = snapshot.Schema.FindContentType(node.ContentTypeAlias);
        var typeName = type is null ? node.ContentTypeAlias : new SchemaLabels(snapshot.Schema, Text.Code).Type(type);
        return new PickedItem(node.Key, ContentUdi.Create(node.Key), name, others, typeName, node.IsPublished(preferred));
    }
}

/// <summary>An item a picker can show: its key and the udi pickers store, its names and kind, whether it is live.</summary>
public sealed record PickedItem(Guid Key, string Udi, string Name, string OtherNames, string Type, bool Published);
