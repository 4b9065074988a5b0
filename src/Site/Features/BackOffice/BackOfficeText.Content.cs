namespace Site.Features.BackOffice;

/// <summary>The words of the content section: tree, edit form, workflow, history, recycle bin, translations.</summary>
public sealed partial class BackOfficeText
{
    public string ItemName => T("Item name");
    public string ContentTree => T("Content tree");
    public string Root => T("Site root");
    public string Children => T("Children");
    public string NoChildren => T("No children yet.");
    public string CreateChild => T("Create a child item");
    public string CreateAtRoot => T("Create at the root");
    public string CreateItem(string type) => Formatted(T("New {0}"), type);
    public string ContentType => T("Type");
    public string Status => T("Status");
    public string Published => T("Published");
    public string NotPublished => T("Not published");
    public string DraftNewer => T("Draft newer than the live page");
    public string InReview => T("Waiting for review");
    public string Approved => T("Approved");
    public string Rejected => T("Rejected");
    public string SaveDraft => T("Save draft");
    public string SaveDraftHint => T("Saving makes a new version; nothing public changes until it is published.");
    public string VersionLabel(int number) => Formatted(T("Version {0}"), number);
    public string Invariant => T("Shared by both languages");
    public string ReadOnlyCulture => T("You may not edit this language.");
    public string MarkdownPreview => T("Preview");
    public string RichTextHint => T("HTML: <h2>–<h6>, <p>, <strong>, <em>, lists, tables, links and images from the media library. Scripts, styles and other elements are removed on save.");

    public string MarkdownHint => T("Markdown: **bold**, *italic*, [link](https://…), lists with -. HTML is not allowed.");
    public string TagsHint => T("Separate tags with commas.");
    public string LinksHint => T("One link per line: title | https://address");
    public string ContentPickerHint => T("Chosen by name with the Choose button; without script, the items' addresses (umb://document/…), separated by commas.");
    public string NoMediaChosen => T("(none)");
    public string Workflow => T("Review and publishing");
    public string Submit => T("Submit for review");
    public string Approve => T("Approve");
    public string Reject => T("Reject");
    public string RejectCommentHint => T("Required when rejecting: say what to change.");
    public string Publish => T("Publish");
    public string PublishAll => T("Publish both languages");
    public string Unpublish => T("Unpublish");
    public string Schedule => T("Schedule");
    public string ScheduleAction => T("Action");
    public string ScheduleAt => T("Date and time");
    public string ScheduleZone => T("Time zone");
    public string BeijingTime => T("Beijing time (UTC+8)");
    public string ScheduledActions => T("Scheduled");
    public string CancelSchedule => T("Cancel");
    public string ActionKind(Site.Core.Workflow.ScheduledActionKind kind) => kind == Site.Core.Workflow.ScheduledActionKind.Publish ? Publish : Unpublish;
    public string Preview => T("Preview");
    public string PreviewHint => T("Opens the draft as the public page would show it (in a new tab).");
    public string History => T("History");
    public string HistoryOf(string name) => Formatted(T("History of {0}"), name);
    public string Versions => T("Versions");
    public string SavedBy => T("Saved by");
    public string SavedAt => T("Saved");
    public string Compare => T("Compare");
    public string From => T("From version");
    public string To => T("To version");
    public string Before => T("Before");
    public string After => T("After");
    public string Field => T("Field");
    public string NoChanges => T("No differences.");
    public string Rollback => T("Roll back to this version");
    public string RollbackHint => T("Makes a new draft from the old version; publish it to make it live.");
    public string MoveTo => T("Move to");
    public string CopyTo => T("Copy to");
    public string Move => T("Move");
    public string Copy => T("Copy");
    public string Trash => T("Move to the recycle bin");
    public string Up => T("Move up");
    public string Down => T("Move down");
    public string Restore => T("Restore");
    public string EmptyBin => T("Empty the recycle bin");
    public string EmptyBinWarning => T("Emptying deletes these items for good.");
    public string BinEmpty => T("The recycle bin is empty.");
    public string Conflict => T("Saved by someone else meanwhile");
    public string ConflictSummary => T("Someone saved this item after you opened it. Nothing was overwritten: compare the versions below, then save again to keep yours.");
    public string ConflictTheirs(int number, string by) => Formatted(T("Saved version {0} (by {1})"), number, by);
    public string ConflictYours => T("What you typed");
    public string ActionFailed => T("The action could not be done.");
    public string Autosave => T("Drafts are saved automatically while you type.");
    public string TranslationState(Site.Core.Content.TranslationState state) => state == Site.Core.Content.TranslationState.Missing ? T("Missing") : T("Out of date");
    public string StartFrom(string culture) => Formatted(T("Start from the {0} text"), LanguageName(culture));
    public string NothingToTranslate => T("Every item is translated and up to date.");
    public string OtherChanged => T("Other language changed");
    public string ThisChanged => T("This language changed");

    public string Done(string action) => action switch
    {
        "saved" => T("Saved as a draft."),
        "created" => T("Created as a draft."),
        "submit" => T("Sent for review."),
        "approve" => T("Approved."),
        "reject" => T("Rejected with your comment."),
        "publish" or "publish-all" => T("Published: the public pages show it now."),
        "unpublish" => T("Unpublished."),
        "schedule" => T("Scheduled."),
        "cancel-schedule" => T("Schedule cancelled."),
        "trashed" => T("Moved to the recycle bin."),
        "move" => T("Moved."),
        "copied" => T("Copied: this is the copy (a draft)."),
        "sorted" => T("Order changed."),
        "rolled-back" => T("A new draft was made from the old version."),
        "restored" => T("Restored."),
        "translation" => T("A draft of the translation was started from the other language's text."),
        _ => T("Done."),
    };
}
