using System.Text;
using System.Text.Json;

namespace Site.Core.Tests.TestSupport;

/// <summary>Block list values in Umbraco 15+'s stored form, for tests: the element types of uSync/v14 by key.</summary>
public static class BlockJson
{
    public static readonly Guid ImageType = Guid.Parse("b6f26aa6-5a6f-5e03-b385-01c01242af72");
    public static readonly Guid GalleryType = Guid.Parse("37f7e8ac-011f-56a3-aa4b-b788962aeedb");
    public static readonly Guid QuoteType = Guid.Parse("d99729f8-c7c2-5d0f-8ed4-ba1e81f117a6");
    public static readonly Guid CallToActionType = Guid.Parse("41586317-4f8d-5dd2-90e9-b1f65597d3df");
    public static readonly Guid VideoType = Guid.Parse("838b122d-cd64-569e-bd4f-6b36e775ac8c");
    public static readonly Guid TextImageRowType = Guid.Parse("fa1b1a89-9574-5cb6-8214-5e86f76caee7");
    public static readonly Guid FeaturedContentType = Guid.Parse("d28addbe-7243-5db9-b026-66135bf4ce36");
    public static readonly Guid SettingsType = Guid.Parse("5d9ebd74-3bbf-5074-8a5a-c0bd5209d18c");

    /// <summary>One content element: its values as (alias, culture, editor alias as JSON, value as JSON), and the cultures it is exposed in.</summary>
    public static Block Element(Guid key, Guid type, IEnumerable<(string Alias, string? Culture, string Editor, string Value)> values, IEnumerable<string?> exposed)
    {
        var json = new StringBuilder();
        json.Append("{\"contentTypeKey\":\"").Append(type).Append("\",\"key\":\"").Append(key).Append("\",\"values\":[");
        json.AppendJoin(',', values.Select(v =>
            $"{{\"editorAlias\":{v.Editor},\"culture\":{Text(v.Culture)},\"segment\":null,\"alias\":\"{v.Alias}\",\"value\":{v.Value}}}"));
        json.Append("]}");
        return new Block(key, json.ToString(), [.. exposed]);
    }

    public static Block Quote(Guid key, params (string Culture, string Quote, string? Attribution)[] texts) =>
        Element(key, QuoteType,
            texts.SelectMany(t => t.Attribution is null
                ? new[] { ("quote", (string?)t.Culture, "\"Umbraco.TextArea\"", Text(t.Quote)) }
                : [("quote", t.Culture, "\"Umbraco.TextArea\"", Text(t.Quote)), ("attribution", t.Culture, "\"Umbraco.TextBox\"", Text(t.Attribution))]),
            texts.Select(t => (string?)t.Culture));

    public static Block Image(Guid key, Guid mediaKey, params (string Culture, string Caption, string Credit)[] texts) =>
        Element(key, ImageType,
            new[] { ("image", (string?)null, "\"Umbraco.MediaPicker3\"", $"[{{\"key\":\"{Guid.NewGuid()}\",\"mediaKey\":\"{mediaKey}\"}}]") }
                .Concat(texts.SelectMany(t => new[] { ("caption", (string?)t.Culture, "\"Umbraco.TextBox\"", Text(t.Caption)), ("credit", (string?)t.Culture, "\"Umbraco.TextBox\"", Text(t.Credit)) })),
            texts.Select(t => (string?)t.Culture));

    /// <summary>A featured content card: the picked page (invariant) and a heading per culture.</summary>
    public static Block Featured(Guid key, Guid page, params (string Culture, string Heading)[] headings) =>
        Element(key, FeaturedContentType,
            new[] { ("featuredPage", (string?)null, "\"Umbraco.ContentPicker\"", Text($"umb://document/{page:N}")) }
                .Concat(headings.Select(h => ("heading", (string?)h.Culture, "\"Umbraco.TextBox\"", Text(h.Heading)))),
            headings.Length == 0 ? [null] : headings.Select(h => (string?)h.Culture));

    /// <summary>The block with a settings element of the blockSettings type (highlight as Umbraco stores a toggle in a block: a JSON boolean).</summary>
    public static Block WithSettings(Block block, Guid settingsKey, bool highlight)
    {
        ArgumentNullException.ThrowIfNull(block);
        return block with
        {
            SettingsKey = settingsKey,
            SettingsJson = $"{{\"contentTypeKey\":\"{SettingsType}\",\"key\":\"{settingsKey}\",\"values\":[{{\"editorAlias\":\"Umbraco.TrueFalse\",\"culture\":null,\"segment\":null,\"alias\":\"highlight\",\"value\":{(highlight ? "true" : "false")}}}]}}",
        };
    }

    /// <summary>A block list value of these blocks, in order, with the settings given by <see cref="WithSettings"/>.</summary>
    public static string List(params Block[] blocks) => Value("Umbraco.BlockList", blocks);

    /// <summary>The blocks object of a rich text value.</summary>
    public static string RichTextBlocks(params Block[] blocks) => Value("Umbraco.RichText", blocks);

    private static string Value(string layout, Block[] blocks)
    {
        var json = new StringBuilder();
        json.Append("{\"layout\":{\"").Append(layout).Append("\":[");
        json.AppendJoin(',', blocks.Select(b => $"{{\"contentKey\":\"{b.Key}\",\"settingsKey\":{(b.SettingsKey is { } s ? $"\"{s}\"" : "null")}}}"));
        json.Append("]},\"contentData\":[").AppendJoin(',', blocks.Select(b => b.Json)).Append("],\"settingsData\":[").AppendJoin(',', blocks.Select(b => b.SettingsJson).OfType<string>()).Append("],\"expose\":[");
        json.AppendJoin(',', blocks.SelectMany(b => b.Exposed.Select(c => $"{{\"contentKey\":\"{b.Key}\",\"culture\":{Text(c)},\"segment\":null}}")));
        json.Append("]}");
        return json.ToString();
    }

    private static string Text(string? text) => text is null ? "null" : JsonSerializer.Serialize(text, Relaxed);

    private static readonly JsonSerializerOptions Relaxed = new() { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public sealed record Block(Guid Key, string Json, IReadOnlyList<string?> Exposed)
    {
        public Guid? SettingsKey { get; init; }

        public string? SettingsJson { get; init; }
    }
}
