using System.Collections.Frozen;
using System.Runtime.CompilerServices;
using System.Text.Json;

namespace Site.Core.Content;

/// <summary>
/// Umbraco.RichText's data type settings as Umbraco 16's Tiptap editor stores them: <c>extensions</c> (the aliases of the
/// Tiptap extensions enabled, e.g. <c>Umb.Tiptap.Table</c>), <c>toolbar</c> (rows of groups of toolbar button aliases,
/// e.g. <c>[[["Umb.Tiptap.Toolbar.Bold"]]]</c>), and this site's own <c>headingLevels</c> (Umbraco has no such setting:
/// the heading levels, 2 to 6, that the text may use; h1 is the page's title).
/// </summary>
/// <remarks>
/// Without an <c>extensions</c> setting every feature is allowed (rich text data types made before the setting);
/// without <c>toolbar</c> the editor shows its default buttons; without <c>headingLevels</c>, h2 to h6.
/// What the settings turn off is not refused but reduced to text, in the editor and on the server alike
/// (<see cref="Rendering.RichTextRenderer"/>).
/// </remarks>
public sealed record RichTextConfiguration(
    IReadOnlySet<string>? Extensions,
    IReadOnlyList<IReadOnlyList<IReadOnlyList<string>>> Toolbar,
    IReadOnlyList<int> HeadingLevels)
{
    public const string ExtensionsSetting = "extensions";

    public const string ToolbarSetting = "toolbar";

    public const string HeadingLevelsSetting = "headingLevels";

    private static readonly ConditionalWeakTable<DataType, RichTextConfiguration> Parsed = [];

    private static readonly int[] AllLevels = [2, 3, 4, 5, 6];

    /// <summary>The buttons the editor shows when the data type names none: what it offered before the setting existed.</summary>
    public static IReadOnlyList<IReadOnlyList<IReadOnlyList<string>>> DefaultToolbar { get; } =
    [
        [
            ["Umb.Tiptap.Toolbar.Heading2", "Umb.Tiptap.Toolbar.Heading3"],
            ["Umb.Tiptap.Toolbar.Bold", "Umb.Tiptap.Toolbar.Italic"],
            ["Umb.Tiptap.Toolbar.BulletList", "Umb.Tiptap.Toolbar.OrderedList", "Umb.Tiptap.Toolbar.Blockquote"],
            ["Umb.Tiptap.Toolbar.Link", "Umb.Tiptap.Toolbar.MediaPicker", "Umb.Tiptap.Toolbar.Table", "Umb.Tiptap.Toolbar.BlockPicker"],
            ["Umb.Tiptap.Toolbar.Undo", "Umb.Tiptap.Toolbar.Redo"],
        ],
    ];

    /// <summary>Everything allowed: a data type without the settings.</summary>
    public static RichTextConfiguration Default { get; } = new(null, DefaultToolbar, AllLevels);

    /// <summary>Whether the data type enables a Tiptap extension (<see cref="RichTextExtensions"/>).</summary>
    public bool Allows(string extension) => Extensions is null || Extensions.Contains(extension);

    /// <summary>
    /// The level a heading of <paramref name="level"/> (1–6) takes: itself when allowed, else the nearest allowed level
    /// (on a tie the lower one, which keeps it under the heading above it); null when the text may have no headings.
    /// </summary>
    public int? HeadingLevel(int level)
    {
        if (!Allows(RichTextExtensions.Heading) || HeadingLevels.Count == 0)
        {
            return null;
        }

        return HeadingLevels.OrderBy(l => Math.Abs(l - level)).ThenByDescending(l => l).First();
    }

    /// <summary>The configuration of a data type, read once; what does not fit is ignored (that setting's default).</summary>
    public static RichTextConfiguration Of(DataType? dataType) =>
        dataType is null ? Default : Parsed.GetValue(dataType, static d => Parse(d.ConfigJson));

    public static RichTextConfiguration Parse(string? configJson)
    {
        return DataTypeConfig.Read(configJson, Default, static root =>
        {
            IReadOnlySet<string>? extensions = root.TryGetProperty(ExtensionsSetting, out var e) && e.ValueKind == JsonValueKind.Array
                ? e.EnumerateArray().Where(x => x.ValueKind == JsonValueKind.String).Select(x => x.GetString()!).ToFrozenSet(StringComparer.Ordinal)
                : null;
            var toolbar = root.TryGetProperty(ToolbarSetting, out var t) && t.ValueKind == JsonValueKind.Array ? ReadToolbar(t) : DefaultToolbar;
            IReadOnlyList<int> levels = root.TryGetProperty(HeadingLevelsSetting, out var h) && h.ValueKind == JsonValueKind.Array
                ? [.. h.EnumerateArray().Where(x => x.ValueKind == JsonValueKind.Number && x.TryGetInt32(out var n) && n is >= 2 and <= 6).Select(x => x.GetInt32()).Distinct().Order()]
                : AllLevels;
            return new RichTextConfiguration(extensions, toolbar, levels);
        });
    }

    /// <summary>Rows of groups of aliases; anything else in the arrays is left out.</summary>
    private static List<IReadOnlyList<IReadOnlyList<string>>> ReadToolbar(JsonElement rows) =>
    [
        .. rows.EnumerateArray().Where(r => r.ValueKind == JsonValueKind.Array).Select(r => (IReadOnlyList<IReadOnlyList<string>>)
        [
            .. r.EnumerateArray().Where(g => g.ValueKind == JsonValueKind.Array).Select(g => (IReadOnlyList<string>)
            [
                .. g.EnumerateArray().Where(a => a.ValueKind == JsonValueKind.String).Select(a => a.GetString()!),
            ]),
        ]),
    ];

    /// <summary>What the back office's editor needs, as JSON: the same settings, with their defaults filled in.</summary>
    public string ToEditorJson() => JsonSerializer.Serialize(new Dictionary<string, object?>
    {
        [ExtensionsSetting] = Extensions?.Order(StringComparer.Ordinal).ToArray(),
        [ToolbarSetting] = Toolbar,
        [HeadingLevelsSetting] = Allows(RichTextExtensions.Heading) ? HeadingLevels : [],
    });
}

/// <summary>The aliases of Umbraco 16's Tiptap extensions whose content the engine knows (the <c>extensions</c> setting).</summary>
public static class RichTextExtensions
{
    public const string Heading = "Umb.Tiptap.Heading";
    public const string Bold = "Umb.Tiptap.Bold";
    public const string Italic = "Umb.Tiptap.Italic";
    public const string Underline = "Umb.Tiptap.Underline";
    public const string Strike = "Umb.Tiptap.Strike";
    public const string Subscript = "Umb.Tiptap.Subscript";
    public const string Superscript = "Umb.Tiptap.Superscript";
    public const string BulletList = "Umb.Tiptap.BulletList";
    public const string OrderedList = "Umb.Tiptap.OrderedList";
    public const string Blockquote = "Umb.Tiptap.Blockquote";
    public const string HorizontalRule = "Umb.Tiptap.HorizontalRule";
    public const string CodeBlock = "Umb.Tiptap.CodeBlock";
    public const string Link = "Umb.Tiptap.Link";
    public const string Image = "Umb.Tiptap.Image";
    public const string Table = "Umb.Tiptap.Table";
    public const string Block = "Umb.Tiptap.Block";
}
