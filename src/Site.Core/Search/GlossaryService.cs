using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Site.Core.Content;
using Site.Core.Publishing;
using Site.Core.Storage;
using Site.Core.Sync;

namespace Site.Core.Search;

/// <summary>One saved state of a glossary entry: who, when, and its terms then (null: the entry was deleted).</summary>
public sealed record GlossaryVersion(long Id, DateTime AtUtc, string User, IReadOnlyDictionary<string, string>? Translations);

public sealed record GlossaryResult(bool Succeeded, GlossaryEntry? Entry, IReadOnlyList<LocalizedText> Errors)
{
    public static GlossaryResult NotFound { get; } = new(false, null, [GlossaryMessages.NotFound]);
}

/// <summary>
/// The glossary as editors keep it in the back office: entries are dictionary items under "Glossary" (created when
/// missing), every change keeps a version, and goes to other instances through the change journal. Search sees a
/// change at once, without reading the content again.
/// </summary>
public interface IGlossaryService
{
    Task<IReadOnlyList<GlossaryEntry>> GetAllAsync(CancellationToken cancellationToken);

    Task<GlossaryEntry?> GetAsync(Guid key, CancellationToken cancellationToken);

    /// <summary>Creates (no key) or changes an entry; each culture's text lists its terms separated by semicolons or lines.</summary>
    Task<GlossaryResult> SaveAsync(Guid? key, IReadOnlyDictionary<string, string> terms, string user, CancellationToken cancellationToken);

    Task<GlossaryResult> DeleteAsync(Guid key, string user, CancellationToken cancellationToken);

    /// <summary>The entry's saved states, newest first (a deleted entry keeps its history).</summary>
    Task<IReadOnlyList<GlossaryVersion>> HistoryAsync(Guid key, CancellationToken cancellationToken);

    /// <summary>Saves an earlier state again, as a new version.</summary>
    Task<GlossaryResult> RestoreAsync(Guid key, long versionId, string user, CancellationToken cancellationToken);
}

public static class GlossaryMessages
{
    public static readonly LocalizedText NotFound = LocalizedText.Of("There is no such glossary entry.");
    public static readonly LocalizedText TooFewTerms = LocalizedText.Of("An entry needs at least two terms (in one language or across both) that name the same thing.");
    public static readonly LocalizedText TooManyTerms = LocalizedText.Of("At most {0} terms per language.");
    public static readonly LocalizedText TermTooLong = LocalizedText.Of("A term has at most {0} characters: \"{1}\".");
    public static readonly LocalizedText UnknownLanguage = LocalizedText.Of("The site has no language \"{0}\".");
    public static readonly LocalizedText TermInAnotherEntry = LocalizedText.Of("\"{0}\" is already in the entry \"{1}\"; a term belongs to one entry.");
}

internal sealed class GlossaryService(
    ISiteDbContextFactory dbFactory,
    IContentSchemaStore schemaStore,
    IPublishedSnapshotService snapshots,
    TimeProvider clock) : IGlossaryService
{
    public const int MaxTermsPerCulture = 20;
    public const int MaxTermLength = 100;

    private static readonly JsonSerializerOptions Json = new();

    public async Task<IReadOnlyList<GlossaryEntry>> GetAllAsync(CancellationToken cancellationToken) =>
        Glossary.From(await schemaStore.GetAsync(cancellationToken).ConfigureAwait(false)).Entries;

    public async Task<GlossaryEntry?> GetAsync(Guid key, CancellationToken cancellationToken) =>
        (await GetAllAsync(cancellationToken).ConfigureAwait(false)).FirstOrDefault(e => e.Key == key);

    public async Task<GlossaryResult> SaveAsync(Guid? key, IReadOnlyDictionary<string, string> terms, string user, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(terms);
        var schema = await schemaStore.GetAsync(cancellationToken).ConfigureAwait(false);
        var glossary = Glossary.From(schema);
        if (key is { } existing && glossary.Entries.All(e => e.Key != existing))
        {
            return GlossaryResult.NotFound;
        }

        var errors = new List<LocalizedText>();
        var translations = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (culture, text) in terms)
        {
            if (schema.Languages.Find(culture) is not { } language)
            {
                errors.Add(GlossaryMessages.UnknownLanguage.Format(culture));
                continue;
            }

            var list = Glossary.Terms(text);
            if (list.Count > MaxTermsPerCulture)
            {
                errors.Add(GlossaryMessages.TooManyTerms.Format(MaxTermsPerCulture));
            }

            errors.AddRange(list.Where(t => t.Length > MaxTermLength).Select(t => GlossaryMessages.TermTooLong.Format(MaxTermLength, t[..20] + "…")));
            if (list.Count > 0)
            {
                translations[language.IsoCode] = string.Join("; ", list);
            }
        }

        if (translations.Values.Sum(t => Glossary.Terms(t).Count) < 2)
        {
            errors.Add(GlossaryMessages.TooFewTerms);
        }

        // A term in two entries would join them silently in search; the editor merges them instead.
        foreach (var other in glossary.Entries.Where(e => e.Key != key))
        {
            var clash = translations.Values.SelectMany(Glossary.Terms)
                .FirstOrDefault(t => other.Terms.Values.Any(list => list.Contains(t, StringComparer.OrdinalIgnoreCase)));
            if (clash is not null)
            {
                errors.Add(GlossaryMessages.TermInAnotherEntry.Format(clash, Title(other)));
            }
        }

        if (errors.Count > 0)
        {
            return new GlossaryResult(false, null, errors);
        }

        await using var db = dbFactory.Create();
        var root = await RootAsync(db, cancellationToken).ConfigureAwait(false);
        var row = key is { } k ? await db.DictionaryItems.FirstAsync(d => d.Key == k, cancellationToken).ConfigureAwait(false) : null;
        if (row is null)
        {
            row = new DictionaryRecord { Key = Guid.NewGuid(), ParentKey = root.Key, Alias = await NewAliasAsync(db, translations, schema, cancellationToken).ConfigureAwait(false), TranslationsJson = "{}" };
            db.DictionaryItems.Add(row);
        }

        row.TranslationsJson = JsonSerializer.Serialize(translations, Json);
        Journal(db, row.Key, row.Alias, row.TranslationsJson, user);
        await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
        await ApplyAsync(cancellationToken).ConfigureAwait(false);
        return new GlossaryResult(true, await GetAsync(row.Key, cancellationToken).ConfigureAwait(false), []);
    }

    public async Task<GlossaryResult> DeleteAsync(Guid key, string user, CancellationToken cancellationToken)
    {
        if (await GetAsync(key, cancellationToken).ConfigureAwait(false) is null)
        {
            return GlossaryResult.NotFound;
        }

        await using var db = dbFactory.Create();
        var row = await db.DictionaryItems.FirstAsync(d => d.Key == key, cancellationToken).ConfigureAwait(false);
        // Entries nested under this one go with it, as in Umbraco's dictionary.
        var all = await db.DictionaryItems.ToListAsync(cancellationToken).ConfigureAwait(false);
        var doomed = new List<DictionaryRecord> { row };
        for (var i = 0; i < doomed.Count; i++)
        {
            doomed.AddRange(all.Where(d => d.ParentKey == doomed[i].Key && !doomed.Contains(d)));
        }

        foreach (var item in doomed)
        {
            db.DictionaryItems.Remove(item);
            Journal(db, item.Key, item.Alias, null, user);
        }

        await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
        await ApplyAsync(cancellationToken).ConfigureAwait(false);
        return new GlossaryResult(true, null, []);
    }

    public async Task<IReadOnlyList<GlossaryVersion>> HistoryAsync(Guid key, CancellationToken cancellationToken)
    {
        await using var db = dbFactory.Create();
        var rows = await db.DictionaryVersions.AsNoTracking().Where(v => v.ItemKey == key).OrderByDescending(v => v.Id)
            .ToListAsync(cancellationToken).ConfigureAwait(false);
        return [.. rows.Select(v => new GlossaryVersion(v.Id, DateTime.SpecifyKind(v.AtUtc, DateTimeKind.Utc), v.User,
            v.TranslationsJson is null ? null : JsonSerializer.Deserialize<Dictionary<string, string>>(v.TranslationsJson, Json)))];
    }

    public async Task<GlossaryResult> RestoreAsync(Guid key, long versionId, string user, CancellationToken cancellationToken)
    {
        var version = (await HistoryAsync(key, cancellationToken).ConfigureAwait(false)).FirstOrDefault(v => v.Id == versionId);
        if (version?.Translations is not { } translations)
        {
            return GlossaryResult.NotFound;
        }

        // A deleted entry comes back as a new entry with the terms it had.
        var exists = await GetAsync(key, cancellationToken).ConfigureAwait(false) is not null;
        return await SaveAsync(exists ? key : null, translations, user, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>The dictionary is read again and the snapshot refreshed; the search bridge takes the new glossary from it.</summary>
    private async Task ApplyAsync(CancellationToken cancellationToken)
    {
        await schemaStore.ReloadDictionaryAsync(cancellationToken).ConfigureAwait(false);
        await snapshots.RefreshAsync(cancellationToken).ConfigureAwait(false);
    }

    private void Journal(SiteDbContext db, Guid key, string alias, string? translationsJson, string user)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        db.DictionaryVersions.Add(new DictionaryVersionRecord { ItemKey = key, Alias = alias, TranslationsJson = translationsJson, AtUtc = now, User = user });
        db.ChangeJournal.Add(new ChangeJournalRecord { NodeKey = key, Kind = ChangeJournalKinds.Dictionary, Cultures = string.Empty, AtUtc = now });
    }

    private static async Task<DictionaryRecord> RootAsync(SiteDbContext db, CancellationToken cancellationToken)
    {
        var root = await db.DictionaryItems.FirstOrDefaultAsync(d => d.Alias == Glossary.RootAlias, cancellationToken).ConfigureAwait(false);
        if (root is null)
        {
            root = new DictionaryRecord { Key = Guid.NewGuid(), Alias = Glossary.RootAlias, TranslationsJson = "{}" };
            db.DictionaryItems.Add(root);
        }

        return root;
    }

    /// <summary>"Glossary." and the first term as Umbraco makes an alias (the default language's, or any); unique.</summary>
    private static async Task<string> NewAliasAsync(SiteDbContext db, Dictionary<string, string> translations, ContentSchema schema, CancellationToken cancellationToken)
    {
        var preferred = schema.Languages.All.Select(l => l.IsoCode).Where(translations.ContainsKey)
            .Select(c => UmbracoSafeAlias.From(Glossary.Terms(translations[c])[0]))
            .FirstOrDefault(a => a.Length > 0) ?? "Entry";
        var stem = Glossary.RootAlias + "." + char.ToUpperInvariant(preferred[0]) + preferred[1..];
        var alias = stem;
        for (var n = 2; await db.DictionaryItems.AnyAsync(d => d.Alias == alias, cancellationToken).ConfigureAwait(false); n++)
        {
            alias = stem + n.ToString(System.Globalization.CultureInfo.InvariantCulture);
        }

        return alias;
    }

    private static string Title(GlossaryEntry entry) => entry.Terms.Values.SelectMany(t => t).FirstOrDefault() ?? entry.Alias;
}
