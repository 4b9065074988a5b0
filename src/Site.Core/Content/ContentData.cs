namespace Site.Core.Content;

/// <summary>One stored value: invariant when <see cref="Culture"/> is null.</summary>
public sealed record PropertyValue(string Alias, string? Culture, string Value);

/// <summary>The names and values of one version of a node, all cultures together. Immutable.</summary>
public sealed record ContentData(IReadOnlyDictionary<string, string> Names, IReadOnlyList<PropertyValue> Values)
{
    public static ContentData Empty { get; } = new(new Dictionary<string, string>(), []);

    public string? GetName(string culture) =>
        Names.FirstOrDefault(n => string.Equals(n.Key, culture, StringComparison.OrdinalIgnoreCase)).Value;

    /// <summary>The value of a property in a culture (null culture for invariant properties); null when empty.</summary>
    public string? GetValue(string alias, string? culture)
    {
        foreach (var value in Values)
        {
            if (string.Equals(value.Alias, alias, StringComparison.Ordinal)
                && string.Equals(value.Culture, culture, StringComparison.OrdinalIgnoreCase))
            {
                return string.IsNullOrEmpty(value.Value) ? null : value.Value;
            }
        }

        return null;
    }

    public IEnumerable<string> Cultures => Names.Where(n => !string.IsNullOrWhiteSpace(n.Value)).Select(n => n.Key);
}

/// <summary>A saved version of a node.</summary>
public sealed record ContentVersion(long Id, int Number, DateTime CreatedAtUtc, string CreatedBy, ContentData Data);

/// <summary>Where and when a culture of a node was published.</summary>
public sealed record PublishedCulture(string Culture, long VersionId, DateTime PublishedAtUtc);

/// <summary>A node of the content tree as editors see it: its latest version and what is published.</summary>
public sealed record ContentNode(
    Guid Key,
    Guid? ParentKey,
    string ContentTypeAlias,
    int SortOrder,
    int Level,
    DateTime CreateDateUtc,
    DateTime UpdateDateUtc,
    bool Trashed,
    ContentVersion CurrentVersion,
    IReadOnlyList<PublishedCulture> PublishedCultures,
    long? InvariantPublishedVersionId)
{
    public bool IsPublished(string culture) =>
        PublishedCultures.Any(p => string.Equals(p.Culture, culture, StringComparison.OrdinalIgnoreCase));

    public bool IsPublishedInAnyCulture => PublishedCultures.Count > 0;
}
