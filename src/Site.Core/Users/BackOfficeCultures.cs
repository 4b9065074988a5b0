using Microsoft.Extensions.Options;
using Site.Core.Localization;
using Site.Core.Publishing;

namespace Site.Core.Users;

/// <summary>
/// The languages the back office speaks (its own words, not content): BackOffice:UiCultures in configuration, the first
/// being the default; without it, the site's content languages, default first.
/// </summary>
public interface IBackOfficeCultures
{
    IReadOnlyList<string> All { get; }

    string DefaultCulture { get; }

    bool Contains(string? culture);

    /// <summary>The culture as configured (its spelling), or the default when it is not one of them.</summary>
    string Resolve(string? culture);
}

internal sealed class BackOfficeCultures(IOptions<BackOfficeOptions> options, IPublishedSnapshotAccessor snapshots) : IBackOfficeCultures
{
    public IReadOnlyList<string> All
    {
        get
        {
            var configured = options.Value.UiCultures.Where(c => !string.IsNullOrWhiteSpace(c)).ToList();
            if (configured.Count > 0)
            {
                return configured;
            }

            var languages = snapshots.Current.Languages.All.Select(l => l.IsoCode).ToList();
            return languages.Count > 0 ? languages : [TextCatalog.SourceCulture];
        }
    }

    public string DefaultCulture => All[0];

    public bool Contains(string? culture) => culture is not null && All.Contains(culture, StringComparer.OrdinalIgnoreCase);

    public string Resolve(string? culture) =>
        culture is null ? DefaultCulture : All.FirstOrDefault(c => string.Equals(c, culture, StringComparison.OrdinalIgnoreCase)) ?? DefaultCulture;
}
