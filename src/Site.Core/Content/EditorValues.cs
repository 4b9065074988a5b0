using System.Collections.Frozen;
using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using Site.Core.Rendering;

namespace Site.Core.Content;

/// <summary>A link in a list of links (Umbraco's multi URL picker) whose URL a page may show.</summary>
public sealed record LinkValue(string Name, string Url, string? Target);

/// <summary>
/// The one place that knows the shape of each editor's stored value. Saving checks a value with <see cref="Check"/>;
/// pages, the Delivery API and the search index read values through the readers here, which keep what fits the
/// shape and skip the rest: a value stored before a rule existed (or written around the engine) never breaks a page.
/// The check and the readers share one parser per editor, so what saving accepts is exactly what rendering shows.
/// </summary>
public static partial class EditorValues
{
    private static readonly FrozenSet<string> LinkFields = FrozenSet.Create(
        StringComparer.Ordinal, "name", "url", "target", "udi", "unique", "type", "queryString", "querystring", "icon", "published", "trashed");

    private static readonly Rune Backslash = new('\\');

    private static readonly FrozenSet<string> LinkTypes = FrozenSet.Create(StringComparer.Ordinal, "document", "media", "external");

    /// <summary>The blocks of a rich text value without any: what Umbraco 15+ stores for text only.</summary>
    private const string NoBlocks = """{"layout":{},"contentData":[],"settingsData":[],"expose":[]}""";

    // Markup stays readable in the stored JSON (and the uSync files); it is never put in a script by this encoding.
    private static readonly JsonWriterOptions RichTextWriting = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// <summary>Why a (non-empty) value does not fit its editor's shape, or null when it does.</summary>
    internal static LocalizedText? Check(PropertyType property, string value, DataType? dataType = null) =>
        Check(new ContentSchema(Languages.LanguageSet.Empty, dataType is null ? [] : [dataType], [], []), property, value, new Nesting(0, property.VariesByCulture));

    /// <summary>As <see cref="Check(PropertyType, string, DataType?)"/>, with the schema that blocks need (element types, nested data types).</summary>
    internal static LocalizedText? Check(ContentSchema schema, PropertyType property, string value, Nesting nesting)
    {
        var name = property.Name;
        var dataType = schema.DataTypes.GetValueOrDefault(property.DataTypeKey);
        switch (property.EditorAlias)
        {
            case PropertyEditors.Markdown:
                return MarkdownRenderer.CanParse(value) ? null : Messages.MarkdownTooDeep.Format(name);
            case PropertyEditors.RichText:
                return CheckRichText(schema, property, value, nesting);
            case PropertyEditors.BlockList:
                return CheckBlockList(schema, property, value, nesting);
            case PropertyEditors.TextBox when dataType is not null && AllowedHosts(dataType) is { Count: > 0 } hosts:
                return AllowedHostUrl(dataType, value) is null ? Messages.HostNotAllowed.Format(name, string.Join(", ", hosts)) : null;
            case PropertyEditors.Numeric:
                return WholeNumber(value) is null ? Messages.NotInteger.Format(name) : null;
            case PropertyEditors.DatePicker:
                return DateAndTime(value) is not null ? null
                    : HasTime(dataType) ? Messages.NotDateTime.Format(name) : Messages.NotDate.Format(name);
            case PropertyEditors.TrueFalse:
                return value is "1" or "0" ? null : Messages.NotBoolean.Format(name);
            case PropertyEditors.ContentPicker:
                return ContentKey(value) is null ? Messages.NotContentUdi.Format(name) : null;
            case PropertyEditors.MultiNodeTreePicker when PickerFilter.PicksDocuments(dataType):
                return PickerFilter.Check(property, dataType, value);
            case PropertyEditors.Tags:
                ReadTags(value, out var tagProblem);
                return Describe(tagProblem, name, Messages.NotTag);
            case PropertyEditors.MultiUrlPicker:
                ReadLinks(value, out var linkProblem);
                return Describe(linkProblem, name, Messages.NotLink);
            case PropertyEditors.MediaPicker:
                var picks = ReadMedia(value, out var mediaProblem);
                return Describe(mediaProblem, name, Messages.NotMediaItem)
                    ?? CheckMediaConfiguration(name, picks, MediaPickerConfiguration.Parse(dataType?.ConfigJson));
            default:
                return null; // text box and text area: any text (line and length rules are the validator's)
        }
    }

    /// <summary>Digits with an optional minus sign, within Int32: what Umbraco's integer editor stores.</summary>
    public static int? WholeNumber(string? value)
    {
        if (string.IsNullOrEmpty(value))
        {
            return null;
        }

        var digits = value[0] == '-' ? value.AsSpan(1) : value.AsSpan();
        return digits.Length > 0 && !digits.ContainsAnyExceptInRange('0', '9')
            && int.TryParse(value, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var number)
                ? number
                : null;
    }

    /// <summary>A date as the date picker stores it: yyyy-MM-dd, or Umbraco's yyyy-MM-ddTHH:mm:ss (the date part counts).</summary>
    public static DateOnly? Date(string? value)
    {
        if (value is null)
        {
            return null;
        }

        if (DateOnly.TryParseExact(value, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
        {
            return date;
        }

        return DateTime.TryParseExact(value, "yyyy-MM-dd'T'HH:mm:ss", CultureInfo.InvariantCulture, DateTimeStyles.None, out var dateTime)
            ? DateOnly.FromDateTime(dateTime)
            : null;
    }

    /// <summary>
    /// A date and time as the date picker stores it: Umbraco's yyyy-MM-dd HH:mm:ss (or with a T, as uSync import
    /// writes it; seconds may be left out), or a date alone (midnight). A wall-clock time: no offset, no zone.
    /// </summary>
    public static DateTime? DateAndTime(string? value)
    {
        if (value is null)
        {
            return null;
        }

        if (Date(value) is { } date && value.Length == 10)
        {
            return date.ToDateTime(TimeOnly.MinValue);
        }

        return DateTime.TryParseExact(value, DateTimeFormats, CultureInfo.InvariantCulture, DateTimeStyles.None, out var dateTime)
            ? dateTime
            : null;
    }

    /// <summary>Whether a date picker data type asks for a time too (Umbraco's <c>format</c> setting names hours).</summary>
    public static bool HasTime(DataType? dataType) =>
        DataTypeConfig.Read(dataType?.ConfigJson, false, static root =>
            root.TryGetProperty("format", out var format) && format.ValueKind == JsonValueKind.String
            && format.GetString()!.Contains("HH", StringComparison.Ordinal));

    private static readonly string[] DateTimeFormats = ["yyyy-MM-dd HH:mm:ss", "yyyy-MM-dd'T'HH:mm:ss", "yyyy-MM-dd HH:mm", "yyyy-MM-dd'T'HH:mm"];

    /// <summary>A true/false value: "1" is true, anything else false.</summary>
    public static bool IsTrue(string? value) => value == "1";

    /// <summary>The node a content picker points at (umb://document/…), or null.</summary>
    public static Guid? ContentKey(string? value) => ContentUdi.TryParse(value);

    /// <summary>The tags of a tags value (a JSON list of texts); anything else in it is skipped.</summary>
    public static IReadOnlyList<string> Tags(string? value) => ReadTags(value, out _);

    /// <summary>The links of a multi URL picker value that a page may show: wrong-shaped items and unsafe URLs are skipped.</summary>
    public static IReadOnlyList<LinkValue> Links(string? value) => ReadLinks(value, out _);

    /// <summary>The media keys of a MediaPicker3 value, in order; wrong-shaped items are skipped.</summary>
    public static IReadOnlyList<Guid> MediaKeys(string? value) => [.. ReadMedia(value, out _).Select(p => p.MediaKey)];

    /// <summary>The items of a MediaPicker3 value (media key, local focal point, crops), in order; wrong-shaped items are skipped.</summary>
    public static IReadOnlyList<MediaPick> MediaPicks(string? value) => ReadMedia(value, out _);

    /// <summary>
    /// The markup of a rich text value: Umbraco 15+'s <c>{"markup": "…", "blocks": …}</c>, or the HTML itself as older
    /// (TinyMCE) values were stored. Null when empty or of neither shape. Not sanitized: render it with the rich text renderer.
    /// </summary>
    public static string? RichTextMarkup(string? value) => ReadRichText(value, out _, out _);

    /// <summary>
    /// The values as saving stores them: rich text in Umbraco's JSON form with its markup sanitized (plain HTML is
    /// wrapped, as Umbraco takes legacy TinyMCE values); everything else, and any value of the wrong shape (which the
    /// check then refuses), as it is.
    /// </summary>
    /// <remarks>
    /// Half of a surrogate pair (which a JSON client can send as <c>"\ud800"</c>) is stored as U+FFFD, as any UTF-8
    /// encoder writes it: the JSON readers of every editor refuse such text with an exception, and the databases cannot
    /// store it.
    /// </remarks>
    internal static ContentData ForSaving(ContentSchema schema, ContentType type, ContentData data)
    {
        if (data.Values.Any(v => HasLoneSurrogate(v.Value)) || data.Names.Values.Any(HasLoneSurrogate))
        {
            data = data with
            {
                Names = data.Names.ToDictionary(n => n.Key, n => WellFormed(n.Value), StringComparer.Ordinal),
                Values = [.. data.Values.Select(v => v with { Value = WellFormed(v.Value) })],
            };
        }

        if (data.Values.Any(v => IsJsonEditor(type, v.Alias) && v.Value.Contains("\\u", StringComparison.OrdinalIgnoreCase)))
        {
            data = data with
            {
                Values = [.. data.Values.Select(v => IsJsonEditor(type, v.Alias) ? v with { Value = WellFormedJsonEscapes(v.Value) } : v)],
            };
        }

        if (!type.Properties.Any(p => p.EditorAlias is PropertyEditors.RichText or PropertyEditors.BlockList))
        {
            return data;
        }

        var values = data.Values.Select(v => string.IsNullOrEmpty(v.Value) ? v : type.FindProperty(v.Alias)?.EditorAlias switch
        {
            PropertyEditors.RichText => v with { Value = NormalizeRichText(schema, v.Value, 0, RichTextConfigurationOf(schema, type.FindProperty(v.Alias))) },
            PropertyEditors.BlockList => v with { Value = NormalizeBlocks(schema, v.Value) },
            _ => v,
        });
        return data with { Values = [.. values] };
    }

    /// <summary>Whether the text has a surrogate without its other half (not valid UTF-16, so not storable as UTF-8).</summary>
    internal static bool HasLoneSurrogate(string? text)
    {
        // A JSON client can send null where the model says text.
        if (text is null)
        {
            return false;
        }

        for (var i = 0; i < text.Length; i++)
        {
            if (char.IsHighSurrogate(text[i]) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
            {
                i++;
            }
            else if (char.IsSurrogate(text[i]))
            {
                return true;
            }
        }

        return false;
    }

    private static bool IsJsonEditor(ContentType type, string alias) => type.FindProperty(alias)?.EditorAlias is
        PropertyEditors.RichText or PropertyEditors.BlockList or PropertyEditors.Tags or PropertyEditors.MultiUrlPicker or PropertyEditors.MediaPicker;

    /// <summary>A JSON text with each escaped lone surrogate (<c>\ud800</c> without its pair) written as <c>\ufffd</c>.</summary>
    internal static string WellFormedJsonEscapes(string json) =>
        LoneLowEscape().Replace(LoneHighEscape().Replace(json, "$1\\ufffd"), "$1\\ufffd");

    // An escape is one after an even run of backslashes (an odd one escapes the backslash itself).
    [System.Text.RegularExpressions.GeneratedRegex(@"(?<!\\)((?:\\\\)*)\\u[dD][89abAB][0-9a-fA-F]{2}(?!\\u[dD][c-fC-F][0-9a-fA-F]{2})")]
    private static partial System.Text.RegularExpressions.Regex LoneHighEscape();

    [System.Text.RegularExpressions.GeneratedRegex(@"(?<!\\|\\u[dD][89abAB][0-9a-fA-F]{2})((?:\\\\)*)\\u[dD][c-fC-F][0-9a-fA-F]{2}")]
    private static partial System.Text.RegularExpressions.Regex LoneLowEscape();

    /// <summary>The text with each lone surrogate replaced by U+FFFD, as UTF-8 encoding writes it.</summary>
    private static string WellFormed(string text) => HasLoneSurrogate(text) ? Encoding.UTF8.GetString(Encoding.UTF8.GetBytes(text)) : text;

    /// <summary>
    /// A rich text value in its stored JSON form, the markup sanitized (it keeps only the blocks the value holds) and the
    /// rich text inside its blocks too; unchanged when it already is, or when it is not rich text.
    /// </summary>
    internal static string NormalizeRichText(string value) => NormalizeRichText(ContentSchema.Empty, value);

    /// <summary>As <see cref="NormalizeRichText(string)"/>, with the schema that says what the blocks inside hold.</summary>
    internal static string NormalizeRichText(ContentSchema schema, string value, int depth = 0, RichTextConfiguration? configuration = null)
    {
        if (ReadRichText(value, out var blocks, out var isJson) is not { } markup)
        {
            return value;
        }

        var clean = RichTextRenderer.Sanitize(markup, RichTextBlockKeys(blocks), configuration ?? RichTextConfiguration.Default);
        var cleanBlocks = blocks is null or "null" ? blocks : NormalizeBlocks(schema, blocks, depth);
        if (isJson && string.Equals(clean, markup, StringComparison.Ordinal) && string.Equals(cleanBlocks, blocks, StringComparison.Ordinal))
        {
            return value;
        }

        blocks = cleanBlocks;

        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer, RichTextWriting))
        {
            writer.WriteStartObject();
            writer.WriteString("markup", clean);
            writer.WritePropertyName("blocks");
            writer.WriteRawValue(blocks ?? NoBlocks);
            writer.WriteEndObject();
        }

        return Encoding.UTF8.GetString(buffer.ToArray());
    }

    /// <summary>The settings of a rich text property's data type (every feature when it has none).</summary>
    internal static RichTextConfiguration RichTextConfigurationOf(ContentSchema schema, PropertyType? property) =>
        property is null ? RichTextConfiguration.Default : RichTextConfiguration.Of(schema.DataTypes.GetValueOrDefault(property.DataTypeKey));

    private static LocalizedText? CheckRichText(ContentSchema schema, PropertyType property, string value, Nesting nesting)
    {
        if (ReadRichText(value, out var blocks, out _) is null)
        {
            return Messages.NotRichText.Format(property.Name);
        }

        if (blocks is null or "null")
        {
            return null;
        }

        using var document = JsonDocument.Parse(blocks);
        return CheckBlocks(schema, property, document.RootElement, RichTextLayout, nesting);
    }

    private static LocalizedText? CheckBlockList(ContentSchema schema, PropertyType property, string value, Nesting nesting)
    {
        try
        {
            using var document = JsonDocument.Parse(value);
            return CheckBlocks(schema, property, document.RootElement, BlockListLayout, nesting);
        }
        catch (JsonException)
        {
            return Messages.NotBlockList.Format(property.Name);
        }
    }

    /// <summary>The markup of a rich text value, its blocks as JSON text (null for plain HTML) and whether it was JSON.</summary>
    private static string? ReadRichText(string? value, out string? blocks, out bool isJson)
    {
        blocks = null;
        isJson = false;
        if (string.IsNullOrEmpty(value))
        {
            return null;
        }

        var start = value.AsSpan().TrimStart();
        if (start.IsEmpty || start[0] != '{')
        {
            return value; // HTML as TinyMCE stored it (no JSON starts otherwise)
        }

        isJson = true;
        try
        {
            using var document = JsonDocument.Parse(value);
            var root = document.RootElement;
            string? markup = null;
            foreach (var field in root.EnumerateObject())
            {
                switch (field.Name)
                {
                    case "markup" when field.Value.ValueKind == JsonValueKind.String:
                        markup = field.Value.GetString();
                        break;
                    case "blocks" when field.Value.ValueKind == JsonValueKind.Null || IsRichTextBlocks(field.Value):
                        blocks = field.Value.GetRawText();
                        break;
                    default:
                        return null;
                }
            }

            return markup;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    /// <summary>Umbraco's block value inside rich text: layout an object, contentData, settingsData and expose lists of objects.</summary>
    private static bool IsRichTextBlocks(JsonElement blocks) =>
        blocks.ValueKind == JsonValueKind.Object
        && blocks.EnumerateObject().All(field => field.Name switch
        {
            "layout" => field.Value.ValueKind is JsonValueKind.Object or JsonValueKind.Null,
            "contentData" or "settingsData" or "expose" => field.Value.ValueKind == JsonValueKind.Null
                || (field.Value.ValueKind == JsonValueKind.Array && field.Value.EnumerateArray().All(i => i.ValueKind == JsonValueKind.Object)),
            _ => false,
        });

    /// <summary>
    /// Whether a link may point at this URL: http(s) with a host, mailto, or a path on this site (a single '/'; "//" and
    /// "/\" are another host to a browser). Nothing a browser strips or reinterprets (whitespace, control or invisible
    /// characters, backslashes) may appear anywhere, so what is checked here is what a browser would follow.
    /// </summary>
    public static bool IsAllowedUrl(string? url)
    {
        if (string.IsNullOrEmpty(url))
        {
            return false;
        }

        // A broken surrogate pair comes out as U+FFFD, which no address needs either.
        foreach (var rune in url.EnumerateRunes())
        {
            if (Rune.IsControl(rune) || Rune.IsWhiteSpace(rune) || rune == Backslash || rune == Rune.ReplacementChar
                || Rune.GetUnicodeCategory(rune) == UnicodeCategory.Format)
            {
                return false;
            }
        }

        if (url[0] == '/')
        {
            return url.Length == 1 || url[1] != '/';
        }

        if (url.StartsWith("http://", StringComparison.OrdinalIgnoreCase) || url.StartsWith("https://", StringComparison.OrdinalIgnoreCase))
        {
            return Uri.TryCreate(url, UriKind.Absolute, out var uri) && uri.Host.Length > 0;
        }

        return url.StartsWith("mailto:", StringComparison.OrdinalIgnoreCase) && url.Length > "mailto:".Length;
    }

    private static List<string> ReadTags(string? value, out Problem problem)
    {
        var tags = new List<string>();
        using var document = ParseList(value, out problem);
        if (document is null)
        {
            return tags;
        }

        var position = 0;
        foreach (var item in document.RootElement.EnumerateArray())
        {
            position++;
            if (item.ValueKind == JsonValueKind.String && item.GetString() is { } tag && !string.IsNullOrWhiteSpace(tag) && !tag.Any(char.IsControl))
            {
                tags.Add(tag);
            }
            else
            {
                problem = problem.OrAt(position);
            }
        }

        return tags;
    }

    private static List<LinkValue> ReadLinks(string? value, out Problem problem)
    {
        var links = new List<LinkValue>();
        using var document = ParseList(value, out problem);
        if (document is null)
        {
            return links;
        }

        var position = 0;
        foreach (var item in document.RootElement.EnumerateArray())
        {
            position++;
            if (!IsLink(item, out var url))
            {
                problem = problem.OrAt(position);
            }
            else if (url is not null && !IsAllowedUrl(url))
            {
                problem = problem.OrAt(position, ProblemKind.UrlNotAllowed);
            }
            else if (url is not null)
            {
                var name = item.TryGetProperty("name", out var n) ? n.GetString() : null;
                var target = item.TryGetProperty("target", out var t) ? t.GetString() : null;
                links.Add(new LinkValue(string.IsNullOrWhiteSpace(name) ? url : name, url, string.IsNullOrEmpty(target) ? null : target));
            }

            // An internal link without a URL (only its udi) fits the shape; there is no address to show for it.
        }

        return links;
    }

    /// <summary>An object of Umbraco's link fields, each of its type, pointing somewhere (a url or a udi/unique).</summary>
    private static bool IsLink(JsonElement item, out string? url)
    {
        url = null;
        if (item.ValueKind != JsonValueKind.Object)
        {
            return false;
        }

        var pointsSomewhere = false;
        foreach (var field in item.EnumerateObject())
        {
            var v = field.Value;
            var fits = field.Name switch
            {
                "published" or "trashed" => v.ValueKind is JsonValueKind.True or JsonValueKind.False or JsonValueKind.Null,
                "udi" => v.ValueKind == JsonValueKind.Null || (v.ValueKind == JsonValueKind.String && IsDocumentOrMediaUdi(v.GetString()!)),
                "unique" => v.ValueKind == JsonValueKind.Null || (v.ValueKind == JsonValueKind.String && v.TryGetGuid(out _)),
                "type" => v.ValueKind == JsonValueKind.Null || (v.ValueKind == JsonValueKind.String && LinkTypes.Contains(v.GetString()!)),
                _ when LinkFields.Contains(field.Name) => v.ValueKind is JsonValueKind.String or JsonValueKind.Null,
                _ => false,
            };
            if (!fits)
            {
                return false;
            }

            if (v.ValueKind == JsonValueKind.String && field.Name is "udi" or "unique")
            {
                pointsSomewhere = true;
            }
            else if (field.Name == "url" && v.ValueKind == JsonValueKind.String && v.GetString() is { Length: > 0 } text)
            {
                url = text;
                pointsSomewhere = true;
            }
        }

        return pointsSomewhere;
    }

    private static bool IsDocumentOrMediaUdi(string udi) =>
        ContentUdi.TryParse(udi) is not null
        || (udi.StartsWith("umb://media/", StringComparison.OrdinalIgnoreCase) && Guid.TryParseExact(udi["umb://media/".Length..], "N", out _));

    private static List<MediaPick> ReadMedia(string? value, out Problem problem)
    {
        var picks = new List<MediaPick>();
        using var document = ParseList(value, out problem);
        if (document is null)
        {
            return picks;
        }

        var position = 0;
        foreach (var item in document.RootElement.EnumerateArray())
        {
            position++;
            if (ReadPick(item) is { } pick)
            {
                picks.Add(pick);
            }
            else
            {
                problem = problem.OrAt(position);
            }
        }

        return picks;
    }

    /// <summary>An item of Umbraco's MediaPicker3 shape (key, mediaKey, mediaTypeAlias, crops, focalPoint), or null.</summary>
    private static MediaPick? ReadPick(JsonElement item)
    {
        if (item.ValueKind != JsonValueKind.Object)
        {
            return null;
        }

        Guid? mediaKey = null;
        var key = Guid.Empty;
        string? mediaTypeAlias = null;
        Media.FocalPoint? focalPoint = null;
        var crops = new List<MediaPickCrop>();
        foreach (var field in item.EnumerateObject())
        {
            var v = field.Value;
            switch (field.Name)
            {
                case "mediaKey" when v.ValueKind == JsonValueKind.String && v.TryGetGuid(out var media):
                    mediaKey = media;
                    break;
                case "key" when v.ValueKind == JsonValueKind.Null:
                    break;
                case "key" when v.ValueKind == JsonValueKind.String && v.TryGetGuid(out var own):
                    key = own;
                    break;
                case "mediaTypeAlias" when v.ValueKind is JsonValueKind.String or JsonValueKind.Null:
                    mediaTypeAlias = v.ValueKind == JsonValueKind.String ? v.GetString() : null;
                    break;
                case "crops" when v.ValueKind == JsonValueKind.Null:
                    break;
                case "crops" when v.ValueKind == JsonValueKind.Array:
                    foreach (var crop in v.EnumerateArray())
                    {
                        if (ReadCrop(crop) is not { } c)
                        {
                            return null;
                        }

                        crops.Add(c);
                    }

                    break;
                case "focalPoint" when v.ValueKind == JsonValueKind.Null:
                    break;
                case "focalPoint" when v.ValueKind == JsonValueKind.Object:
                    if (ReadFractions(v, "left", "top") is not [var left, var top] || !new Media.FocalPoint(left, top).IsValid)
                    {
                        return null;
                    }

                    focalPoint = new Media.FocalPoint(left, top);
                    break;
                default:
                    return null;
            }
        }

        return mediaKey is { } k ? new MediaPick(key, k, mediaTypeAlias, focalPoint, crops) : null;
    }

    /// <summary>A crop of a picked item: <c>{alias, width, height, coordinates: {x1, y1, x2, y2} | null}</c> (a label is allowed and ignored).</summary>
    private static MediaPickCrop? ReadCrop(JsonElement crop)
    {
        if (crop.ValueKind != JsonValueKind.Object)
        {
            return null;
        }

        string? alias = null;
        int width = 0, height = 0;
        CropCoordinates? coordinates = null;
        foreach (var field in crop.EnumerateObject())
        {
            var v = field.Value;
            switch (field.Name)
            {
                case "alias" when v.ValueKind == JsonValueKind.String:
                    alias = v.GetString();
                    break;
                case "label" when v.ValueKind is JsonValueKind.String or JsonValueKind.Null:
                    break;
                case "width" when v.ValueKind == JsonValueKind.Number && v.TryGetInt32(out var w) && w >= 0:
                    width = w;
                    break;
                case "height" when v.ValueKind == JsonValueKind.Number && v.TryGetInt32(out var h) && h >= 0:
                    height = h;
                    break;
                case "coordinates" when v.ValueKind == JsonValueKind.Null:
                    break;
                case "coordinates" when v.ValueKind == JsonValueKind.Object:
                    if (ReadFractions(v, "x1", "y1", "x2", "y2") is not [var x1, var y1, var x2, var y2]
                        || new CropCoordinates(x1, y1, x2, y2) is not { IsValid: true } c)
                    {
                        return null;
                    }

                    coordinates = c;
                    break;
                default:
                    return null;
            }
        }

        return string.IsNullOrEmpty(alias) ? null : new MediaPickCrop(alias, width, height, coordinates);
    }

    /// <summary>The named numbers of an object that has exactly those fields, or null.</summary>
    private static double[]? ReadFractions(JsonElement value, params string[] names)
    {
        var numbers = new double[names.Length];
        var found = 0;
        foreach (var field in value.EnumerateObject())
        {
            var index = Array.IndexOf(names, field.Name);
            if (index < 0 || field.Value.ValueKind != JsonValueKind.Number || !field.Value.TryGetDouble(out var n) || !double.IsFinite(n))
            {
                return null;
            }

            numbers[index] = n;
            found++;
        }

        return found == names.Length ? numbers : null;
    }

    /// <summary>Why a well-shaped media picker value does not fit its data type: too many or too few items, or a crop it does not define.</summary>
    private static LocalizedText? CheckMediaConfiguration(string name, List<MediaPick> picks, MediaPickerConfiguration configuration)
    {
        if (configuration.MaxItems is { } max && picks.Count > max)
        {
            return Messages.TooManyMediaItems.Format(name, max);
        }

        if (configuration.Min is { } min && picks.Count < min)
        {
            return Messages.TooFewMediaItems.Format(name, min);
        }

        for (var i = 0; i < picks.Count; i++)
        {
            foreach (var crop in picks[i].Crops)
            {
                if (configuration.FindCrop(crop.Alias) is null)
                {
                    return Messages.UnknownMediaCrop.Format(name, i + 1, crop.Alias);
                }
            }
        }

        return null;
    }

    /// <summary>The value as a JSON list, or null (with the problem) when it is empty, not JSON or not a list.</summary>
    private static JsonDocument? ParseList(string? value, out Problem problem)
    {
        problem = default;
        if (string.IsNullOrEmpty(value))
        {
            return null;
        }

        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(value);
        }
        catch (JsonException)
        {
            problem = new Problem(ProblemKind.NotList, 0);
            return null;
        }

        if (document.RootElement.ValueKind != JsonValueKind.Array)
        {
            document.Dispose();
            problem = new Problem(ProblemKind.NotList, 0);
            return null;
        }

        return document;
    }

    private static LocalizedText? Describe(Problem problem, string name, LocalizedText itemMessage) => problem.Kind switch
    {
        ProblemKind.None => null,
        ProblemKind.NotList => Messages.NotJsonArray.Format(name),
        ProblemKind.UrlNotAllowed => Messages.LinkNotAllowed.Format(name, problem.Position),
        _ => itemMessage.Format(name, problem.Position),
    };

    private enum ProblemKind
    {
        None,
        NotList,
        Item,
        UrlNotAllowed,
    }

    /// <summary>The first thing wrong with a value, and the (1-based) position of the item it is about.</summary>
    private readonly record struct Problem(ProblemKind Kind, int Position)
    {
        public Problem OrAt(int position, ProblemKind kind = ProblemKind.Item) => Kind == ProblemKind.None ? new Problem(kind, position) : this;
    }
}
