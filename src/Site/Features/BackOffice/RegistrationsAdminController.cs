using System.Globalization;
using CsvHelper;
using Microsoft.AspNetCore.Mvc;
using Site.Core.Members;
using Site.Core.Publishing;
using Site.Core.Workflow;
using Site.Features.Members;
using Site.Features.Public;

namespace Site.Features.BackOffice;

/// <summary>Registrations to attend sessions, for editors: see and filter them, export them for Excel, cancel one.</summary>
[Route(BackOfficeExtensions.Path + "/members/registrations")]
public sealed class RegistrationsAdminController(
    ISessionRegistrationService registrations,
    IPublishedSnapshotAccessor snapshots,
    SessionSchedule schedule,
    RegistrationMails mails,
    TimeProvider clock,
    Microsoft.Extensions.Options.IOptions<PublicSiteOptions> options) : BackOfficeControllerBase
{
    public const int PageSize = 50;

    private bool Allowed => Editor.Groups.Contains(BackOfficeGroups.Administrators) || Editor.Groups.Contains(BackOfficeGroups.Editors);

    [HttpGet("")]
    public async Task<IActionResult> Index(string? session, RegistrationStatus? status, string? text, int? page, string? done, CancellationToken cancellationToken)
    {
        if (!Allowed)
        {
            return Refused();
        }

        var filter = Filter(session, status, text);
        var result = await registrations.SearchAsync(filter with { Page = Math.Max(page ?? 1, 1), PageSize = PageSize }, cancellationToken);
        var query = Query(filter);
        var pager = new Pager(result.Page, Pager.PageCount(result.Total, PageSize), result.Total,
            p => BackOfficeExtensions.Path + "/members/registrations?page=" + p.ToString(CultureInfo.InvariantCulture) + (query.Length > 0 ? "&" + query : ""));
        var sessions = Sessions();
        RegistrationCounts? counts = filter.SessionKey is { } key ? await registrations.CountAsync(key, cancellationToken) : null;
        var capacity = filter.SessionKey is { } chosen ? schedule.CapacityOf(snapshots.Current.GetByKey(chosen)) : null;
        // Places free while members wait: the capacity was raised since they joined the list.
        var canFill = counts is { WaitListed: > 0 } c && (capacity is null || c.Confirmed < capacity);
        var data = new RegistrationsData(result.Rows, pager, sessions, filter, query, counts, SessionName) { CanFill = canFill };
        var notice = done switch
        {
            "cancelled" => Text.RegistrationCancelledByEditor,
            "filled" => Text.FreePlacesFilled,
            _ => null,
        };
        return Show("Registrations", PageOf(Text.Registrations, "members", data, notice));
    }

    /// <summary>
    /// The registrations the filter finds as CSV for Excel: UTF-8 with a byte order mark (or Excel misreads Chinese),
    /// headers in the editor's language, and cells that a spreadsheet would run as a formula escaped.
    /// </summary>
    [HttpGet("export.csv")]
    public async Task<IActionResult> Export(string? session, RegistrationStatus? status, string? text, CancellationToken cancellationToken)
    {
        if (!Allowed)
        {
            return Refused();
        }

        var rows = await registrations.ExportAsync(Filter(session, status, text), Editor.Email, cancellationToken);
        var t = Text;
        var settings = new CsvWriterOptions { Injection = CsvInjection.Escape, WriteByteOrderMark = true };
        using var buffer = new MemoryStream();
        await using (var csv = CsvWriter.Create(buffer, settings, leaveOpen: true))
        {
            foreach (var header in new[] { t.Session, t.Name, t.Email, t.School, t.Position, t.City, t.Country, t.ApplicationFilter, t.RegisteredAt, t.Updated })
            {
                csv.WriteField(header);
            }

            csv.EndRecord();
            foreach (var row in rows)
            {
                var r = row.Registration;
                csv.WriteField(SessionName(r.SessionKey));
                csv.WriteField(row.Member?.Name ?? t.UnknownMember);
                csv.WriteField(row.Member?.Email ?? "");
                csv.WriteField(row.Member?.School ?? "");
                csv.WriteField(row.Member?.Position ?? "");
                csv.WriteField(row.Member?.City ?? "");
                csv.WriteField(row.Member?.Country ?? "");
                csv.WriteField(t.RegistrationStatusName(r.Status));
                csv.WriteField(r.RegisteredUtc.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture) + " UTC");
                csv.WriteField(r.UpdatedUtc.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture) + " UTC");
                csv.EndRecord();
            }

            await csv.FlushAsync(cancellationToken);
        }

        Response.Headers.CacheControl = "no-store";
        var name = string.Create(CultureInfo.InvariantCulture, $"registrations-{clock.GetUtcNow():yyyyMMdd}.csv");
        return File(buffer.ToArray(), "text/csv; charset=utf-8", name);
    }

    [HttpPost("{id:guid}/cancel")]
    public async Task<IActionResult> Cancel(Guid id, [FromForm] string? session, CancellationToken cancellationToken)
    {
        if (!Allowed)
        {
            return Refused();
        }

        var registration = await registrations.GetAsync(id, cancellationToken);
        if (registration is null)
        {
            return Missing();
        }

        // The places are those of the session as published now; a session taken down keeps its registrations.
        var capacity = schedule.CapacityOf(snapshots.Current.GetByKey(registration.SessionKey));
        var change = await registrations.CancelByEditorAsync(id, capacity, Editor.Email, cancellationToken);
        if (!change.Result.Succeeded)
        {
            return change.Result.Errors.Contains(MemberErrors.NotFound) ? Missing() : Refused(Text.RegistrationAlreadyCancelled);
        }

        await MailAsync(change.Registration!, RegistrationMailKind.Cancelled, cancellationToken);
        await MailPromotedAsync(change, cancellationToken);
        return Redirect(BackOfficeExtensions.Path + "/members/registrations?done=cancelled" + (Guid.TryParse(session, out var key) ? "&session=" + key.ToString("D") : ""));
    }

    /// <summary>After the capacity was raised: those waiting take the new places, in order, and hear of it by mail.</summary>
    [HttpPost("fill")]
    public async Task<IActionResult> Fill([FromForm] Guid session, CancellationToken cancellationToken)
    {
        if (!Allowed)
        {
            return Refused();
        }

        if (snapshots.Current.GetByKey(session) is not { } node)
        {
            return Missing();
        }

        var change = await registrations.FillFreePlacesAsync(session, schedule.CapacityOf(node), Editor.Email, cancellationToken);
        await MailPromotedAsync(change, cancellationToken);
        return Redirect(BackOfficeExtensions.Path + "/members/registrations?done=filled&session=" + session.ToString("D"));
    }

    private Task MailAsync(SessionRegistration registration, RegistrationMailKind kind, CancellationToken cancellationToken) =>
        mails.SendAsync(registration, kind, PublicOrigin.ForMail(Request, options.Value), cancellationToken);

    private async Task MailPromotedAsync(RegistrationChange change, CancellationToken cancellationToken)
    {
        foreach (var promoted in change.Promoted)
        {
            await MailAsync(promoted, RegistrationMailKind.Promoted, cancellationToken);
        }
    }

    private static RegistrationSearch Filter(string? session, RegistrationStatus? status, string? text) => new(
        Guid.TryParse(session, out var key) ? key : null,
        status is { } s && Enum.IsDefined(s) ? s : null,
        string.IsNullOrWhiteSpace(text) ? null : text.Trim());

    private static string Query(RegistrationSearch filter) => string.Join('&', new[]
    {
        filter.SessionKey is { } key ? "session=" + key.ToString("D") : null,
        filter.Status is { } status ? "status=" + status : null,
        filter.Text is { } text ? "text=" + Uri.EscapeDataString(text) : null,
    }.Where(p => p is not null));

    /// <summary>Sessions that take (or took) registrations, newest first.</summary>
    private IReadOnlyList<(Guid Key, string Name)> Sessions()
    {
        var snapshot = snapshots.Current;
        return [.. snapshot.OfType(Site.Core.Conference.ConferenceSessions.SessionAlias)
            .Where(s => s.Cultures.Count > 0 && s.Value(RegistrationOffer.OpensAlias, s.Cultures.Keys.First()) is not null)
            .OrderByDescending(s => s.IntValue("sessionNumber", s.Cultures.Keys.First()))
            .Select(s => (s.Key, SessionName(s.Key)))];
    }

    /// <summary>A session's name in the editor's language when it has one, otherwise in the site's default language.</summary>
    private string SessionName(Guid key)
    {
        var snapshot = snapshots.Current;
        if (snapshot.GetByKey(key) is not { } node)
        {
            return key.ToString("D");
        }

        return node.Name(Text.Code) ?? (snapshot.Languages.Default is { } d ? node.Name(d.IsoCode) : null) ?? node.Cultures.Values.First().Name;
    }
}

public sealed record RegistrationsData(
    IReadOnlyList<RegistrationRow> Rows,
    Pager Pager,
    IReadOnlyList<(Guid Key, string Name)> Sessions,
    RegistrationSearch Filter,
    string Query,
    RegistrationCounts? Counts,
    Func<Guid, string> SessionName)
{
    /// <summary>Whether places are free while members wait (the capacity was raised): the editor may fill them.</summary>
    public bool CanFill { get; init; }
}
