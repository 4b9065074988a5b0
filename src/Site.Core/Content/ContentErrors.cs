namespace Site.Core.Content;

/// <summary>A problem with a property (or the node when <see cref="Alias"/> is null) in a culture (or invariant).</summary>
public sealed record ContentError(string? Alias, string? Culture, LocalizedText Message);

public enum SaveStatus
{
    Success,
    NotFound,
    InvalidStructure,
    ValidationFailed,
    Conflict,

    /// <summary>The user may not make this change.</summary>
    Forbidden,
}

/// <summary>The outcome of a save: the node as saved, or why it was refused.</summary>
public sealed record SaveResult(SaveStatus Status, ContentNode? Node, IReadOnlyList<ContentError> Errors)
{
    public bool Succeeded => Status == SaveStatus.Success;

    public static SaveResult Refused(SaveStatus status, params ContentError[] errors) => new(status, null, errors);
}

public enum PublishStatus
{
    Success,
    NotFound,
    Trashed,
    UnknownCulture,
    MandatoryCultureMissing,
    ParentNotPublished,
    ValidationFailed,
    NotPublished,
    NoCultures,
}

/// <summary>The outcome of publishing or unpublishing: what went live or down, or why it was refused.</summary>
public sealed record PublishResult(PublishStatus Status, IReadOnlyList<string> Cultures, IReadOnlyList<ContentError> Errors)
{
    public bool Succeeded => Status == PublishStatus.Success;

    public static PublishResult Refused(PublishStatus status, params ContentError[] errors) => new(status, [], errors);
}

/// <summary>The engine's messages, in both cultures.</summary>
internal static class Messages
{
    public static readonly LocalizedText NodeNotFound = LocalizedText.Of("The content item does not exist.", "该内容不存在。");
    public static readonly LocalizedText Trashed = LocalizedText.Of("The content item is in the recycle bin.", "该内容位于回收站中。");
    public static readonly LocalizedText UnknownContentType = LocalizedText.Of("Unknown content type \"{0}\".", "未知的内容类型“{0}”。");
    public static readonly LocalizedText UnknownParent = LocalizedText.Of("The parent item does not exist.", "上级内容不存在。");
    public static readonly LocalizedText NotAllowedAtRoot = LocalizedText.Of("\"{0}\" is not allowed at the root.", "“{0}”不能放在根级。");
    public static readonly LocalizedText NotAllowedUnder = LocalizedText.Of("\"{0}\" is not allowed under \"{1}\".", "“{0}”不能放在“{1}”之下。");
    public static readonly LocalizedText TypeChanged = LocalizedText.Of("The content type of an item cannot change.", "内容类型不能更改。");
    public static readonly LocalizedText UnknownProperty = LocalizedText.Of("\"{0}\" is not a property of this content type.", "“{0}”不是该内容类型的属性。");
    public static readonly LocalizedText UnknownCulture = LocalizedText.Of("\"{0}\" is not a language of this site.", "“{0}”不是本站的语言。");
    public static readonly LocalizedText InvariantGivenCulture = LocalizedText.Of("\"{0}\" does not vary by culture; give it without a culture.", "“{0}”不区分语言，请不要指定语言。");
    public static readonly LocalizedText VariantWithoutCulture = LocalizedText.Of("\"{0}\" varies by culture; give a culture.", "“{0}”区分语言，请指定语言。");
    public static readonly LocalizedText Required = LocalizedText.Of("{0} is required.", "{0}为必填项。");
    public static readonly LocalizedText TooLong = LocalizedText.Of("{0} must be at most {1} characters.", "{0}不能超过 {1} 个字符。");
    public static readonly LocalizedText PatternMismatch = LocalizedText.Of("{0} is not in the expected format.", "{0}的格式不正确。");
    public static readonly LocalizedText NotInteger = LocalizedText.Of(
        "{0} must be a whole number from -2147483648 to 2147483647, digits only.", "{0}必须是 -2147483648 至 2147483647 之间的整数，只能包含数字。");
    public static readonly LocalizedText OneLine = LocalizedText.Of("{0} must be on one line, without control characters.", "{0}必须为单行，且不能包含控制字符。");
    public static readonly LocalizedText ControlCharacters = LocalizedText.Of("{0} contains control characters.", "{0}包含控制字符。");
    public static readonly LocalizedText DuplicateValue = LocalizedText.Of("\"{0}\" is given twice for the same language.", "“{0}”在同一语言中出现了两次。");
    public static readonly LocalizedText NoCultures = LocalizedText.Of("Choose at least one language to publish.", "请至少选择一种要发布的语言。");
    public static readonly LocalizedText NotDate = LocalizedText.Of("{0} must be a date (yyyy-MM-dd).", "{0}必须是日期（yyyy-MM-dd）。");
    public static readonly LocalizedText NotBoolean = LocalizedText.Of("{0} must be 1 or 0.", "{0}必须是 1 或 0。");
    public static readonly LocalizedText NotJsonArray = LocalizedText.Of("{0} must be a JSON list.", "{0}必须是 JSON 列表。");
    public static readonly LocalizedText NotTag = LocalizedText.Of(
        "{0}: item {1} is not a tag. Tags are a JSON list of texts, each on one line and not empty.",
        "{0}：第 {1} 项不是标签。标签须为由文本组成的 JSON 列表，每项为非空的单行文本。");
    public static readonly LocalizedText NotLink = LocalizedText.Of(
        "{0}: item {1} is not a link. Each link is an object of Umbraco's link fields (name, url, target, udi, queryString, …), each text or empty, with a url or a udi.",
        "{0}：第 {1} 项不是链接。每个链接须为由 Umbraco 链接字段（name、url、target、udi、queryString 等）组成的对象，各字段为文本或空，并带有 url 或 udi。");
    public static readonly LocalizedText LinkNotAllowed = LocalizedText.Of(
        "{0}: the address of link {1} is not allowed. Use an http:// or https:// address, a mailto: address or a path on this site starting with a single /.",
        "{0}：第 {1} 个链接的地址不被允许。请使用 http:// 或 https:// 地址、mailto: 地址，或以单个 / 开头的本站路径。");
    public static readonly LocalizedText NotMediaItem = LocalizedText.Of(
        "{0}: item {1} is not a media item. Each item is an object with a mediaKey (Umbraco's MediaPicker3 value: key, mediaKey, mediaTypeAlias, crops, focalPoint).",
        "{0}：第 {1} 项不是媒体项。每项须为带有 mediaKey 的对象（Umbraco MediaPicker3 的值：key、mediaKey、mediaTypeAlias、crops、focalPoint）。");
    public static readonly LocalizedText MarkdownTooDeep = LocalizedText.Of(
        "{0} is nested too deeply to be shown (quotes, lists or emphasis inside one another, more than a hundred levels). Flatten it.",
        "{0}嵌套层级过深，无法显示（引用、列表或强调层层嵌套，超过一百层）。请减少嵌套。");
    public static readonly LocalizedText NotContentUdi = LocalizedText.Of("{0} must be a document link (umb://document/...).", "{0}必须是文档链接（umb://document/...）。");
    public static readonly LocalizedText NameRequired = LocalizedText.Of("A name is required in {0}.", "{0}的名称为必填项。");
    public static readonly LocalizedText Conflict = LocalizedText.Of(
        "Someone saved a newer version ({0}) after you opened version {1}. Nothing was overwritten.",
        "在您打开第 {1} 版之后，已有人保存了更新的第 {0} 版。未覆盖任何内容。");
    public static readonly LocalizedText MandatoryCultureMissing = LocalizedText.Of(
        "{0} is a mandatory language: publish it first, or together with this one.",
        "{0}是必需语言：请先发布该语言，或与本语言一同发布。");
    public static readonly LocalizedText ParentNotPublished = LocalizedText.Of(
        "The parent item is not published in {0}: publish it first.",
        "上级内容尚未以{0}发布：请先发布上级内容。");
    public static readonly LocalizedText CultureNotPublished = LocalizedText.Of("{0} is not published.", "{0}版本未发布。");
}
