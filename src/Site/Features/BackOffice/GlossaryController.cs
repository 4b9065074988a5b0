using Microsoft.AspNetCore.Mvc;
using Site.Core.Publishing;
using Site.Core.Search;
using Site.Core.Workflow;

namespace Site.Features.BackOffice;

/// <summary>
/// The bilingual glossary that search uses to bridge the languages: entries with their terms per language, kept by
/// editors and translators like Umbraco's dictionary, with the history of every entry.
/// </summary>
[Route(BackOfficeExtensions.Path + "/glossary")]
public sealed class GlossaryController(IGlossaryService glossary, IPublishedSnapshotAccessor snapshots) : BackOfficeControllerBase
{
    private bool Allowed => Editor.Groups.Contains(BackOfficeGroups.Administrators) || Editor.Groups.Contains(BackOfficeGroups.Editors)
        || Editor.Groups.Contains(BackOfficeGroups.Translators);

    [HttpGet("")]
    public async Task<IActionResult> Index(string? text, string? done, CancellationToken cancellationToken)
    {
        if (!Allowed)
        {
            return Refused();
        }

        var notice = done switch
        {
            "saved" => Text.GlossarySaved,
            "deleted" => Text.GlossaryDeleted,
            _ => null,
        };
        return Show("Glossary", PageOf(Text.Glossary, "glossary", await ListAsync(text, null, cancellationToken), notice));
    }

    [HttpGet("{id:guid}")]
    public async Task<IActionResult> Entry(Guid id, CancellationToken cancellationToken)
    {
        if (!Allowed)
        {
            return Refused();
        }

        var entry = await glossary.GetAsync(id, cancellationToken);
        var history = await glossary.HistoryAsync(id, cancellationToken);
        // A deleted entry is shown by its history, so that it can be restored.
        return entry is null && history.Count == 0
            ? Missing()
            : Show("GlossaryEntry", PageOf(Text.GlossaryEntry, "glossary", new GlossaryEntryData(id, entry, Typed(entry), history, Cultures)));
    }

    [HttpPost("")]
    public Task<IActionResult> Create([FromForm] Dictionary<string, string> terms, CancellationToken cancellationToken) =>
        SaveAsync(null, terms, cancellationToken);

    [HttpPost("{id:guid}")]
    public Task<IActionResult> Update(Guid id, [FromForm] Dictionary<string, string> terms, CancellationToken cancellationToken) =>
        SaveAsync(id, terms, cancellationToken);

    [HttpPost("{id:guid}/delete")]
    public async Task<IActionResult> Delete(Guid id, CancellationToken cancellationToken)
    {
        if (!Allowed)
        {
            return Refused();
        }

        var result = await glossary.DeleteAsync(id, Editor.Email, cancellationToken);
        return result.Succeeded ? Redirect(BackOfficeExtensions.Path + "/glossary?done=deleted") : Missing();
    }

    [HttpPost("{id:guid}/restore/{version:long}")]
    public async Task<IActionResult> Restore(Guid id, long version, CancellationToken cancellationToken)
    {
        if (!Allowed)
        {
            return Refused();
        }

        var result = await glossary.RestoreAsync(id, version, Editor.Email, cancellationToken);
        if (result.Succeeded)
        {
            return Redirect($"{BackOfficeExtensions.Path}/glossary/{result.Entry!.Key:D}");
        }

        if (result == GlossaryResult.NotFound)
        {
            return Missing();
        }

        var entry = await glossary.GetAsync(id, cancellationToken);
        var history = await glossary.HistoryAsync(id, cancellationToken);
        return Invalid("GlossaryEntry", PageOf(Text.GlossaryEntry, "glossary", new GlossaryEntryData(id, entry, Typed(entry), history, Cultures), errors: Errors(result)));
    }

    private async Task<IActionResult> SaveAsync(Guid? id, Dictionary<string, string> terms, CancellationToken cancellationToken)
    {
        if (!Allowed)
        {
            return Refused();
        }

        // Only the site's languages are read from the form; anything else posted is ignored.
        var typed = Cultures.ToDictionary(c => c, c => terms.GetValueOrDefault(c) ?? string.Empty, StringComparer.Ordinal);
        var result = await glossary.SaveAsync(id, typed, Editor.Email, cancellationToken);
        if (result.Succeeded)
        {
            return Redirect(BackOfficeExtensions.Path + "/glossary?done=saved");
        }

        if (result == GlossaryResult.NotFound)
        {
            return Missing();
        }

        if (id is { } key)
        {
            var entry = await glossary.GetAsync(key, cancellationToken);
            var history = await glossary.HistoryAsync(key, cancellationToken);
            return Invalid("GlossaryEntry", PageOf(Text.GlossaryEntry, "glossary", new GlossaryEntryData(key, entry, typed, history, Cultures), errors: Errors(result)));
        }

        return Invalid("Glossary", PageOf(Text.Glossary, "glossary", await ListAsync(null, typed, cancellationToken), errors: Errors(result)));
    }

    private IReadOnlyList<string> Cultures => [.. snapshots.Current.Languages.All.Select(l => l.IsoCode)];

    private static Dictionary<string, string> Typed(GlossaryEntry? entry) =>
        entry is null ? [] : entry.Terms.ToDictionary(t => t.Key, t => string.Join("; ", t.Value), StringComparer.Ordinal);

    private List<FormError> Errors(GlossaryResult result) => [.. result.Errors.Select(e => new FormError(null, e.Get(Text.Code)))];

    private async Task<GlossaryListData> ListAsync(string? text, IReadOnlyDictionary<string, string>? typed, CancellationToken cancellationToken)
    {
        var entries = await glossary.GetAllAsync(cancellationToken);
        var filter = text?.Trim() ?? "";
        var shown = filter.Length == 0 ? entries
            : [.. entries.Where(e => e.Terms.Values.Any(list => list.Any(t => t.Contains(filter, StringComparison.OrdinalIgnoreCase))))];
        return new GlossaryListData(shown, entries.Count, filter, typed ?? new Dictionary<string, string>(), Cultures);
    }
}

public sealed record GlossaryListData(IReadOnlyList<GlossaryEntry> Entries, int Total, string Filter, IReadOnlyDictionary<string, string> Typed, IReadOnlyList<string> Cultures);

public sealed record GlossaryEntryData(Guid Key, GlossaryEntry? Entry, IReadOnlyDictionary<string, string> Typed, IReadOnlyList<GlossaryVersion> History, IReadOnlyList<string> Cultures);
