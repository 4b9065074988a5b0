using Microsoft.Extensions.Options;
using Site.Core.Content;
using Site.Core.Publishing;
using Site.Core.Rendering;
using Site.Features.Delivery.Querying;

namespace Site.Features.Delivery;

/// <summary>
/// Turns published content into the contract's JSON shapes, in the culture it is served in. Picked content goes
/// through <see cref="DeliveryRequest.Serve"/> like everything else, so protected or unpublished content never leaks
/// through a picker, expanded or not.
/// </summary>
internal sealed class DeliveryContentRenderer(
    IDeliveryMediaSource media, IMarkdownRenderer markdown, IRichTextRenderer richText, IOptions<DeliveryApiOptions> options)
{
    /// <summary>Blocks in blocks deeper than saving allows were written around the engine: they are left out.</summary>
    private const int MaxBlockDepth = 8;

    private static readonly IReadOnlyDictionary<string, object?> NoProperties = new Dictionary<string, object?>();

    public ApiContentResponse Render(DeliveryRequest request, Served item, PropertySelection fields, PropertySelection expand)
    {
        var (content, culture, fallback) = item;
        var info = content.Culture(culture)!;
        var cultures = new Dictionary<string, ApiContentRoute>(StringComparer.Ordinal);
        foreach (var published in content.Cultures.Keys.Order(StringComparer.Ordinal))
        {
            cultures[published.ToLowerInvariant()] = Route(content, published);
        }

        return new ApiContentResponse
        {
            ContentType = content.ContentTypeAlias,
            Name = info.Name,
            CreateDate = content.CreateDateUtc,
            UpdateDate = info.PublishedAtUtc,
            Route = Route(content, culture),
            Id = content.Key,
            Properties = Properties(request, content, culture, fields, expand),
            Cultures = cultures,
            FallbackCulture = fallback ? culture : null,
        };
    }

    private ApiContent RenderPicked(DeliveryRequest request, Served item, PropertySelection? fields, PropertySelection? expand)
    {
        var (content, culture, fallback) = item;
        var info = content.Culture(culture)!;
        return new ApiContent
        {
            ContentType = content.ContentTypeAlias,
            Name = info.Name,
            CreateDate = content.CreateDateUtc,
            UpdateDate = info.PublishedAtUtc,
            Route = Route(content, culture),
            Id = content.Key,
            Properties = expand is null ? NoProperties : Properties(request, content, culture, fields ?? PropertySelection.All, expand),
            FallbackCulture = fallback ? culture : null,
        };
    }

    /// <summary>The route of the item in a culture; the path is the site's URL, with Umbraco's trailing slash unless configured off.</summary>
    public ApiContentRoute Route(PublishedContent content, string culture)
    {
        var root = content;
        while (root.Parent is not null)
        {
            root = root.Parent;
        }

        return new ApiContentRoute
        {
            Path = content.Url(culture) is { } url && options.Value.AddTrailingSlash ? WithTrailingSlash(url) : content.Url(culture),
            StartItem = new ApiContentStartItem { Id = root.Key, Path = DeliveryRequestReader.StartItemPath(root, culture) },
        };
    }

    private static string WithTrailingSlash(string path) => path.EndsWith('/') ? path : path + "/";

    private Dictionary<string, object?> Properties(
        DeliveryRequest request, PublishedContent content, string culture, PropertySelection fields, PropertySelection expand)
    {
        var properties = new Dictionary<string, object?>(StringComparer.Ordinal);
        foreach (var property in content.ContentType.Properties)
        {
            if (fields.Includes(property.Alias))
            {
                properties[property.Alias] = Value(request, property, new NodeValues(content, culture), culture, fields, expand, 0);
            }
        }

        return properties;
    }

    /// <summary>
    /// One property's value in the contract's shape: the same code for a node's properties and for a block's, so a value
    /// reads the same wherever it is. Expand and fields apply inside blocks as Umbraco's do (<c>properties[blocks[properties[…]]]</c>).
    /// </summary>
    private object? Value(
        DeliveryRequest request, PropertyType property, IValueSource values, string culture, PropertySelection fields, PropertySelection expand, int depth)
    {
        var alias = property.Alias;
        var raw = values.Raw(alias);
        var nestedFields = fields.Nested(alias) ?? PropertySelection.All;
        var nestedExpand = expand.Nested(alias) ?? PropertySelection.None;
        return property.EditorAlias switch
        {
            PropertyEditors.Markdown => request.MarkdownSource ? raw : values.Html(alias),
            PropertyEditors.RichText => RichText(request, values, alias, culture, nestedFields, nestedExpand, depth),
            PropertyEditors.BlockList => new ApiBlockList(Blocks(request, EditorValues.Blocks(request.Snapshot.Schema, raw, culture), nestedFields, nestedExpand, depth)),
            PropertyEditors.Numeric => EditorValues.WholeNumber(raw),
            PropertyEditors.DatePicker => EditorValues.DateAndTime(raw),
            PropertyEditors.TrueFalse => EditorValues.IsTrue(raw),
            PropertyEditors.Tags => EditorValues.Tags(raw),
            PropertyEditors.MultiUrlPicker => EditorValues.Links(raw)
                .Select(l => new ApiLink(l.Url, null, l.Name, l.Target, null, null, null, "External"))
                .ToList(),
            PropertyEditors.ContentPicker => request.Serve(request.Snapshot.GetByKey(EditorValues.ContentKey(raw) ?? Guid.Empty)) is { } picked
                ? RenderPicked(
                    request,
                    picked,
                    fields.Nested(alias),
                    expand.Includes(alias) ? expand.Nested(alias) ?? PropertySelection.None : null)
                : null,
            PropertyEditors.MediaPicker => MediaValue(request, property, raw),
            PropertyEditors.BlockGrid => new ApiBlockList(Blocks(request, EditorValues.Blocks(request.Snapshot.Schema, GenericValues.GridAsBlockList(raw), culture), nestedFields, nestedExpand, depth)),
            PropertyEditors.MultiNodeTreePicker => GenericValues.Items(raw)
                .Select(udi => request.Serve(request.Snapshot.GetByKey(EditorValues.ContentKey(udi) ?? Guid.Empty)))
                .OfType<Served>()
                .Select(picked => RenderPicked(request, picked, fields.Nested(alias), expand.Includes(alias) ? expand.Nested(alias) ?? PropertySelection.None : null))
                .ToList(),
            _ when PropertyEditors.IsGeneric(property.EditorAlias) => GenericValue(request, property, raw),
            _ => raw,
        };
    }

    /// <summary>
    /// A value of an editor the site stores as it comes, typed as Umbraco's Delivery API types it where that is plain
    /// (numbers, lists, a colour, a file's URL); otherwise the stored text.
    /// </summary>
    private static object? GenericValue(DeliveryRequest request, PropertyType property, string? raw)
    {
        if (string.IsNullOrWhiteSpace(raw))
        {
            return null;
        }

        var multiple = request.Snapshot.Schema.DataTypes.GetValueOrDefault(property.DataTypeKey)?.ConfigJson.Contains("\"multiple\":true", StringComparison.Ordinal) == true;
        return property.EditorAlias switch
        {
            PropertyEditors.DecimalNumber or PropertyEditors.Slider => GenericValues.Number(raw),
            PropertyEditors.DropDown when !multiple => GenericValues.Items(raw) is [var first, ..] ? first : null,
            PropertyEditors.DropDown or PropertyEditors.CheckBoxList or PropertyEditors.MultipleTextstring or PropertyEditors.LegacyMediaPicker => GenericValues.Items(raw),
            PropertyEditors.ColorPicker => GenericValues.Colour(raw) is var (hex, label) ? new Dictionary<string, string?> { ["color"] = hex, ["label"] = label } : null,
            PropertyEditors.EyeDropper => GenericValues.Colour(raw)?.Hex,
            PropertyEditors.UploadField => GenericValues.SafeUrl(raw),
            PropertyEditors.ImageCropper => GenericValues.SafeUrl(GenericValues.ImageSource(raw)) is { } url ? new Dictionary<string, string> { ["url"] = url } : null,
            _ => raw,
        };
    }

    /// <summary>Rich text as Umbraco's markup mode writes it: blocks placed by <c>data-content-id</c>, and listed.</summary>
    private ApiRichText RichText(
        DeliveryRequest request, IValueSource values, string alias, string culture, PropertySelection fields, PropertySelection expand, int depth)
    {
        if (values.Html(alias) is not { } html)
        {
            return ApiRichText.Empty;
        }

        var blocks = EditorValues.RichText(request.Snapshot.Schema, values.Raw(alias), culture)?.Blocks ?? [];
        var markup = html.Replace(" " + RichTextRenderer.BlockKeyAttribute + "=\"", " data-content-id=\"", StringComparison.Ordinal);
        return new ApiRichText(markup, [.. Blocks(request, blocks, fields, expand, depth)]);
    }

    private List<ApiBlockItem> Blocks(DeliveryRequest request, IReadOnlyList<BlockItem> blocks, PropertySelection fields, PropertySelection expand, int depth) =>
        depth >= MaxBlockDepth ? [] :
        [.. blocks.Where(b => b.Content.ContentType is not null).Select(b => new ApiBlockItem(
            Element(request, b.Content, fields, expand, depth + 1),
            b.Settings is { ContentType: not null } settings ? Element(request, settings, fields, expand, depth + 1) : null))];

    private ApiElement Element(DeliveryRequest request, BlockElement element, PropertySelection fields, PropertySelection expand, int depth)
    {
        var properties = new Dictionary<string, object?>(StringComparer.Ordinal);
        var values = new ElementValues(element, markdown, richText, request.Snapshot.Schema);
        foreach (var property in element.ContentType!.Properties)
        {
            if (fields.Includes(property.Alias))
            {
                properties[property.Alias] = Value(request, property, values, element.Culture, fields, expand, depth);
            }
        }

        return new ApiElement(element.ContentTypeAlias, element.Key, properties);
    }

    /// <summary>
    /// A media picker's items that the media library knows, with the pick's focal point and crops; a deleted item is
    /// left out (as Umbraco sends for missing media).
    /// </summary>
    private List<ApiMediaPick> MediaValue(DeliveryRequest request, PropertyType property, string? raw)
    {
        var configuration = MediaPickerConfiguration.Parse(request.Snapshot.Schema.DataTypes.GetValueOrDefault(property.DataTypeKey)?.ConfigJson);
        var items = new List<ApiMediaPick>();
        foreach (var pick in EditorValues.MediaPicks(raw))
        {
            if (media.Find(pick.MediaKey) is { } item)
            {
                items.Add(MediaLibrarySource.ForPick(item, pick, configuration));
            }
        }

        return items;
    }

    /// <summary>Where a property's stored value and its HTML (Markdown, rich text) come from: a node, or a block's element.</summary>
    private interface IValueSource
    {
        string? Raw(string alias);

        string? Html(string alias);
    }

    /// <summary>A node's values; HTML from the snapshot, rendered once per published version.</summary>
    private sealed class NodeValues(PublishedContent content, string culture) : IValueSource
    {
        public string? Raw(string alias) => content.Value(alias, culture);

        public string? Html(string alias) => content.HtmlValue(alias, culture);
    }

    /// <summary>A block element's values in its culture; HTML rendered by the same renderers the snapshot uses.</summary>
    private sealed class ElementValues(BlockElement element, IMarkdownRenderer markdown, IRichTextRenderer richText, ContentSchema schema) : IValueSource
    {
        public string? Raw(string alias) => element.Value(alias);

        public string? Html(string alias)
        {
            var value = element.Value(alias);
            if (value is null)
            {
                return null;
            }

            var property = element.ContentType?.FindProperty(alias);
            if (property?.EditorAlias != PropertyEditors.RichText)
            {
                return markdown.ToSafeHtml(value);
            }

            var rich = EditorValues.RichTextMarkup(value);
            var keys = EditorValues.RichText(ContentSchema.Empty, value, element.Culture)?.Blocks.Select(b => b.Content.Key).ToHashSet() ?? [];
            return rich is null ? null : richText.ToSafeHtml(rich, element.Culture, keys, EditorValues.RichTextConfigurationOf(schema, property)) is { Length: > 0 } html ? html : null;
        }
    }
}

/// <summary>
/// Media for the API: the media library (<see cref="MediaLibrarySource"/>) as the contract shapes it; media pickers
/// and the media endpoints read it.
/// </summary>
public interface IDeliveryMediaSource
{
    ApiMediaWithCrops? Find(Guid key);

    ApiMediaWithCrops? FindByPath(string path);

    /// <summary>The children of a media folder (null: the root), in their order.</summary>
    IReadOnlyList<ApiMediaWithCrops> Children(Guid? parentKey);
}
