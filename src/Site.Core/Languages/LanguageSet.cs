namespace Site.Core.Languages;

/// <summary>The site's languages, with the default first. Immutable.</summary>
public sealed class LanguageSet
{
    private readonly Dictionary<string, Language> _byIso;
    private readonly Dictionary<string, Language> _byPrefix;

    public LanguageSet(IEnumerable<Language> languages)
    {
        ArgumentNullException.ThrowIfNull(languages);
        All = [.. languages.OrderByDescending(l => l.IsDefault).ThenBy(l => l.IsoCode, StringComparer.Ordinal)];
        // First wins on a clash; the uSync checker reports clashes before a set with one is ever stored.
        _byIso = All.DistinctBy(l => l.IsoCode, StringComparer.OrdinalIgnoreCase).ToDictionary(l => l.IsoCode, StringComparer.OrdinalIgnoreCase);
        _byPrefix = All.DistinctBy(l => l.UrlPrefix, StringComparer.OrdinalIgnoreCase).ToDictionary(l => l.UrlPrefix, StringComparer.OrdinalIgnoreCase);
        Default = All.Count == 0 ? null : All.FirstOrDefault(l => l.IsDefault) ?? All[0];
    }

    public static LanguageSet Empty { get; } = new([]);

    public IReadOnlyList<Language> All { get; }

    /// <summary>The default language; null only before anything is imported.</summary>
    public Language? Default { get; }

    public IEnumerable<Language> Mandatory => All.Where(l => l.IsMandatory);

    public Language? Find(string? isoCode) =>
        isoCode is not null && _byIso.TryGetValue(isoCode, out var language) ? language : null;

    public Language? FindByPrefix(string? prefix) =>
        prefix is not null && _byPrefix.TryGetValue(prefix, out var language) ? language : null;

    public bool Contains(string isoCode) => _byIso.ContainsKey(isoCode);
}
