using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Options;
using Site.Core.Members;
using Site.Core.Publishing;
using Site.Features.Public;

namespace Site.Features.Members;

/// <summary>
/// Registration to attend the next session, in the member area: the member's place or waiting-list position, the
/// window and the places left; register and cancel. The session is always the one announced, never one from the form.
/// </summary>
[Authorize]
[Route("{prefix:culturePrefix}/" + MemberUrls.Segment + "/registration")]
public sealed class SessionRegistrationController(
    ISessionRegistrationService registrations,
    SessionSchedule schedule,
    RegistrationMails mails,
    IPublishedSnapshotAccessor snapshots,
    ICurrentMemberAccessor members,
    IOptions<PublicSiteOptions> options) : MemberControllerBase(snapshots, members, options)
{
    private Guid MemberId => ClaimsMemberAccessor.MemberId(User) ?? throw new InvalidOperationException("No signed-in member.");

    [HttpGet("")]
    public async Task<IActionResult> Index(string prefix, string? done)
    {
        var text = MemberText.For(LanguageOf(prefix).IsoCode);
        var notice = done switch
        {
            "registered" => text.RegistrationConfirmed,
            "waitlisted" => text.RegistrationWaitListed,
            "cancelled" => text.RegistrationCancelled,
            _ => null,
        };
        return Show("Registration", await ModelAsync(prefix, notice, null));
    }

    [HttpPost("")]
    public async Task<IActionResult> Register(string prefix)
    {
        var language = LanguageOf(prefix);
        if (schedule.Next(Snapshot, language.IsoCode) is not { } next)
        {
            return Refused(await ModelAsync(prefix, null, MemberText.For(language.IsoCode).NoSessionAnnounced));
        }

        var change = await registrations.RegisterAsync(MemberId, next.Offer, HttpContext.RequestAborted);
        if (!change.Result.Succeeded || change.Registration is not { } registration)
        {
            return Refused(await ModelAsync(prefix, null, ErrorText(language.IsoCode, change.Result)));
        }

        var waitListed = registration.Status == RegistrationStatus.WaitListed;
        await mails.SendAsync(registration, waitListed ? RegistrationMailKind.WaitListed : RegistrationMailKind.Confirmed, MailOrigin, HttpContext.RequestAborted);
        return Redirect(MemberUrls.Page(prefix, "registration") + (waitListed ? "?done=waitlisted" : "?done=registered"));
    }

    [HttpPost("cancel")]
    public async Task<IActionResult> Cancel(string prefix)
    {
        var language = LanguageOf(prefix);
        if (schedule.Next(Snapshot, language.IsoCode) is not { } next)
        {
            return Refused(await ModelAsync(prefix, null, MemberText.For(language.IsoCode).NoSessionAnnounced));
        }

        var change = await registrations.CancelAsync(MemberId, next.Offer, HttpContext.RequestAborted);
        if (!change.Result.Succeeded || change.Registration is not { } registration)
        {
            return Refused(await ModelAsync(prefix, null, ErrorText(language.IsoCode, change.Result)));
        }

        await mails.SendAsync(registration, RegistrationMailKind.Cancelled, MailOrigin, HttpContext.RequestAborted);
        foreach (var promoted in change.Promoted)
        {
            await mails.SendAsync(promoted, RegistrationMailKind.Promoted, MailOrigin, HttpContext.RequestAborted);
        }

        return Redirect(MemberUrls.Page(prefix, "registration") + "?done=cancelled");
    }

    private ViewResult Refused(RegistrationPageModel model) => Show("Registration", model, StatusCodes.Status409Conflict);

    private async Task<RegistrationPageModel> ModelAsync(string prefix, string? notice, string? error)
    {
        var language = LanguageOf(prefix);
        var text = MemberText.For(language.IsoCode);
        var next = schedule.Next(Snapshot, language.IsoCode);
        var mine = next is null ? null : await registrations.GetForMemberAsync(MemberId, next.Node.Key, HttpContext.RequestAborted);
        var counts = next is null ? new RegistrationCounts(0, 0) : await registrations.CountAsync(next.Node.Key, HttpContext.RequestAborted);
        return new RegistrationPageModel(Snapshot, language, BaseUrl, CurrentMember, text.RegistrationTitle, "registration", next, mine, counts)
        {
            Notice = notice,
            Error = error,
        };
    }

    private static string ErrorText(string culture, MemberResult result)
    {
        var text = MemberText.For(culture);
        return (result.Errors.Count > 0 ? result.Errors[0] : null) switch
        {
            MemberErrors.RegistrationNotOpen => text.RegistrationNotOpenYet,
            MemberErrors.RegistrationClosed => text.RegistrationHasClosed,
            MemberErrors.AlreadyRegistered => text.AlreadyRegistered,
            MemberErrors.NotRegistered => text.NotRegistered,
            _ => text.RegistrationFailed,
        };
    }
}

/// <summary>The registration page: the announced session, the member's registration in it, and the places taken.</summary>
public sealed class RegistrationPageModel(
    PublishedSnapshot snapshot,
    Site.Core.Languages.Language language,
    string baseUrl,
    MemberIdentity? member,
    string title,
    string page,
    UpcomingSession? session,
    SessionRegistration? registration,
    RegistrationCounts counts) : MemberPageModel(snapshot, language, baseUrl, member, title, page)
{
    public UpcomingSession? Session { get; } = session;

    /// <summary>The member's registration; null when they have none (a cancelled one is kept and shown as such).</summary>
    public SessionRegistration? Registration { get; } = registration;

    public RegistrationCounts Counts { get; } = counts;

    /// <summary>Why the last request was refused, in the page's language.</summary>
    public string? Error { get; init; }

    public bool HasPlace => Registration?.Status == RegistrationStatus.Confirmed;

    public bool IsWaiting => Registration?.Status == RegistrationStatus.WaitListed;

    public int? PlacesLeft => Session?.Offer.Capacity is { } capacity ? Math.Max(capacity - Counts.Confirmed, 0) : null;
}
