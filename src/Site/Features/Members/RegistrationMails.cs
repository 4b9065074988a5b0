using Site.Core.Members;
using Site.Core.Publishing;
using Site.Features.Public;
using Site.Localization;

namespace Site.Features.Members;

/// <summary>
/// The mails of registration to attend: a place, the waiting list, a place freed for someone waiting, a cancellation.
/// Each goes in the member's own language; a mail that cannot be sent is logged and never undoes the registration.
/// </summary>
public sealed partial class RegistrationMails(
    IMailSender mail,
    IMemberDataService members,
    IPublishedSnapshotAccessor snapshots,
    ISessionCalendarAttachment calendar,
    ILogger<RegistrationMails> logger)
{
    public async Task SendAsync(SessionRegistration registration, RegistrationMailKind kind, string? linkOrigin, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(registration);
        try
        {
            var member = await members.GetProfileAsync(registration.MemberId, cancellationToken).ConfigureAwait(false);
            var snapshot = snapshots.Current;
            if (member is null || snapshot.GetByKey(registration.SessionKey) is not { } session)
            {
                return;
            }

            var culture = snapshot.Languages.Find(member.PreferredCulture)?.IsoCode ?? snapshot.Languages.Default?.IsoCode ?? member.PreferredCulture;
            var text = MemberText.For(culture);
            var sessionName = session.Name(culture) ?? session.Cultures.Values.First().Name;
            var (subject, body) = kind switch
            {
                RegistrationMailKind.Confirmed => (text.MailRegisteredSubject, text.MailRegisteredBody),
                RegistrationMailKind.WaitListed => (text.MailWaitListedSubject, text.MailWaitListedBody),
                RegistrationMailKind.Promoted => (text.MailPromotedSubject, text.MailPromotedBody),
                _ => (text.MailRegistrationCancelledSubject, text.MailRegistrationCancelledBody),
            };
            var link = string.IsNullOrEmpty(linkOrigin)
                ? string.Empty
                : $"{linkOrigin.TrimEnd('/')}{MemberUrls.Page(MemberUrls.PrefixOf(culture, snapshot.Languages), "registration")}";
            var attachments = kind is RegistrationMailKind.Confirmed or RegistrationMailKind.Promoted
                && calendar.ForSession(session, culture, linkOrigin) is { } ics
                    ? new[] { ics }
                    : [];
            await mail.SendAsync(
                new OutgoingMail(
                    member.Email,
                    member.Name,
                    LanguageNames.Format(culture, subject, sessionName),
                    LanguageNames.Format(culture, body, member.Name, sessionName, link) + text.MailSignature,
                    culture)
                { Attachments = attachments },
                cancellationToken).ConfigureAwait(false);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            LogNotSent(logger, kind, registration.Id, e);
        }
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "The registration mail ({Kind}) for registration {RegistrationId} was not sent; the registration stands.")]
    private static partial void LogNotSent(ILogger logger, RegistrationMailKind kind, Guid registrationId, Exception exception);
}

public enum RegistrationMailKind
{
    Confirmed,
    WaitListed,
    Promoted,
    Cancelled,
}

/// <summary>A session's calendar file for a mail: the whole session as an .ics attachment, or null when it has no dates.</summary>
public interface ISessionCalendarAttachment
{
    MailAttachment? ForSession(PublishedContent session, string culture, string? linkOrigin);
}
