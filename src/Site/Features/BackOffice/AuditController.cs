using System.Globalization;
using Microsoft.AspNetCore.Mvc;
using Site.Core.Audit;

namespace Site.Features.BackOffice;

/// <summary>The audit trail for every back-office user: filter by user, action, language and dates; newest first, 50 a page.</summary>
[Route(BackOfficeExtensions.Path)]
public sealed class AuditController(IAuditTrail trail, Site.Core.Publishing.IPublishedSnapshotAccessor snapshots) : BackOfficeControllerBase
{
    public const int PageSize = 50;

    /// <summary>Actions the engine records, offered as suggestions in the action field.</summary>
    public static IReadOnlyList<string> KnownActions { get; } =
    [
        AuditActions.Save, AuditActions.Publish, AuditActions.Unpublish, AuditActions.Submit, AuditActions.Approve, AuditActions.Reject,
        AuditActions.Schedule, AuditActions.CancelSchedule, AuditActions.Import, AuditActions.Protect, AuditActions.Unprotect,
        AuditActions.Copy, AuditActions.Move, AuditActions.Sort, AuditActions.Trash, AuditActions.Restore, AuditActions.EmptyRecycleBin, AuditActions.Migrate,
        AuditActions.BackupCreate, AuditActions.BackupRestore,
        AuditActions.Upload, AuditActions.MediaUpdate, AuditActions.MediaDelete,
    ];

    [HttpGet("audit")]
    public async Task<IActionResult> Index([FromQuery] AuditFilterForm filter, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(filter);
        List<FormError> errors = [];
        var from = ParseDate(filter.From, "From", errors);
        var to = ParseDate(filter.To, "To", errors);
        if (from is { } start && to is { } end && end < start)
        {
            errors.Add(new FormError("To", Text.DatesReversed));
        }

        if (errors.Count > 0)
        {
            var empty = new AuditData(filter, [], new Pager(1, 1, 0, _ => BackOfficeExtensions.Path + "/audit"), KnownActions);
            return Invalid("Audit", PageOf(Text.Audit, "audit", empty, errors: errors));
        }

        var culture = snapshots.Current.Languages.Find(filter.Culture)?.IsoCode;
        var query = new AuditQuery(
            Blank(filter.User), Blank(filter.Action), null, culture,
            from?.ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc), to?.AddDays(1).ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc));
        var page = Math.Max(filter.Page ?? 1, 1);
        var (total, entries) = await trail.QueryAsync(query with { Skip = (page - 1) * PageSize, Take = PageSize }, cancellationToken);
        if (entries.Count == 0 && page > 1 && total > 0)
        {
            page = Pager.PageCount(total, PageSize);
            (total, entries) = await trail.QueryAsync(query with { Skip = (page - 1) * PageSize, Take = PageSize }, cancellationToken);
        }

        var pager = new Pager(page, Pager.PageCount(total, PageSize), total, p => PageUrl(filter, p));
        return Show("Audit", PageOf(Text.Audit, "audit", new AuditData(filter, entries, pager, KnownActions)));
    }

    private DateOnly? ParseDate(string? value, string field, List<FormError> errors)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return null;
        }

        if (DateOnly.TryParseExact(value.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
        {
            return date;
        }

        errors.Add(new FormError(field, Text.InvalidDate));
        return null;
    }

    private static string PageUrl(AuditFilterForm filter, int page)
    {
        var parts = new List<string>();
        void Add(string name, string? value)
        {
            if (!string.IsNullOrWhiteSpace(value))
            {
                parts.Add(name + "=" + Uri.EscapeDataString(value.Trim()));
            }
        }

        Add("user", filter.User);
        Add("action", filter.Action);
        Add("culture", filter.Culture);
        Add("from", filter.From);
        Add("to", filter.To);
        parts.Add("page=" + page.ToString(CultureInfo.InvariantCulture));
        return BackOfficeExtensions.Path + "/audit?" + string.Join('&', parts);
    }

    private static string? Blank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}

public sealed class AuditFilterForm
{
    public string? User { get; set; }
    public string? Action { get; set; }
    public string? Culture { get; set; }
    public string? From { get; set; }
    public string? To { get; set; }
    public int? Page { get; set; }
}

public sealed record AuditData(AuditFilterForm Filter, IReadOnlyList<AuditEntry> Entries, Pager Pager, IReadOnlyList<string> Actions);
