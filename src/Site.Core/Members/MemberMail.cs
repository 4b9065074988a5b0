using System.Globalization;
using MailKit.Net.Smtp;
using MailKit.Security;
using Microsoft.Extensions.Options;
using MimeKit;

namespace Site.Core.Members;

public enum MailDelivery
{
    /// <summary>Each mail is written as an .eml file into the pickup folder (the default; nothing leaves the machine).</summary>
    Pickup,

    Smtp,
}

/// <summary>How the site sends mail, bound from "Site:Mail".</summary>
public sealed class MailOptions
{
    public const string SectionName = "Site:Mail";

    public MailDelivery Delivery { get; set; } = MailDelivery.Pickup;

    /// <summary>The pickup folder; relative paths are under the data folder. Default: {DataPath}/mail.</summary>
    public string PickupFolder { get; set; } = "mail";

    public string FromAddress { get; set; } = "no-reply@localhost";

    /// <summary>The sender's name; empty: the site's name (the host fills it in).</summary>
    public string FromName { get; set; } = string.Empty;

    public SmtpOptions Smtp { get; set; } = new();
}

public sealed class SmtpOptions
{
    public string? Host { get; set; }

    public int Port { get; set; } = 587;

    /// <summary>None, Auto, SslOnConnect, StartTls or StartTlsWhenAvailable (MailKit's names).</summary>
    public SecureSocketOptions Security { get; set; } = SecureSocketOptions.StartTls;

    public string? UserName { get; set; }

    public string? Password { get; set; }
}

/// <summary>A plain-text mail to one person, with files attached (a calendar entry).</summary>
public sealed record OutgoingMail(string ToAddress, string ToName, string Subject, string Body, string Culture)
{
    public IReadOnlyList<MailAttachment> Attachments { get; init; } = [];
}

/// <summary>A file attached to a mail; the media type may carry parameters (text/calendar; method=PUBLISH).</summary>
public sealed record MailAttachment(string FileName, string MediaType, ReadOnlyMemory<byte> Content);

public interface IMailSender
{
    Task SendAsync(OutgoingMail mail, CancellationToken cancellationToken);
}

/// <summary>Sends mail with MailKit: into the pickup folder, or to the configured SMTP server.</summary>
internal sealed class MailKitMailSender(IOptions<MailOptions> options, IOptions<SiteCoreOptions> site, TimeProvider clock) : IMailSender
{
    public async Task SendAsync(OutgoingMail mail, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(mail);
        var settings = options.Value;
        using var message = new MimeMessage();
        message.From.Add(new MailboxAddress(settings.FromName, settings.FromAddress));
        message.To.Add(new MailboxAddress(mail.ToName, mail.ToAddress));
        message.Subject = mail.Subject;
        message.Date = clock.GetUtcNow();
        message.Headers.Add(HeaderId.ContentLanguage, mail.Culture);
        var body = new BodyBuilder { TextBody = mail.Body };
        foreach (var attachment in mail.Attachments)
        {
            body.Attachments.Add(attachment.FileName, attachment.Content.ToArray(), ContentType.Parse(attachment.MediaType));
        }

        message.Body = body.ToMessageBody();

        if (settings.Delivery == MailDelivery.Smtp)
        {
            if (string.IsNullOrWhiteSpace(settings.Smtp.Host))
            {
                throw new InvalidOperationException("Site:Mail:Smtp:Host is required when Site:Mail:Delivery is Smtp.");
            }

            using var client = new SmtpClient();
            await client.ConnectAsync(settings.Smtp.Host, settings.Smtp.Port, settings.Smtp.Security, cancellationToken).ConfigureAwait(false);
            if (!string.IsNullOrEmpty(settings.Smtp.UserName))
            {
                await client.AuthenticateAsync(settings.Smtp.UserName, settings.Smtp.Password ?? string.Empty, cancellationToken).ConfigureAwait(false);
            }

            await client.SendAsync(message, cancellationToken).ConfigureAwait(false);
            await client.DisconnectAsync(true, cancellationToken).ConfigureAwait(false);
            return;
        }

        var folder = PickupFolder(settings, site.Value);
        Directory.CreateDirectory(folder);
        var name = string.Create(CultureInfo.InvariantCulture, $"{clock.GetUtcNow():yyyyMMddTHHmmssfff}-{Guid.NewGuid():N}.eml");
        // Written under a temporary name and then moved, so that a reader never sees half a mail.
        var temporary = Path.Combine(folder, name + ".tmp");
        await message.WriteToAsync(temporary, cancellationToken).ConfigureAwait(false);
        File.Move(temporary, Path.Combine(folder, name));
    }

    public static string PickupFolder(MailOptions mail, SiteCoreOptions site) =>
        Path.GetFullPath(Path.Combine(site.DataPath, mail.PickupFolder));
}
