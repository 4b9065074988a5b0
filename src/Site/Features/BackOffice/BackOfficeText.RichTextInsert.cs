namespace Site.Features.BackOffice;

/// <summary>
/// The rich text editor's words for placing images (dropped, pasted or chosen, with their alt text) and links to
/// pages of this site; they go to the script with the rest of its words.
/// </summary>
public sealed partial class BackOfficeText
{
    private Dictionary<string, string> RichTextInsertWords => new()
    {
        ["altTitle"] = T("Describe the image"),
        ["altLabel"] = T("Alt text: what the image shows, for people who cannot see it (in the language of this field)"),
        ["altRequired"] = T("Write the alt text before the image is placed."),
        ["altPlace"] = T("Place the image"),
        ["uploading"] = T("Uploading the image…"),
        ["uploaded"] = T("The image was added to the media library and placed."),
        ["uploadFailed"] = T("The image could not be uploaded."),
        ["remoteDropped"] = T("Images from other websites are not copied (never linked): {0} left out. Save them and drop or paste the files."),
        ["notImage"] = T("Only image files can be placed in the text; upload other files under Media."),
        ["linkTitle"] = T("Link"),
        ["linkPage"] = T("Page on this site"),
        ["linkExternal"] = T("Web or mail address"),
        ["linkSearch"] = T("Find a page by its name (either language)"),
        ["linkNotLive"] = T("not published in this language yet: until it is, the link shows as plain text"),
        ["linkNoPages"] = T("No page has that name."),
        ["linkChosen"] = T("Chosen page:"),
        ["linkChoosePage"] = T("Choose a page from the list."),
        ["linkAddress"] = T("Address (https://…, mailto:… or a path of this site starting with /)"),
        ["linkApply"] = T("Apply"),
        ["linkRemove"] = T("Remove the link"),
        ["pagesFound"] = T("{0} pages found"),
    };
}
