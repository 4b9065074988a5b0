using Site.Core.Content;
using Site.Core.Publishing;
using Site.Features.Delivery.Querying;

namespace Site.Features.Delivery;

/// <summary>
/// Turns published content into the contract's JSON shapes, in the culture it is served in. Picked content goes
/// through <see cref="DeliveryRequest.Serve"/> like everything else, so protected or unpublished content never leaks
/// through a picker, expanded or not.
/// </summary>
internal sealed class DeliveryContentRenderer(IDeliveryMediaSource media)
{
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

    public static ApiContentRoute Route(PublishedContent content, string culture)
    {
        var root = content;
        while (root.Parent is not null)
        {
            root = root.Parent;
        }

        return new ApiContentRoute
        {
            Path = content.Url(culture),
            StartItem = new ApiContentStartItem { Id = root.Key, Path = DeliveryRequestReader.StartItemPath(root, culture) },
        };
    }

    private Dictionary<string, object?> Properties(
        DeliveryRequest request, PublishedContent content, string culture, PropertySelection fields, PropertySelection expand)
    {
        var properties = new Dictionary<string, object?>(StringComparer.Ordinal);
        foreach (var property in content.ContentType.Properties)
        {
            if (!fields.Includes(property.Alias))
            {
                continue;
            }

            properties[property.Alias] = property.EditorAlias switch
            {
                PropertyEditors.Markdown => request.MarkdownSource ? content.Value(property.Alias, culture) : content.HtmlValue(property.Alias, culture),
                PropertyEditors.RichText => content.HtmlValue(property.Alias, culture) is { } markup ? new ApiRichText(markup, []) : ApiRichText.Empty,
                PropertyEditors.Numeric => content.IntValue(property.Alias, culture),
                PropertyEditors.DatePicker => content.DateValue(property.Alias, culture)?.ToDateTime(TimeOnly.MinValue),
                PropertyEditors.TrueFalse => content.BoolValue(property.Alias, culture),
                PropertyEditors.Tags => content.TagsValue(property.Alias, culture),
                PropertyEditors.MultiUrlPicker => content.LinksValue(property.Alias, culture)
                    .Select(l => new ApiLink(l.Url, null, l.Name, l.Target, null, null, null, "External"))
                    .ToList(),
                PropertyEditors.ContentPicker => request.Serve(request.Snapshot.GetByKey(content.PickedKey(property.Alias, culture) ?? Guid.Empty)) is { } picked
                    ? RenderPicked(
                        request,
                        picked,
                        fields.Nested(property.Alias),
                        expand.Includes(property.Alias) ? expand.Nested(property.Alias) ?? PropertySelection.None : null)
                    : null,
                PropertyEditors.MediaPicker => MediaValue(request, content, property, culture),
                _ => content.Value(property.Alias, culture),
            };
        }

        return properties;
    }

    /// <summary>
    /// A media picker's items that the media library knows, with the pick's focal point and crops; a deleted item is
    /// left out (as Umbraco sends for missing media).
    /// </summary>
    private List<ApiMediaPick> MediaValue(DeliveryRequest request, PublishedContent content, PropertyType property, string culture)
    {
        var configuration = MediaPickerConfiguration.Parse(request.Snapshot.Schema.DataTypes.GetValueOrDefault(property.DataTypeKey)?.ConfigJson);
        var items = new List<ApiMediaPick>();
        foreach (var pick in EditorValues.MediaPicks(content.Value(property.Alias, culture)))
        {
            if (media.Find(pick.MediaKey) is { } item)
            {
                items.Add(MediaLibrarySource.ForPick(item, pick, configuration));
            }
        }

        return items;
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
