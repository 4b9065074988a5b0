namespace Site.Features.BackOffice;

/// <summary>The words of the content tree.</summary>
public sealed partial class BackOfficeText
{
    public string FindInTree => T("Find an item by name");
    public string FindInTreeHint => T("Type part of a name, in any language.");
    public string Find => T("Find");
    public string ShowChildrenOf(string name) => Formatted(T("Items under {0}"), name);
    public string NothingFound => T("No item has that in its name.");
    public string TreeKeyboardHint => T("In the tree, the Up and Down keys move between items, Right opens a level and Left closes it; Alt with Up or Down moves an item among its siblings.");
    public string TreeMoved => T("{0} moved.");
    public string TreeMovedUnder => T("{0} moved under {1}.");
    public string TreeDragHint => T("With a mouse, drag an item above or below a sibling to reorder, or onto another item to move it there.");
    public string CreateUnder(string name) => Formatted(T("Create an item under {0}"), name);

    public string TreeState(string culture, TreeCultureStatus status) => Formatted(status switch
    {
        TreeCultureStatus.Published => T("{0}: published"),
        TreeCultureStatus.Changed => T("{0}: published, with unpublished changes"),
        TreeCultureStatus.Draft => T("{0}: draft, not published"),
        _ => T("{0}: not written yet"),
    }, LanguageName(culture));
}
