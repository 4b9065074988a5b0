namespace Site.Core.Content;

/// <summary>The property editors (Umbraco's editor aliases) that the engine knows how to store, validate and render.</summary>
public static class PropertyEditors
{
    public const string TextBox = "Umbraco.TextBox";
    public const string TextArea = "Umbraco.TextArea";
    public const string Markdown = "Umbraco.MarkdownEditor";
    public const string RichText = "Umbraco.RichText";
    public const string Numeric = "Umbraco.Integer";
    public const string DatePicker = "Umbraco.DateTime";
    public const string TrueFalse = "Umbraco.TrueFalse";
    public const string Tags = "Umbraco.Tags";
    public const string ContentPicker = "Umbraco.ContentPicker";
    public const string MediaPicker = "Umbraco.MediaPicker3";
    public const string MultiUrlPicker = "Umbraco.MultiUrlPicker";
    public const string BlockList = "Umbraco.BlockList";

    public static IReadOnlySet<string> All { get; } = new HashSet<string>(StringComparer.Ordinal)
    {
        TextBox, TextArea, Markdown, RichText, Numeric, DatePicker, TrueFalse, Tags, ContentPicker, MediaPicker, MultiUrlPicker, BlockList,
    };

    public static bool IsKnown(string editorAlias) => All.Contains(editorAlias);
}
