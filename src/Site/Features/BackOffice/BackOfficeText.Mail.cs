using Site.Core.Workflow;

namespace Site.Features.BackOffice;

/// <summary>The review mails, in the recipient's back-office language.</summary>
public sealed partial class BackOfficeText
{
    public string ReviewRequestedSubject(string item, string culture) =>
        IsChinese ? $"待审核：{item}（{LanguageName(culture)}）" : $"For review: {item} ({LanguageName(culture)})";

    public string ReviewRequestedBody(string item, string culture, string by, string? comment, string link) =>
        (IsChinese
            ? $"{by} 提交了“{item}”的{LanguageName(culture)}版本，请审核。"
            : $"{by} sent the {LanguageName(culture)} version of \"{item}\" for review.")
        + (string.IsNullOrWhiteSpace(comment) ? "" : "\n\n" + (IsChinese ? "备注：" : "Comment: ") + comment)
        + "\n\n" + (IsChinese ? "打开：" : "Open: ") + link + "\n";

    public string ReviewDecidedSubject(string item, string culture, ReviewState state) =>
        state == ReviewState.Approved
            ? IsChinese ? $"已批准：{item}（{LanguageName(culture)}）" : $"Approved: {item} ({LanguageName(culture)})"
            : IsChinese ? $"已退回：{item}（{LanguageName(culture)}）" : $"Returned: {item} ({LanguageName(culture)})";

    public string ReviewDecidedBody(string item, string culture, ReviewState state, string by, string? comment, string link) =>
        (state == ReviewState.Approved
            ? IsChinese ? $"{by} 批准了“{item}”的{LanguageName(culture)}版本。" : $"{by} approved the {LanguageName(culture)} version of \"{item}\"."
            : IsChinese ? $"{by} 退回了“{item}”的{LanguageName(culture)}版本。" : $"{by} returned the {LanguageName(culture)} version of \"{item}\".")
        + (string.IsNullOrWhiteSpace(comment) ? "" : "\n\n" + (IsChinese ? "意见：" : "Comment: ") + comment)
        + "\n\n" + (IsChinese ? "打开：" : "Open: ") + link + "\n";
}
