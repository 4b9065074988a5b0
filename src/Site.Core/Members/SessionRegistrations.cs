using System.Data;
using System.Data.Common;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Site.Core.Publishing;

namespace Site.Core.Members;

public enum RegistrationStatus
{
    /// <summary>The member has a place.</summary>
    Confirmed,

    /// <summary>The places were taken; the member moves up when one is freed.</summary>
    WaitListed,

    Cancelled,
}

public sealed record SessionRegistration(Guid Id, Guid SessionKey, Guid MemberId, RegistrationStatus Status, DateTime RegisteredUtc, DateTime UpdatedUtc);

/// <summary>A registration with the member it belongs to (null when the member has gone), for the back office.</summary>
public sealed record RegistrationRow(SessionRegistration Registration, MemberProfile? Member);

public sealed record RegistrationSearch(Guid? SessionKey = null, RegistrationStatus? Status = null, string? Text = null, int Page = 1, int PageSize = 50);

public sealed record RegistrationSearchResult(IReadOnlyList<RegistrationRow> Rows, int Total, int Page, int PageSize);

public sealed record RegistrationCounts(int Confirmed, int WaitListed);

/// <summary>What a change did: the member's registration, and those moved up from the waiting list by it.</summary>
public sealed record RegistrationChange(MemberResult Result, SessionRegistration? Registration, IReadOnlyList<SessionRegistration> Promoted)
{
    public static RegistrationChange Fail(MemberResult result) => new(result, null, []);
}

public enum RegistrationWindowState
{
    /// <summary>The session takes no registrations (no opening date).</summary>
    NotOffered,
    NotYetOpen,
    Open,
    Closed,
}

/// <summary>
/// A session's registration as its editor set it: opening and closing days (whole days in the session's time zone,
/// the closing day included; without a closing day registration runs until the session starts) and the number of
/// places (null: no limit).
/// </summary>
public sealed record RegistrationOffer(Guid SessionKey, DateTimeOffset? OpensAt, DateTimeOffset? ClosesAt, int? Capacity, TimeZoneInfo TimeZone)
{
    public const string OpensAlias = "registrationOpens";
    public const string ClosesAlias = "registrationCloses";
    public const string CapacityAlias = "capacity";

    public static RegistrationOffer From(PublishedContent session, string culture, TimeZoneInfo timeZone)
    {
        ArgumentNullException.ThrowIfNull(session);
        ArgumentNullException.ThrowIfNull(timeZone);
        var opens = session.DateValue(OpensAlias, culture);
        var closes = session.DateValue(ClosesAlias, culture);
        var starts = session.DateValue("startDate", culture);
        DateTimeOffset? closesAt = closes is { } last ? StartOfDay(last.AddDays(1), timeZone)
            : starts is { } first ? StartOfDay(first, timeZone)
            : null;
        int? capacity = session.IntValue(CapacityAlias, culture) is > 0 and var places ? places : null;
        return new(session.Key, opens is { } day ? StartOfDay(day, timeZone) : null, closesAt, capacity, timeZone);
    }

    public RegistrationWindowState StateAt(DateTimeOffset now) =>
        OpensAt is not { } opens ? RegistrationWindowState.NotOffered
        : now < opens ? RegistrationWindowState.NotYetOpen
        : ClosesAt is { } closes && now >= closes ? RegistrationWindowState.Closed
        : RegistrationWindowState.Open;

    /// <summary>The last day to register, in the session's time zone (for "registration closes on …").</summary>
    public DateOnly? LastDay => ClosesAt is { } closes ? DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(closes, TimeZone).DateTime).AddDays(-1) : null;

    /// <summary>Midnight at the start of a day in a time zone (the first valid instant, should a clock change skip it).</summary>
    public static DateTimeOffset StartOfDay(DateOnly day, TimeZoneInfo timeZone)
    {
        ArgumentNullException.ThrowIfNull(timeZone);
        var local = day.ToDateTime(TimeOnly.MinValue);
        while (timeZone.IsInvalidTime(local))
        {
            local = local.AddMinutes(30);
        }

        return new DateTimeOffset(local, timeZone.GetUtcOffset(local));
    }
}

/// <summary>
/// Registration to attend a session: a place while the capacity lasts, then the waiting list; a cancellation frees
/// the place for the first on the list. Every call names the member from their sign-in, or is an editor's.
/// </summary>
public interface ISessionRegistrationService
{
    /// <summary>Registers the member (again, after a cancellation); refused outside the window or when already registered.</summary>
    Task<RegistrationChange> RegisterAsync(Guid memberId, RegistrationOffer offer, CancellationToken cancellationToken);

    /// <summary>The member cancels their own registration; the first on the waiting list moves up into a freed place.</summary>
    Task<RegistrationChange> CancelAsync(Guid memberId, RegistrationOffer offer, CancellationToken cancellationToken);

    /// <summary>An editor cancels a registration.</summary>
    Task<RegistrationChange> CancelByEditorAsync(Guid registrationId, int? capacity, string actor, CancellationToken cancellationToken);

    /// <summary>
    /// Gives every free place to those waiting, in order: after the capacity was raised, or a member with a place
    /// deleted their account.
    /// </summary>
    Task<RegistrationChange> FillFreePlacesAsync(Guid sessionKey, int? capacity, string actor, CancellationToken cancellationToken);

    Task<SessionRegistration?> GetAsync(Guid registrationId, CancellationToken cancellationToken);

    Task<SessionRegistration?> GetForMemberAsync(Guid memberId, Guid sessionKey, CancellationToken cancellationToken);

    Task<IReadOnlyList<SessionRegistration>> GetAllForMemberAsync(Guid memberId, CancellationToken cancellationToken);

    Task<RegistrationCounts> CountAsync(Guid sessionKey, CancellationToken cancellationToken);

    /// <summary>Registrations for the back office: places first, then the waiting list in its order, then cancellations.</summary>
    Task<RegistrationSearchResult> SearchAsync(RegistrationSearch search, CancellationToken cancellationToken);

    /// <summary>Every registration the search finds, in the same order, for an export (audited).</summary>
    Task<IReadOnlyList<RegistrationRow>> ExportAsync(RegistrationSearch search, string actor, CancellationToken cancellationToken);
}

internal sealed class SessionRegistrationService(MembersDbContext db, TimeProvider clock) : ISessionRegistrationService
{
    private const int MaxAttempts = 5;

    public Task<RegistrationChange> RegisterAsync(Guid memberId, RegistrationOffer offer, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(offer);
        return InTransactionAsync(offer.SessionKey, async () =>
        {
            var now = clock.GetUtcNow();
            switch (offer.StateAt(now))
            {
                case RegistrationWindowState.NotOffered or RegistrationWindowState.NotYetOpen:
                    return RegistrationChange.Fail(MemberResult.Fail(MemberErrors.RegistrationNotOpen));
                case RegistrationWindowState.Closed:
                    return RegistrationChange.Fail(MemberResult.Fail(MemberErrors.RegistrationClosed));
            }

            if (!await db.Users.AnyAsync(m => m.Id == memberId, cancellationToken).ConfigureAwait(false))
            {
                return RegistrationChange.Fail(MemberResult.NotFound);
            }

            var row = await db.Registrations.FirstOrDefaultAsync(r => r.SessionKey == offer.SessionKey && r.MemberId == memberId, cancellationToken).ConfigureAwait(false);
            if (row is { Status: not RegistrationStatus.Cancelled })
            {
                return RegistrationChange.Fail(MemberResult.Fail(MemberErrors.AlreadyRegistered));
            }

            var taken = await db.Registrations.CountAsync(r => r.SessionKey == offer.SessionKey && r.Status == RegistrationStatus.Confirmed, cancellationToken).ConfigureAwait(false);
            var waiting = await db.Registrations.AnyAsync(r => r.SessionKey == offer.SessionKey && r.Status == RegistrationStatus.WaitListed, cancellationToken).ConfigureAwait(false);
            // Nobody jumps the queue: while anyone waits, a newcomer waits too.
            var status = offer.Capacity is not { } capacity || (taken < capacity && !waiting) ? RegistrationStatus.Confirmed : RegistrationStatus.WaitListed;
            var at = now.UtcDateTime;
            if (row is null)
            {
                row = new SessionRegistrationRecord { Id = Guid.NewGuid(), SessionKey = offer.SessionKey, MemberId = memberId };
                db.Registrations.Add(row);
            }

            row.Status = status;
            row.RegisteredUtc = at;
            row.UpdatedUtc = at;
            MemberMapping.Audit(db, at, memberId.ToString(), MemberAuditActions.RegisterForSession, memberId, detail: Detail(row));
            await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
            return new RegistrationChange(MemberResult.Ok, ToRegistration(row), []);
        }, cancellationToken);
    }

    public Task<RegistrationChange> CancelAsync(Guid memberId, RegistrationOffer offer, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(offer);
        return InTransactionAsync(offer.SessionKey, async () =>
        {
            var row = await db.Registrations.FirstOrDefaultAsync(r => r.SessionKey == offer.SessionKey && r.MemberId == memberId, cancellationToken).ConfigureAwait(false);
            return row is null or { Status: RegistrationStatus.Cancelled }
                ? RegistrationChange.Fail(MemberResult.Fail(MemberErrors.NotRegistered))
                : await CancelRowAsync(row, offer.Capacity, memberId.ToString(), cancellationToken).ConfigureAwait(false);
        }, cancellationToken);
    }

    public async Task<RegistrationChange> CancelByEditorAsync(Guid registrationId, int? capacity, string actor, CancellationToken cancellationToken)
    {
        var session = await db.Registrations.AsNoTracking().Where(r => r.Id == registrationId).Select(r => (Guid?)r.SessionKey)
            .FirstOrDefaultAsync(cancellationToken).ConfigureAwait(false);
        if (session is not { } sessionKey)
        {
            return RegistrationChange.Fail(MemberResult.NotFound);
        }

        return await InTransactionAsync(sessionKey, async () =>
        {
            var row = await db.Registrations.FirstOrDefaultAsync(r => r.Id == registrationId, cancellationToken).ConfigureAwait(false);
            return row is null ? RegistrationChange.Fail(MemberResult.NotFound)
                : row.Status == RegistrationStatus.Cancelled ? RegistrationChange.Fail(MemberResult.Fail(MemberErrors.NotRegistered))
                : await CancelRowAsync(row, capacity, actor, cancellationToken).ConfigureAwait(false);
        }, cancellationToken).ConfigureAwait(false);
    }

    public Task<RegistrationChange> FillFreePlacesAsync(Guid sessionKey, int? capacity, string actor, CancellationToken cancellationToken) =>
        InTransactionAsync(sessionKey, async () =>
            new RegistrationChange(MemberResult.Ok, null, await FillAsync(sessionKey, capacity, actor, cancellationToken).ConfigureAwait(false)), cancellationToken);

    public async Task<SessionRegistration?> GetAsync(Guid registrationId, CancellationToken cancellationToken)
    {
        var row = await db.Registrations.AsNoTracking().FirstOrDefaultAsync(r => r.Id == registrationId, cancellationToken).ConfigureAwait(false);
        return row is null ? null : ToRegistration(row);
    }

    public async Task<SessionRegistration?> GetForMemberAsync(Guid memberId, Guid sessionKey, CancellationToken cancellationToken)
    {
        var row = await db.Registrations.AsNoTracking()
            .FirstOrDefaultAsync(r => r.SessionKey == sessionKey && r.MemberId == memberId, cancellationToken).ConfigureAwait(false);
        return row is null ? null : ToRegistration(row);
    }

    public async Task<IReadOnlyList<SessionRegistration>> GetAllForMemberAsync(Guid memberId, CancellationToken cancellationToken)
    {
        var rows = await db.Registrations.AsNoTracking().Where(r => r.MemberId == memberId)
            .OrderByDescending(r => r.RegisteredUtc).ToListAsync(cancellationToken).ConfigureAwait(false);
        return [.. rows.Select(ToRegistration)];
    }

    public async Task<RegistrationCounts> CountAsync(Guid sessionKey, CancellationToken cancellationToken)
    {
        var counts = await db.Registrations.AsNoTracking().Where(r => r.SessionKey == sessionKey && r.Status != RegistrationStatus.Cancelled)
            .GroupBy(r => r.Status).Select(g => new { g.Key, Count = g.Count() })
            .ToListAsync(cancellationToken).ConfigureAwait(false);
        return new(
            counts.FirstOrDefault(c => c.Key == RegistrationStatus.Confirmed)?.Count ?? 0,
            counts.FirstOrDefault(c => c.Key == RegistrationStatus.WaitListed)?.Count ?? 0);
    }

    public async Task<RegistrationSearchResult> SearchAsync(RegistrationSearch search, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(search);
        var pageSize = Math.Clamp(search.PageSize, 1, 500);
        var page = Math.Max(search.Page, 1);
        var query = Query(search);
        var total = await query.CountAsync(cancellationToken).ConfigureAwait(false);
        var rows = await Ordered(query).Skip((page - 1) * pageSize).Take(pageSize).ToListAsync(cancellationToken).ConfigureAwait(false);
        return new(await WithMembersAsync(rows, cancellationToken).ConfigureAwait(false), total, page, pageSize);
    }

    public async Task<IReadOnlyList<RegistrationRow>> ExportAsync(RegistrationSearch search, string actor, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(search);
        var rows = await Ordered(Query(search)).ToListAsync(cancellationToken).ConfigureAwait(false);
        MemberMapping.Audit(db, clock.GetUtcNow().UtcDateTime, actor, MemberAuditActions.ExportRegistrations, null, null,
            (search.SessionKey?.ToString() ?? "*") + " " + rows.Count);
        await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
        return await WithMembersAsync(rows, cancellationToken).ConfigureAwait(false);
    }

    private IQueryable<SessionRegistrationRecord> Query(RegistrationSearch search)
    {
        IQueryable<SessionRegistrationRecord> query = db.Registrations.AsNoTracking();
        if (search.SessionKey is { } session)
        {
            query = query.Where(r => r.SessionKey == session);
        }

        if (search.Status is { } status)
        {
            query = query.Where(r => r.Status == status);
        }

        if (!string.IsNullOrWhiteSpace(search.Text))
        {
            var text = search.Text.Trim().ToUpperInvariant();
            var matching = db.Users.Where(m => m.SearchText.Contains(text)).Select(m => m.Id);
            query = query.Where(r => matching.Contains(r.MemberId));
        }

        return query;
    }

    // Statuses are stored by name, so their order is spelled out rather than left to the names' alphabet.
    private static IQueryable<SessionRegistrationRecord> Ordered(IQueryable<SessionRegistrationRecord> query) =>
        query.OrderBy(r => r.Status == RegistrationStatus.Confirmed ? 0 : r.Status == RegistrationStatus.WaitListed ? 1 : 2)
            .ThenBy(r => r.RegisteredUtc).ThenBy(r => r.Id);

    private async Task<IReadOnlyList<RegistrationRow>> WithMembersAsync(List<SessionRegistrationRecord> rows, CancellationToken cancellationToken)
    {
        var ids = rows.Select(r => r.MemberId).Distinct().ToList();
        var members = await db.Users.AsNoTracking().Where(m => ids.Contains(m.Id)).ToListAsync(cancellationToken).ConfigureAwait(false);
        var byId = members.ToDictionary(m => m.Id, m => MemberMapping.ToProfile(m, []));
        return [.. rows.Select(r => new RegistrationRow(ToRegistration(r), byId.GetValueOrDefault(r.MemberId)))];
    }

    private async Task<RegistrationChange> CancelRowAsync(SessionRegistrationRecord row, int? capacity, string actor, CancellationToken cancellationToken)
    {
        var at = clock.GetUtcNow().UtcDateTime;
        row.Status = RegistrationStatus.Cancelled;
        row.UpdatedUtc = at;
        MemberMapping.Audit(db, at, actor, MemberAuditActions.CancelRegistration, row.MemberId, detail: Detail(row));
        await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
        var promoted = await FillAsync(row.SessionKey, capacity, actor, cancellationToken).ConfigureAwait(false);
        return new RegistrationChange(MemberResult.Ok, ToRegistration(row), promoted);
    }

    /// <summary>Moves the first on the waiting list into every free place, not just one: the capacity may have been raised.</summary>
    private async Task<IReadOnlyList<SessionRegistration>> FillAsync(Guid sessionKey, int? capacity, string actor, CancellationToken cancellationToken)
    {
        var at = clock.GetUtcNow().UtcDateTime;
        var taken = await db.Registrations.CountAsync(r => r.SessionKey == sessionKey && r.Status == RegistrationStatus.Confirmed, cancellationToken).ConfigureAwait(false);
        var free = capacity is { } places ? Math.Max(places - taken, 0) : int.MaxValue;
        var promoted = free == 0 ? [] : await db.Registrations
            .Where(r => r.SessionKey == sessionKey && r.Status == RegistrationStatus.WaitListed)
            .OrderBy(r => r.RegisteredUtc).ThenBy(r => r.Id).Take(free)
            .ToListAsync(cancellationToken).ConfigureAwait(false);
        foreach (var next in promoted)
        {
            next.Status = RegistrationStatus.Confirmed;
            next.UpdatedUtc = at;
            MemberMapping.Audit(db, at, actor, MemberAuditActions.PromoteRegistration, next.MemberId, detail: Detail(next));
        }

        await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
        return [.. promoted.Select(ToRegistration)];
    }

    /// <summary>
    /// Runs a change to one session's registrations alone, so that two members never take its last place at once:
    /// PostgreSQL holds a lock on the session for the transaction; SQLite lets one writer in at a time anyway. A
    /// transaction that still lost a race (a busy database, a duplicate row) runs again.
    /// </summary>
    private async Task<RegistrationChange> InTransactionAsync(Guid sessionKey, Func<Task<RegistrationChange>> change, CancellationToken cancellationToken)
    {
        for (var attempt = 1; ; attempt++)
        {
            db.ChangeTracker.Clear();
            // On PostgreSQL each statement after the lock must see what the transaction before it committed: read committed.
            var postgres = db.Database.IsNpgsql();
            var transaction = await db.Database.BeginTransactionAsync(postgres ? IsolationLevel.ReadCommitted : IsolationLevel.Serializable, cancellationToken).ConfigureAwait(false);
            await using (transaction.ConfigureAwait(false))
            {
                try
                {
                    if (postgres)
                    {
                        var lockKey = BitConverter.ToInt64(sessionKey.ToByteArray(), 0);
                        await db.Database.ExecuteSqlAsync($"SELECT pg_advisory_xact_lock({lockKey})", cancellationToken).ConfigureAwait(false);
                    }

                    var result = await change().ConfigureAwait(false);
                    await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
                    return result;
                }
                catch (Exception e) when (attempt < MaxAttempts && IsLostRace(e))
                {
                    await transaction.RollbackAsync(cancellationToken).ConfigureAwait(false);
                }
            }

            await Task.Delay(TimeSpan.FromMilliseconds(Random.Shared.Next(5, 25) * attempt), cancellationToken).ConfigureAwait(false);
        }
    }

    // PostgreSQL: serialization failure, deadlock, a duplicate row; SQLite: busy, locked, a constraint.
    private static bool IsLostRace(Exception e) => (e as DbException ?? e.InnerException as DbException) switch
    {
        SqliteException sqlite => sqlite.SqliteErrorCode is 5 or 6 or 19,
        { } failure => failure.SqlState is "40001" or "40P01" or "23505",
        null => false,
    };

    private static string Detail(SessionRegistrationRecord row) => $"{row.SessionKey:D} {row.Id:D} {row.Status}";

    private static SessionRegistration ToRegistration(SessionRegistrationRecord row) =>
        new(row.Id, row.SessionKey, row.MemberId, row.Status, row.RegisteredUtc, row.UpdatedUtc);
}
