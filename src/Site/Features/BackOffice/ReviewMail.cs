using Microsoft.Extensions.Options;
using Site.Core.Content;
using Site.Core.Members;
using Site.Core.Notifications;
using Site.Core.Users;
using Site.Core.Workflow;
using Site.Features.Public;

namespace Site.Features.BackOffice;

/// <summary>
/// Reviewers hear of a submission by mail (besides the task list), and the writer hears of the decision, each in
/// their own back-office language. A mail that cannot be sent is logged; the workflow step has already happened.
/// </summary>
internal sealed partial class ReviewMail(
    IServiceScopeFactory scopes,
    IContentService content,
    IMailSender mail,
    IOptions<PublicSiteOptions> site,
    ILogger<ReviewMail> logger)
    : INotificationHandler<ReviewRequestedNotification>, INotificationHandler<ReviewDecidedNotification>
{
    public async Task HandleAsync(ReviewRequestedNotification notification, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(notification);
        var review = notification.Review;
        var users = await UsersAsync(cancellationToken).ConfigureAwait(false);
        var reviewers = users.Where(u => !u.IsLockedOut(DateTimeOffset.UtcNow)
            && !string.Equals(u.Email, review.RequestedBy, StringComparison.OrdinalIgnoreCase)
            && ContentPermissions.Can(u.ToWorkflowUser(), ContentAction.Approve, review.Culture));
        var name = await NameAsync(review, cancellationToken).ConfigureAwait(false);
        foreach (var reviewer in reviewers)
        {
            var t = BackOfficeText.For(reviewer.UiCulture);
            await SendAsync(reviewer, t.ReviewRequestedSubject(name, review.Culture),
                t.ReviewRequestedBody(name, review.Culture, review.RequestedBy, review.RequestComment, Link(review)), cancellationToken).ConfigureAwait(false);
        }
    }

    public async Task HandleAsync(ReviewDecidedNotification notification, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(notification);
        var review = notification.Review;
        var writer = (await UsersAsync(cancellationToken).ConfigureAwait(false))
            .FirstOrDefault(u => string.Equals(u.Email, review.RequestedBy, StringComparison.OrdinalIgnoreCase));
        if (writer is null)
        {
            return;
        }

        var t = BackOfficeText.For(writer.UiCulture);
        var name = await NameAsync(review, cancellationToken).ConfigureAwait(false);
        await SendAsync(writer, t.ReviewDecidedSubject(name, review.Culture, review.State),
            t.ReviewDecidedBody(name, review.Culture, review.State, review.DecidedBy ?? "", review.DecisionComment, Link(review)), cancellationToken).ConfigureAwait(false);
    }

    private async Task<IReadOnlyList<UserProfile>> UsersAsync(CancellationToken cancellationToken)
    {
        using var scope = scopes.CreateScope();
        return await scope.ServiceProvider.GetRequiredService<IUserService>().ListAsync(cancellationToken).ConfigureAwait(false);
    }

    private async Task<string> NameAsync(Review review, CancellationToken cancellationToken)
    {
        var node = await content.GetAsync(review.NodeKey, cancellationToken).ConfigureAwait(false);
        return node?.CurrentVersion.Data.GetName(review.Culture) ?? node?.CurrentVersion.Data.Names.Values.FirstOrDefault() ?? review.NodeKey.ToString();
    }

    private string Link(Review review) =>
        $"{site.Value.BaseUrl?.TrimEnd('/')}{BackOfficeExtensions.Path}/content/{review.NodeKey}?culture={review.Culture}";

    private async Task SendAsync(UserProfile to, string subject, string body, CancellationToken cancellationToken)
    {
        try
        {
            await mail.SendAsync(new OutgoingMail(to.Email, to.Name, subject, body, to.UiCulture), cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is IOException or MailKit.ServiceNotConnectedException or MailKit.Net.Smtp.SmtpCommandException or MailKit.Net.Smtp.SmtpProtocolException or System.Net.Sockets.SocketException or UnauthorizedAccessException)
        {
            LogMailFailed(logger, to.Email, ex);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "The review mail to {Recipient} could not be sent.")]
    private static partial void LogMailFailed(ILogger logger, string recipient, Exception exception);
}
