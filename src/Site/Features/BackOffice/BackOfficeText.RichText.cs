using System.Text.Json;

namespace Site.Features.BackOffice;

/// <summary>The rich text editor's words (its toolbar and prompts), handed to the script as JSON on the field.</summary>
public sealed partial class BackOfficeText
{
    /// <summary>The block list editor's words, handed to the script with the field's configuration.</summary>
    public IReadOnlyDictionary<string, string> BlockListEditorWords => new Dictionary<string, string>(ContentPickerWords)
    {
        ["blockType"] = T("Kind of block to add"),
        ["add"] = T("Add block"),
        ["added"] = T("Block added at the end."),
        ["moved"] = T("Block moved to position"),
        ["removed"] = T("Block removed."),
        ["shownIn"] = T("Shown in"),
        ["chooseImage"] = T("Choose an image"),
        ["noImages"] = T("The media library has no images yet: upload one under Media (with its alt text in every language)."),
        ["linkText"] = T("link text"),
        ["linkAddress"] = T("Link address (https://… or a page of this site, /en/…)"),
        ["unknownType"] = T("Block of an unknown kind (kept as it is)"),
    };

    public string RichTextEditorWords => JsonSerializer.Serialize(new Dictionary<string, string>(RichTextInsertWords)
    {
        ["toolbar"] = T("Formatting"),
        ["editor"] = T("Rich text"),
        ["h2"] = T("Heading"),
        ["h3"] = T("Subheading"),
        ["h1"] = T("Heading 1"),
        ["h4"] = T("Heading 4"),
        ["h5"] = T("Heading 5"),
        ["h6"] = T("Heading 6"),
        ["underline"] = T("Underline"),
        ["strike"] = T("Strikethrough"),
        ["subscript"] = T("Subscript"),
        ["superscript"] = T("Superscript"),
        ["horizontalRule"] = T("Horizontal line"),
        ["codeBlock"] = T("Code block"),
        ["unlink"] = T("Remove the link"),
        ["clearFormatting"] = T("Clear formatting"),
        ["bold"] = T("Bold"),
        ["italic"] = T("Italic"),
        ["bulletList"] = T("Bulleted list"),
        ["orderedList"] = T("Numbered list"),
        ["quote"] = T("Quote"),
        ["link"] = T("Link"),
        ["linkRefused"] = T("Only https://, mailto: and this site's own pages can be linked."),
        ["table"] = T("Table"),
        ["image"] = T("Image from the media library"),
        ["chooseImage"] = T("Choose an image"),
        ["noImages"] = T("The media library has no images yet: upload one under Media (with its alt text in every language)."),
        ["cancel"] = T("Cancel"),
        ["undo"] = T("Undo"),
        ["redo"] = T("Redo"),
        ["block"] = T("Block"),
        ["insertBlock"] = T("Insert a block"),
        ["insert"] = T("Insert"),
        ["editBlock"] = T("Edit the block"),
        ["saveBlock"] = T("Save block"),
    });
}
