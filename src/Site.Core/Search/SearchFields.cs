using System.Globalization;

namespace Site.Core.Search;

/// <summary>
/// The index's layout: one Lucene document per node, with Examine-style field names (<c>nodeName_zh-cn</c>) for
/// everything that is per culture. One document per node (not per node and culture) lets a query match words of
/// both languages at once, and makes counts, facets and paging count pages rather than translations.
/// Fields starting with "__" are keywords (not analyzed).
/// </summary>
public static class SearchFields
{
    /// <summary>
    /// Written into every commit. A different stamp on disk (a new layout, new analyzers) means the index is rebuilt
    /// from the published snapshot on start. Bump it whenever documents would be written differently.
    /// </summary>
    public const string IndexVersion = "site-search-8";

    public const string VersionKey = "site.search.version";

    public const string Key = "__key";
    public const string ContentType = "__type";
    public const string Fingerprint = "__fingerprint";
    public const string Access = "__access";
    public const string Cultures = "__cultures";
    public const string Year = "__year";
    public const string Decade = "__decade";
    public const string Location = "__location";
    public const string SessionNumber = "__sessionNumber";
    public const string SortDate = "__sortDate";

    /// <summary>The access value of content anyone may see.</summary>
    public const string AccessPublic = "public";

    /// <summary>The access value of content any signed-in member may see.</summary>
    public const string AccessMembers = "members";

    public static string AccessGroup(string group) => "group:" + group;

    // Per culture, analyzed with the culture's analyzer and stored (for highlighting).
    public const string NodeName = "nodeName";
    public const string Summary = "summary";
    public const string BodyText = "bodyText";
    public const string Tags = "tags";
    public const string Place = "place";

    /// <summary>All the Chinese text of a culture again, as character pairs (not stored): see <see cref="SearchAnalyzers"/>.</summary>
    public const string Bigrams = "bigrams";

    /// <summary>The weight of a match on character pairs only.</summary>
    public const float BigramBoost = 0.5f;

    /// <summary>Does a culture's text get the character-pair field?</summary>
    public static bool UsesBigrams(string culture) => SearchAnalyzers.IsChinese(culture);

    /// <summary>English words, lower-cased but not stemmed: the dictionary of "did you mean".</summary>
    public const string Spell = "__spell";

    // Per culture, stored only or keywords.
    public const string Name = "__name";
    public const string Url = "__url";
    public const string Date = "__date";
    public const string Country = "__country";

    /// <summary>The analyzed fields searched for every query word, with their weights.</summary>
    public static IReadOnlyList<(string Field, float Boost)> SearchedFields { get; } =
    [
        (NodeName, 4f),
        (Place, 3f),
        (Tags, 2.5f),
        (Summary, 1.5f),
        (BodyText, 1f),
    ];

    /// <summary>The fields highlighted in results, best first.</summary>
    public static IReadOnlyList<string> HighlightedFields { get; } = [Summary, BodyText, Place, Tags, NodeName];

    /// <summary>The alias, an underscore and the culture in lower case, as Examine names per-culture fields.</summary>
    public static string For(string field, string culture) => field + "_" + culture.ToLower(CultureInfo.InvariantCulture);

    /// <summary>The culture of a per-culture field (the part after the last underscore, in lower case), or null.</summary>
    public static string? CultureOf(string field)
    {
        ArgumentNullException.ThrowIfNull(field);
        var underscore = field.LastIndexOf('_');
        return underscore < 0 ? null : field[(underscore + 1)..];
    }
}
