namespace Site.Core.Search;

public enum SearchIndexStorage
{
    /// <summary>Files under the data folder (<c>DataPath/Search</c>): survives restarts.</summary>
    Disk,

    /// <summary>In memory only, rebuilt from the snapshot at every start: for tests.</summary>
    Memory,
}

/// <summary>Settings of site search, bound from "Site:Search".</summary>
public sealed class SearchOptions
{
    public const string SectionName = "Site:Search";

    public SearchIndexStorage Storage { get; set; } = SearchIndexStorage.Disk;

    /// <summary>Longer queries are cut to this many characters (after control characters are removed).</summary>
    public int MaxQueryLength { get; set; } = 200;

    /// <summary>At most this many words of a query are searched for; the rest are ignored.</summary>
    public int MaxQueryTerms { get; set; } = 12;

    /// <summary>A query that takes longer stops collecting and returns what it found so far.</summary>
    public TimeSpan QueryTimeout { get; set; } = TimeSpan.FromMilliseconds(500);

    /// <summary>The largest page of results one request may ask for.</summary>
    public int MaxTake { get; set; } = 50;

    /// <summary>The deepest result one request may reach (skip + take).</summary>
    public int MaxWindow { get; set; } = 1000;

    /// <summary>Checks the settings; the host validates them on start.</summary>
    public IEnumerable<string> Validate()
    {
        if (MaxQueryLength is < 10 or > 2000)
        {
            yield return "Site:Search:MaxQueryLength must be between 10 and 2000.";
        }

        if (MaxQueryTerms is < 1 or > 64)
        {
            yield return "Site:Search:MaxQueryTerms must be between 1 and 64.";
        }

        if (QueryTimeout <= TimeSpan.Zero || QueryTimeout > TimeSpan.FromSeconds(30))
        {
            yield return "Site:Search:QueryTimeout must be positive and at most 30 seconds.";
        }

        if (MaxTake is < 1 or > 500)
        {
            yield return "Site:Search:MaxTake must be between 1 and 500.";
        }

        if (MaxWindow < MaxTake)
        {
            yield return "Site:Search:MaxWindow must be at least MaxTake.";
        }
    }
}
