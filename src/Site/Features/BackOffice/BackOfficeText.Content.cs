namespace Site.Features.BackOffice;

/// <summary>The words of the content section: tree, edit form, workflow, history, recycle bin, translations.</summary>
public sealed partial class BackOfficeText
{
    public string ItemName => T("Name", "名称");
    public string ContentTree => T("Content tree", "内容树");
    public string Root => T("Site root", "站点根");
    public string Children => T("Children", "子项");
    public string NoChildren => T("No children yet.", "还没有子项。");
    public string CreateChild => T("Create a child item", "新建子项");
    public string CreateAtRoot => T("Create at the root", "在根下新建");
    public string CreateItem(string type) => IsChinese ? $"新建：{type}" : $"New {type}";
    public string ContentType => T("Type", "类型");
    public string Status => T("Status", "状态");
    public string Published => T("Published", "已发布");
    public string NotPublished => T("Not published", "未发布");
    public string DraftNewer => T("Draft newer than the live page", "草稿比线上版本新");
    public string InReview => T("Waiting for review", "待审核");
    public string Approved => T("Approved", "已批准");
    public string Rejected => T("Rejected", "已退回");
    public string SaveDraft => T("Save draft", "保存草稿");
    public string SaveDraftHint => T("Saving makes a new version; nothing public changes until it is published.", "保存会生成新版本；发布前线上页面不会改变。");
    public string VersionLabel(int number) => IsChinese ? $"第 {number} 版" : $"Version {number}";
    public string Invariant => T("Shared by both languages", "两种语言共用");
    public string ReadOnlyCulture => T("You may not edit this language.", "您不能编辑此语言。");
    public string MarkdownPreview => T("Preview", "预览");
    public string MarkdownHint => T("Markdown: **bold**, *italic*, [link](https://…), lists with -. HTML is not allowed.", "Markdown：**粗体**、*斜体*、[链接](https://…)、以 - 开头的列表。不支持 HTML。");
    public string TagsHint => T("Separate tags with commas.", "标签之间用逗号分隔。");
    public string LinksHint => T("One link per line: title | https://address", "每行一个链接：标题 | https://网址");
    public string ContentPickerHint => T("An item's address in the form umb://document/…", "内容地址，格式为 umb://document/…");
    public string NoMediaChosen => T("(none)", "（无）");
    public string Workflow => T("Review and publishing", "审核与发布");
    public string Submit => T("Submit for review", "提交审核");
    public string Approve => T("Approve", "批准");
    public string Reject => T("Reject", "退回");
    public string RejectCommentHint => T("Required when rejecting: say what to change.", "退回时必填：请说明需要修改的地方。");
    public string Publish => T("Publish", "发布");
    public string PublishAll => T("Publish both languages", "发布两种语言");
    public string Unpublish => T("Unpublish", "取消发布");
    public string Schedule => T("Schedule", "定时");
    public string ScheduleAction => T("Action", "操作");
    public string ScheduleAt => T("Date and time", "日期和时间");
    public string ScheduleZone => T("Time zone", "时区");
    public string BeijingTime => T("Beijing time (UTC+8)", "北京时间（UTC+8）");
    public string ScheduledActions => T("Scheduled", "已定时");
    public string CancelSchedule => T("Cancel", "取消");
    public string ActionKind(Site.Core.Workflow.ScheduledActionKind kind) => kind == Site.Core.Workflow.ScheduledActionKind.Publish ? Publish : Unpublish;
    public string Preview => T("Preview", "预览");
    public string PreviewHint => T("Opens the draft as the public page would show it (in a new tab).", "在新标签页中按线上页面的样子预览草稿。");
    public string History => T("History", "历史版本");
    public string HistoryOf(string name) => IsChinese ? $"历史版本：{name}" : $"History of {name}";
    public string Versions => T("Versions", "版本");
    public string SavedBy => T("Saved by", "保存人");
    public string SavedAt => T("Saved", "保存时间");
    public string Compare => T("Compare", "比较");
    public string From => T("From version", "从版本");
    public string To => T("To version", "到版本");
    public string Before => T("Before", "修改前");
    public string After => T("After", "修改后");
    public string Field => T("Field", "字段");
    public string NoChanges => T("No differences.", "没有差异。");
    public string Rollback => T("Roll back to this version", "回滚到此版本");
    public string RollbackHint => T("Makes a new draft from the old version; publish it to make it live.", "以旧版本生成新草稿；发布后才会上线。");
    public string MoveTo => T("Move to", "移动到");
    public string CopyTo => T("Copy to", "复制到");
    public string Move => T("Move", "移动");
    public string Copy => T("Copy", "复制");
    public string Trash => T("Move to the recycle bin", "移到回收站");
    public string Up => T("Move up", "上移");
    public string Down => T("Move down", "下移");
    public string Restore => T("Restore", "还原");
    public string EmptyBin => T("Empty the recycle bin", "清空回收站");
    public string EmptyBinWarning => T("Emptying deletes these items for good.", "清空后这些内容将被永久删除。");
    public string BinEmpty => T("The recycle bin is empty.", "回收站是空的。");
    public string Conflict => T("Saved by someone else meanwhile", "在此期间已被他人保存");
    public string ConflictSummary => T(
        "Someone saved this item after you opened it. Nothing was overwritten: compare the versions below, then save again to keep yours.",
        "在您打开后，有人保存了此内容。没有任何内容被覆盖：请对比下面的版本，再次保存即可保留您的修改。");
    public string ConflictTheirs(int number, string by) => IsChinese ? $"已保存的第 {number} 版（{by}）" : $"Saved version {number} (by {by})";
    public string ConflictYours => T("What you typed", "您输入的内容");
    public string ActionFailed => T("The action could not be done.", "操作未能完成。");
    public string Autosave => T("Drafts are saved automatically while you type.", "输入时会自动保存草稿。");
    public string TranslationState(Site.Core.Content.TranslationState state) => state == Site.Core.Content.TranslationState.Missing ? T("Missing", "缺失") : T("Out of date", "已过期");
    public string StartFrom(string culture) => IsChinese ? $"从{LanguageName(culture)}文本开始" : $"Start from the {LanguageName(culture)} text";
    public string NothingToTranslate => T("Every item is translated and up to date.", "所有内容都已翻译且为最新。");
    public string OtherChanged => T("Other language changed", "另一语言修改于");
    public string ThisChanged => T("This language changed", "本语言修改于");

    public string Done(string action) => action switch
    {
        "saved" => T("Saved as a draft.", "已保存为草稿。"),
        "created" => T("Created as a draft.", "已创建为草稿。"),
        "submit" => T("Sent for review.", "已提交审核。"),
        "approve" => T("Approved.", "已批准。"),
        "reject" => T("Rejected with your comment.", "已退回并附上您的意见。"),
        "publish" or "publish-all" => T("Published: the public pages show it now.", "已发布：线上页面已更新。"),
        "unpublish" => T("Unpublished.", "已取消发布。"),
        "schedule" => T("Scheduled.", "已定时。"),
        "cancel-schedule" => T("Schedule cancelled.", "已取消定时。"),
        "trashed" => T("Moved to the recycle bin.", "已移到回收站。"),
        "move" => T("Moved.", "已移动。"),
        "copied" => T("Copied: this is the copy (a draft).", "已复制：这是副本（草稿）。"),
        "sorted" => T("Order changed.", "顺序已调整。"),
        "rolled-back" => T("A new draft was made from the old version.", "已由旧版本生成新草稿。"),
        "restored" => T("Restored.", "已还原。"),
        "translation" => T("A draft of the translation was started from the other language's text.", "已用另一语言的文本生成译文草稿。"),
        _ => T("Done.", "完成。"),
    };
}
