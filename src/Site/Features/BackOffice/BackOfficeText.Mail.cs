using Site.Core.Workflow;

namespace Site.Features.BackOffice;

/// <summary>The review mails, in the recipient's back-office language.</summary>
public sealed partial class BackOfficeText
{
    public string ReviewRequestedSubject(string item, string culture) => Formatted(T("For review: {0} ({1})"), item, LanguageName(culture));

    public string ReviewRequestedBody(string item, string culture, string by, string? comment, string link) =>
        Formatted(T("{0} sent the {1} version of \"{2}\" for review."), by, LanguageName(culture), item) + Tail(T("Comment: "), comment, link);

    public string ReviewDecidedSubject(string item, string culture, ReviewState state) =>
        Formatted(state == ReviewState.Approved ? T("Approved: {0} ({1})") : T("Returned: {0} ({1})"), item, LanguageName(culture));

    public string ReviewDecidedBody(string item, string culture, ReviewState state, string by, string? comment, string link) =>
        Formatted(state == ReviewState.Approved ? T("{0} approved the {1} version of \"{2}\".") : T("{0} returned the {1} version of \"{2}\"."), by, LanguageName(culture), item)
        + Tail(T("Reviewer's comment: "), comment, link);

    private string Tail(string label, string? comment, string link) =>
        (string.IsNullOrWhiteSpace(comment) ? "" : "\n\n" + label + comment) + "\n\n" + T("Open: ") + link + "\n";
}
