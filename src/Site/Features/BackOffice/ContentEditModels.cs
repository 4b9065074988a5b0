using Site.Core.Content;
using Site.Core.Languages;
using Site.Core.Media;
using Site.Core.Workflow;

namespace Site.Features.BackOffice;

/// <summary>Saved in between: the version another editor saved after this editor opened the form.</summary>
public sealed record ConflictView(ContentVersion Theirs, int YourVersion, IReadOnlyList<ConflictRow> Rows);

/// <summary>One field that differs between the saved version and what this editor typed.</summary>
public sealed record ConflictRow(string Label, string? Culture, string Theirs, string Yours);

/// <summary>Everything the edit screen shows: the form (stored or as typed), the tree around the item and its workflow.</summary>
public sealed record ContentEditData(
    ContentNode? Node,
    Guid? ParentKey,
    ContentType Type,
    IReadOnlyList<Language> Languages,
    ContentData Data,
    int? Version,
    IReadOnlyList<ContentNode> Ancestors,
    IReadOnlyList<ContentNode> Children,
    IReadOnlyDictionary<string, Review?> Reviews,
    IReadOnlyList<ScheduledAction> Schedules,
    IReadOnlyList<ContentType> AllowedChildTypes,
    IReadOnlyList<(Guid Key, string Name)> ParentChoices,
    IReadOnlyList<MediaItem> Media,
    BackOfficeUser User,
    string? FocusCulture,
    SchemaLabels Labels,
    ConflictView? Conflict = null)
{
    public bool IsNew => Node is null;

    public string Text(PropertyType property, string? culture) =>
        ContentForm.ToText(property.EditorAlias, Data.GetValue(property.Alias, culture));

    public bool Can(ContentAction action, string? culture) => ContentPermissions.Can(User, action, culture);

    /// <summary>May this editor change anything in the column of this culture (translators only their own)?</summary>
    public bool CanEditCulture(string culture) => Can(IsNew ? ContentAction.Create : ContentAction.Edit, culture);

    public bool CanEditInvariant => Can(IsNew ? ContentAction.Create : ContentAction.Edit, null);

    public IEnumerable<IGrouping<string, PropertyType>> Tabs =>
        Type.Properties.OrderBy(p => Type.Tabs.FirstOrDefault(t => t.Alias == p.TabAlias)?.SortOrder ?? 0).ThenBy(p => p.SortOrder).GroupBy(p => p.TabName);

    public PublishedCulture? Published(string culture) =>
        Node?.PublishedCultures.FirstOrDefault(p => string.Equals(p.Culture, culture, StringComparison.OrdinalIgnoreCase));

    /// <summary>Saved after it was published: the live page shows an older version.</summary>
    public bool HasNewerDraft(string culture) =>
        Node is not null && Published(culture) is { } live && live.VersionId != Node.CurrentVersion.Id;

    public string NameOf(ContentNode node, string culture) =>
        node.CurrentVersion.Data.GetName(culture) ?? node.CurrentVersion.Data.Names.Values.FirstOrDefault() ?? node.Key.ToString();
}

public sealed record HistoryData(ContentNode Node, IReadOnlyList<ContentVersion> Versions, int? From, int? To, IReadOnlyList<ContentChange>? Changes, bool CanRollback, ContentType? Type, SchemaLabels Labels)
{
    /// <summary>A changed field's label: the property's name in the editor's language, or the item's name.</summary>
    public string? FieldLabel(string? alias) => alias is null ? null : Type?.FindProperty(alias) is { } property ? Labels.Property(property) : alias;
}

public sealed record RecycleBinData(IReadOnlyList<ContentNode> Items, bool CanDelete);

public sealed record TranslationsData(IReadOnlyList<TranslationStatus> Items, BackOfficeUser User);

public sealed record ContentRootData(IReadOnlyList<ContentNode> Roots, IReadOnlyList<ContentType> RootTypes, bool CanCreate, SchemaLabels Labels);

/// <summary>One field of the edit form, for the _Field partial.</summary>
public sealed record ContentFieldView(
    BackOfficeText T,
    PropertyType Property,
    string Label,
    string? Description,
    string Name,
    string Value,
    string? Lang,
    bool ReadOnly,
    string? Error,
    int? MaxChars,
    IReadOnlyList<MediaItem> Media,
    string? BlockEditor = null,
    string? RichTextBlocks = null,
    string? RichTextConfig = null,
    string? ContentPicker = null)
{
    /// <summary>
    /// The media library's images for the rich text editor's image chooser, as JSON: placed by key (data-udi), so the
    /// page shows the item's current file and alt text whatever happens to its name or file later.
    /// </summary>
    public string RichTextImages => System.Text.Json.JsonSerializer.Serialize(Media
        .Where(m => m.Kind == MediaKind.Image)
        .Select(m => new Dictionary<string, string?>
        {
            ["udi"] = $"umb://media/{m.Key:N}",
            ["src"] = m.RenditionUrl("w640"),
            ["thumb"] = m.Url.Replace("/" + m.FileName, "/w160/" + m.FileName, StringComparison.Ordinal),
            ["name"] = m.Name,
            // Only the field's language: the editor asks for it when the item has none (never another language's).
            ["alt"] = Lang is null ? m.AltText.Values.FirstOrDefault() : m.Alt(Lang),
        }));

    /// <summary>What to write (the property's description, in the editor's language), then how the editor works.</summary>
    public string? Hint
    {
        get
        {
            var howTo = Property.EditorAlias switch
            {
                PropertyEditors.Markdown => T.MarkdownHint,
                PropertyEditors.RichText => T.RichTextHint,
                PropertyEditors.Tags => T.TagsHint,
                PropertyEditors.MultiUrlPicker => T.LinksHint,
                PropertyEditors.ContentPicker or PropertyEditors.MultiNodeTreePicker => T.ContentPickerHint,
                _ => null,
            };
            var both = string.Join(" ", new[] { Description, howTo }.Where(s => !string.IsNullOrWhiteSpace(s)));
            return both.Length == 0 ? null : both;
        }
    }
}
