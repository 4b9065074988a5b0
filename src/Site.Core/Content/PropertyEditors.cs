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

    /// <summary>Umbraco 13's rich text editor; its values are rich text markup, so uSync import reads it as <see cref="RichText"/> (as Umbraco 14's upgrade does).</summary>
    public const string TinyMce = "Umbraco.TinyMCE";

    public const string BlockGrid = "Umbraco.BlockGrid";
    public const string LegacyMediaPicker = "Umbraco.MediaPicker";
    public const string MultiNodeTreePicker = "Umbraco.MultiNodeTreePicker";
    public const string DecimalNumber = "Umbraco.Decimal";
    public const string DropDown = "Umbraco.DropDown.Flexible";
    public const string CheckBoxList = "Umbraco.CheckBoxList";
    public const string RadioButtonList = "Umbraco.RadioButtonList";
    public const string Slider = "Umbraco.Slider";
    public const string EmailAddress = "Umbraco.EmailAddress";
    public const string ColorPicker = "Umbraco.ColorPicker";
    public const string EyeDropper = "Umbraco.ColorPicker.EyeDropper";
    public const string UploadField = "Umbraco.UploadField";
    public const string ImageCropper = "Umbraco.ImageCropper";
    public const string Label = "Umbraco.Label";
    public const string ListView = "Umbraco.ListView";
    public const string MemberPicker = "Umbraco.MemberPicker";
    public const string MemberGroupPicker = "Umbraco.MemberGroupPicker";
    public const string UserPicker = "Umbraco.UserPicker";
    public const string MultipleTextstring = "Umbraco.MultipleTextstring";

    /// <summary>The editors the engine models: it checks their values and renders them in their own way.</summary>
    public static IReadOnlySet<string> Modelled { get; } = new HashSet<string>(StringComparer.Ordinal)
    {
        TextBox, TextArea, Markdown, RichText, Numeric, DatePicker, TrueFalse, Tags, ContentPicker, MediaPicker, MultiUrlPicker, BlockList,
    };

    /// <summary>
    /// Umbraco's other core editors: values are stored as they come and shown generically (a list, a date, a link,
    /// a colour…) by <see cref="GenericValues"/>; the site renders none of them in a view of its own.
    /// </summary>
    public static IReadOnlySet<string> Generic { get; } = new HashSet<string>(StringComparer.Ordinal)
    {
        BlockGrid, LegacyMediaPicker, MultiNodeTreePicker, DecimalNumber, DropDown, CheckBoxList, RadioButtonList, Slider, EmailAddress,
        ColorPicker, EyeDropper, UploadField, ImageCropper, Label, ListView, MemberPicker, MemberGroupPicker, UserPicker, MultipleTextstring,
    };

    public static IReadOnlySet<string> All { get; } = new HashSet<string>(Modelled.Concat(Generic), StringComparer.Ordinal);

    public static bool IsKnown(string editorAlias) => All.Contains(editorAlias);

    public static bool IsGeneric(string editorAlias) => Generic.Contains(editorAlias);

    /// <summary>
    /// The back-office editor (property editor UI alias) Umbraco 14+ gives a data type of this editor when nothing names
    /// one: Umbraco's own upgrade table, with Umbraco 16's Tiptap for rich text (TinyMCE is no longer in its core).
    /// Null for an editor that has no core UI.
    /// </summary>
    public static string? DefaultUiAlias(string editorAlias) => editorAlias switch
    {
        TextBox => "Umb.PropertyEditorUi.TextBox",
        TextArea => "Umb.PropertyEditorUi.TextArea",
        Markdown => "Umb.PropertyEditorUi.MarkdownEditor",
        RichText or TinyMce => "Umb.PropertyEditorUi.Tiptap",
        Numeric => "Umb.PropertyEditorUi.Integer",
        DecimalNumber => "Umb.PropertyEditorUi.Decimal",
        DatePicker => "Umb.PropertyEditorUi.DatePicker",
        TrueFalse => "Umb.PropertyEditorUi.Toggle",
        Tags => "Umb.PropertyEditorUi.Tags",
        ContentPicker => "Umb.PropertyEditorUi.DocumentPicker",
        MultiNodeTreePicker => "Umb.PropertyEditorUi.ContentPicker",
        MediaPicker => "Umb.PropertyEditorUi.MediaPicker",
        MultiUrlPicker => "Umb.PropertyEditorUi.MultiUrlPicker",
        BlockList => "Umb.PropertyEditorUi.BlockList",
        BlockGrid => "Umb.PropertyEditorUi.BlockGrid",
        DropDown => "Umb.PropertyEditorUi.Dropdown",
        CheckBoxList => "Umb.PropertyEditorUi.CheckBoxList",
        RadioButtonList => "Umb.PropertyEditorUi.RadioButtonList",
        Slider => "Umb.PropertyEditorUi.Slider",
        EmailAddress => "Umb.PropertyEditorUi.EmailAddress",
        ColorPicker => "Umb.PropertyEditorUi.ColorPicker",
        EyeDropper => "Umb.PropertyEditorUi.EyeDropper",
        UploadField => "Umb.PropertyEditorUi.UploadField",
        ImageCropper => "Umb.PropertyEditorUi.ImageCropper",
        Label => "Umb.PropertyEditorUi.Label",
        ListView => "Umb.PropertyEditorUi.Collection",
        MemberPicker => "Umb.PropertyEditorUi.MemberPicker",
        MemberGroupPicker => "Umb.PropertyEditorUi.MemberGroupPicker",
        UserPicker => "Umb.PropertyEditorUi.UserPicker",
        MultipleTextstring => "Umb.PropertyEditorUi.MultipleTextString",
        _ => null,
    };

    /// <summary>Editors whose values may hold line breaks: long text, and the generic editors (multiple text strings are one per line).</summary>
    public static bool IsMultiLine(string editorAlias) =>
        editorAlias is TextArea or Markdown or RichText or BlockList || Generic.Contains(editorAlias);
}
