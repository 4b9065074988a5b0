using System.Text.Json;

namespace Site.Features.BackOffice;

/// <summary>The content picker's words (its dialog, list and announcements), handed to the script as JSON.</summary>
public sealed partial class BackOfficeText
{
    public IReadOnlyDictionary<string, string> ContentPickerWords => new Dictionary<string, string>
    {
        ["pickerChoose"] = T("Choose"),
        ["pickerChooseOf"] = T("Choose: {0}"),
        ["pickerSearch"] = T("Find by name"),
        ["pickerFound"] = T("{0} found"),
        ["pickerNothing"] = T("Nothing of this kind has that name."),
        ["pickerNoneYet"] = T("There is nothing of this kind yet: create it in the content tree first."),
        ["pickerNothingYet"] = T("Nothing chosen yet."),
        ["pickerChosen"] = T("Chosen"),
        ["pickerDone"] = T("Done"),
        ["pickerAdded"] = T("Added: {0}"),
        ["pickerRemoved"] = T("Removed: {0}"),
        ["pickerMax"] = T("At most {0} can be chosen: remove one first."),
        ["pickerNotLive"] = T("not published"),
        ["pickerMissing"] = T("An item that no longer exists"),
        ["pickerFailed"] = T("The search did not answer; try again."),
        ["moveUp"] = T("Move up"),
        ["moveDown"] = T("Move down"),
        ["remove"] = T("Remove"),
        ["cancel"] = T("Cancel"),
    };

    public string ContentPickerWordsJson => JsonSerializer.Serialize(ContentPickerWords);
}
