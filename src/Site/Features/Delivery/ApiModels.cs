using System.Text.Json.Serialization;

namespace Site.Features.Delivery;

// The JSON shapes of Umbraco's Content Delivery API v2 (shared/contracts/umbraco-delivery-api). Property order follows
// Umbraco's output. Schema names in our OpenAPI document are the contract's (see DeliveryOpenApi).

/// <summary>A content item as an endpoint returns it (IApiContentResponseModel).</summary>
public sealed record ApiContentResponse
{
    public required string ContentType { get; init; }

    public required string Name { get; init; }

    public required DateTime CreateDate { get; init; }

    public required DateTime UpdateDate { get; init; }

    public required ApiContentRoute Route { get; init; }

    public required Guid Id { get; init; }

    public required IReadOnlyDictionary<string, object?> Properties { get; init; }

    /// <summary>Every published culture of the item with its route, keyed by culture in lower case, as Umbraco does.</summary>
    public required IReadOnlyDictionary<string, ApiContentRoute> Cultures { get; init; }

    /// <summary>
    /// Beyond Umbraco: set only when the item was not available in the requested culture and the client asked for the
    /// default language instead (Language-Fallback: default). Never silent.
    /// </summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? FallbackCulture { get; init; }
}

/// <summary>Content picked by a content picker (Umbraco's IApiContent): its properties only when expanded.</summary>
public sealed record ApiContent
{
    public required string ContentType { get; init; }

    public required string Name { get; init; }

    public required DateTime CreateDate { get; init; }

    public required DateTime UpdateDate { get; init; }

    public required ApiContentRoute Route { get; init; }

    public required Guid Id { get; init; }

    public required IReadOnlyDictionary<string, object?> Properties { get; init; }

    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? FallbackCulture { get; init; }
}

/// <summary>Where an item lives (IApiContentRouteModel): its path in a culture, and the root it belongs to.</summary>
public sealed record ApiContentRoute
{
    public required string? Path { get; init; }

    /// <summary>Umbraco sets it for links with a query; our routes have none.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? QueryString { get; init; }

    public required ApiContentStartItem StartItem { get; init; }
}

/// <summary>The root an item belongs to (IApiContentStartItemModel).</summary>
public sealed record ApiContentStartItem
{
    public required Guid Id { get; init; }

    public required string? Path { get; init; }
}

/// <summary>A page of content items (PagedIApiContentResponseModel).</summary>
public sealed record ApiPagedContent
{
    public required long Total { get; init; }

    public required IReadOnlyList<ApiContentResponse> Items { get; init; }
}

/// <summary>A media item with its crops (IApiMediaWithCropsResponseModel).</summary>
public sealed record ApiMediaWithCrops
{
    public required string? Path { get; init; }

    public required DateTime CreateDate { get; init; }

    public required DateTime UpdateDate { get; init; }

    /// <summary>Images only; left out for documents (the contract's ImageFocalPointModel is not nullable).</summary>
    [System.Text.Json.Serialization.JsonIgnore(Condition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull)]
    public ApiFocalPoint? FocalPoint { get; init; }

    public IReadOnlyList<ApiImageCrop>? Crops { get; init; }

    public required Guid Id { get; init; }

    public required string? Name { get; init; }

    public required string? MediaType { get; init; }

    public required string? Url { get; init; }

    public string? Extension { get; init; }

    public int? Width { get; init; }

    public int? Height { get; init; }

    public int? Bytes { get; init; }

    public required IReadOnlyDictionary<string, object?>? Properties { get; init; }
}

/// <summary>
/// A picked media item in a content property (Umbraco's ApiMediaWithCrops): the media endpoints' shape without the
/// path and dates, with the pick's focal point and crops.
/// </summary>
public sealed record ApiMediaPick
{
    public required Guid Id { get; init; }

    public required string? Name { get; init; }

    public required string? MediaType { get; init; }

    public required string? Url { get; init; }

    public string? Extension { get; init; }

    public int? Width { get; init; }

    public int? Height { get; init; }

    public int? Bytes { get; init; }

    public required IReadOnlyDictionary<string, object?>? Properties { get; init; }

    /// <summary>Images only, as on the media endpoints.</summary>
    [System.Text.Json.Serialization.JsonIgnore(Condition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull)]
    public ApiFocalPoint? FocalPoint { get; init; }

    public IReadOnlyList<ApiImageCrop>? Crops { get; init; }
}

/// <summary>ImageFocalPointModel: fractions of the width and height.</summary>
public sealed record ApiFocalPoint
{
    public required double Left { get; init; }

    public required double Top { get; init; }
}

/// <summary>ImageCropModel.</summary>
public sealed record ApiImageCrop
{
    public required string? Alias { get; init; }

    public required int Width { get; init; }

    public required int Height { get; init; }

    public required ApiImageCropCoordinates Coordinates { get; init; }
}

/// <summary>ImageCropCoordinatesModel.</summary>
public sealed record ApiImageCropCoordinates
{
    public required double X1 { get; init; }

    public required double Y1 { get; init; }

    public required double X2 { get; init; }

    public required double Y2 { get; init; }
}

/// <summary>A page of media items (PagedIApiMediaWithCropsResponseModel).</summary>
public sealed record ApiPagedMedia
{
    public required long Total { get; init; }

    public required IReadOnlyList<ApiMediaWithCrops> Items { get; init; }
}

/// <summary>
/// A rich text property as Umbraco's Delivery API writes it in markup mode (RichTextModel): the rendered, sanitized
/// markup, which places each block as <c>&lt;umb-rte-block data-content-id="…"&gt;</c>, and the blocks (<see cref="ApiBlockItem"/>).
/// </summary>
public sealed record ApiRichText(string Markup, IReadOnlyList<object> Blocks)
{
    /// <summary>An empty property: Umbraco sends an empty markup rather than null.</summary>
    public static ApiRichText Empty { get; } = new(string.Empty, []);
}

/// <summary>A link of a multi URL picker, as Umbraco's Delivery API writes it.</summary>
public sealed record ApiLink(
    string Url,
    string? QueryString,
    string? Title,
    string? Target,
    Guid? DestinationId,
    string? DestinationType,
    ApiContentRoute? Route,
    string LinkType);

/// <summary>A block list property as Umbraco's Delivery API writes it (ApiBlockListModel).</summary>
public sealed record ApiBlockList(IReadOnlyList<ApiBlockItem> Items);

/// <summary>A block: its content element and its settings element, or null (ApiBlockItem).</summary>
public sealed record ApiBlockItem(ApiElement Content, ApiElement? Settings);

/// <summary>An element of a block (IApiElement): its type's alias, its key and its properties, each rendered as a page's would be.</summary>
public sealed record ApiElement(string ContentType, Guid Id, IReadOnlyDictionary<string, object?> Properties);
