using Site.Core.Languages;

namespace Site.Core.Content;

/// <summary>A data type: an editor with its configuration (Umbraco's data type).</summary>
public sealed record DataType(Guid Key, string Alias, string EditorAlias, string ConfigJson, int? MaxChars)
{
    /// <summary>
    /// The back-office editor Umbraco 14+ shows for it (its property editor UI alias, e.g. <c>Umb.PropertyEditorUi.TextBox</c>):
    /// kept so that an export names the same one; null when there is none.
    /// </summary>
    public string? EditorUiAlias { get; init; }
}

/// <summary>A dictionary item (Umbraco's translation dictionary): used for validation messages such as "#validation.year".</summary>
public sealed record DictionaryItem(Guid Key, string Alias, IReadOnlyDictionary<string, string> Translations)
{
    /// <summary>The item it is nested under in Umbraco's dictionary tree (it only groups; lookups are by alias); null at the top.</summary>
    public Guid? ParentKey { get; init; }
}

/// <summary>A property of a content type.</summary>
public sealed record PropertyType(
    Guid Key,
    string Alias,
    string Name,
    string Description,
    Guid DataTypeKey,
    string EditorAlias,
    bool VariesByCulture,
    bool Mandatory,
    string? ValidationPattern,
    string? MandatoryMessage,
    string? ValidationMessage,
    int SortOrder,
    string TabAlias,
    string TabName);

/// <summary>A tab (group) of a content type.</summary>
public sealed record PropertyTab(Guid Key, string Alias, string Caption, int SortOrder);

/// <summary>
/// A document type, or an element type (<see cref="IsElement"/>, Umbraco's "is an element type"): the shape of a block's
/// content or settings, never a node of the tree. A document type without a template (<see cref="HasTemplate"/>, as
/// Umbraco's site settings types) makes nodes that hold data only: they have a route for the Delivery API, but the
/// site does not render, list, index or link them.
/// </summary>
public sealed record ContentType(
    Guid Key,
    string Alias,
    string Name,
    string Icon,
    string Description,
    bool AllowAtRoot,
    bool VariesByCulture,
    IReadOnlyList<string> AllowedChildAliases,
    IReadOnlyList<PropertyType> Properties,
    IReadOnlyList<PropertyTab> Tabs,
    bool IsElement = false,
    bool HasTemplate = true)
{
    /// <summary>
    /// The aliases of the types composed into this one (Umbraco's compositions). Their properties and tabs are already in
    /// <see cref="Properties"/> and <see cref="Tabs"/>; the list is kept so that an export writes the type as uSync does.
    /// </summary>
    public IReadOnlyList<string> Compositions { get; init; } = [];

    /// <summary>
    /// The default template's alias as a uSync folder named it (<c>&lt;DefaultTemplate&gt;</c>); null for the site's own
    /// types, whose template is named by the type's alias. Kept so that an export names it again; never run.
    /// </summary>
    public string? DefaultTemplateAlias { get; init; }

    /// <summary>The templates a uSync folder allowed for the type (<c>&lt;AllowedTemplates&gt;</c>), kept for the export.</summary>
    public IReadOnlyList<TemplateReference> AllowedTemplates { get; init; } = [];

    /// <summary>Whether a node of this type may be created at the root: never for an element type.</summary>
    public bool CanBeRoot => AllowAtRoot && !IsElement;

    /// <summary>Whether a node of this type is a page of the site: a document type with a template.</summary>
    public bool IsPage => HasTemplate && !IsElement;

    public PropertyType? FindProperty(string alias) =>
        Properties.FirstOrDefault(p => string.Equals(p.Alias, alias, StringComparison.Ordinal));
}

/// <summary>
/// A Razor template a uSync folder names (never run here): its key and alias, and, when the folder held its file, the
/// file's name and parent template alias (empty for none), so that an export writes the file back as uSync wrote it.
/// </summary>
public sealed record TemplateReference(Guid Key, string Alias)
{
    public string? Name { get; init; }

    public string? Parent { get; init; }
}

/// <summary>Everything that describes content: languages, data types, dictionary and content types. Immutable.</summary>
public sealed class ContentSchema
{
    private readonly Dictionary<Guid, ContentType> _byKey;

    public ContentSchema(
        LanguageSet languages,
        IEnumerable<DataType> dataTypes,
        IEnumerable<DictionaryItem> dictionary,
        IEnumerable<ContentType> contentTypes)
    {
        Languages = languages;
        DataTypes = dataTypes.ToDictionary(d => d.Key);
        Dictionary = dictionary.ToDictionary(d => d.Alias, StringComparer.OrdinalIgnoreCase);
        ContentTypes = contentTypes.ToDictionary(t => t.Alias, StringComparer.Ordinal);
        _byKey = ContentTypes.Values.ToDictionary(t => t.Key);
        Structure = new object();
    }

    private ContentSchema(ContentSchema schema, IEnumerable<DictionaryItem> dictionary)
    {
        Languages = schema.Languages;
        DataTypes = schema.DataTypes;
        Dictionary = dictionary.ToDictionary(d => d.Alias, StringComparer.OrdinalIgnoreCase);
        ContentTypes = schema.ContentTypes;
        _byKey = schema._byKey;
        Structure = schema.Structure;
    }

    /// <summary>
    /// The same languages, data types and content types (one <see cref="Structure"/>): what content is read with is
    /// unchanged, so a snapshot built on it need not read every node again.
    /// </summary>
    public ContentSchema WithDictionary(IEnumerable<DictionaryItem> dictionary)
    {
        ArgumentNullException.ThrowIfNull(dictionary);
        return new(this, dictionary);
    }

    /// <summary>Shared by schemas that differ only in their dictionary; a new one for every schema read whole.</summary>
    internal object Structure { get; }


    public static ContentSchema Empty { get; } = new(LanguageSet.Empty, [], [], []);

    public LanguageSet Languages { get; }

    public IReadOnlyDictionary<Guid, DataType> DataTypes { get; }

    public IReadOnlyDictionary<string, DictionaryItem> Dictionary { get; }

    public IReadOnlyDictionary<string, ContentType> ContentTypes { get; }

    public ContentType? FindContentType(string alias) => ContentTypes.GetValueOrDefault(alias);

    /// <summary>A content or element type by its key (blocks name their element types by key).</summary>
    public ContentType? FindContentType(Guid key) => _byKey.GetValueOrDefault(key);

    /// <summary>Whether a node of <paramref name="type"/> may go under a node of <paramref name="parent"/>: never an element type.</summary>
    public static bool AllowsChild(ContentType? parent, ContentType type) =>
        parent is not null && !type.IsElement && parent.AllowedChildAliases.Contains(type.Alias, StringComparer.Ordinal);

    public int? MaxChars(PropertyType property) => DataTypes.GetValueOrDefault(property.DataTypeKey)?.MaxChars;

    /// <summary>Resolves a message that may be a dictionary key ("#validation.year") into text in every culture.</summary>
    public LocalizedText? ResolveMessage(string? message)
    {
        if (string.IsNullOrWhiteSpace(message))
        {
            return null;
        }

        if (message.StartsWith('#') && Dictionary.TryGetValue(message[1..], out var item))
        {
            return LocalizedText.FromTranslations(item.Translations, item.Translations.Values.FirstOrDefault() ?? message);
        }

        return LocalizedText.Verbatim(message);
    }
}
