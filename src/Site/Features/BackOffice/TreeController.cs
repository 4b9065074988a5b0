using Microsoft.AspNetCore.Mvc;

namespace Site.Features.BackOffice;

/// <summary>The content tree's levels, fetched when an editor opens one, and its search box.</summary>
[Route(BackOfficeExtensions.Path + "/tree")]
public sealed class TreeController(ContentTreeView tree) : BackOfficeControllerBase
{
    public const int MaxQueryLength = 100;

    /// <summary>The items under a parent (the roots without one), as the tree's list items.</summary>
    [HttpGet("children")]
    public async Task<IActionResult> Children(Guid? parent, CancellationToken cancellationToken) =>
        PartialView(ViewRoot + "_TreeItems.cshtml", new TreeLevel(await tree.ChildrenAsync(parent, cancellationToken), Text));

    /// <summary>Items by name: a page of links (the search box works without script), or just the list for the script.</summary>
    [HttpGet("find")]
    public async Task<IActionResult> Find(string? q, bool partial, CancellationToken cancellationToken)
    {
        var text = (q ?? string.Empty).Trim();
        if (text.Length > MaxQueryLength)
        {
            text = text[..MaxQueryLength];
        }

        var found = text.Length == 0 ? [] : await tree.FindAsync(text, cancellationToken);
        var data = new TreeFindData(text, found);
        return partial ? PartialView(ViewRoot + "_TreeFound.cshtml", (data, Text)) : Show("TreeFind", PageOf(Text.FindInTree, "content", data));
    }
}

public sealed record TreeLevel(IReadOnlyList<TreeItem> Items, BackOfficeText T);

public sealed record TreeFindData(string Query, IReadOnlyList<TreeItem> Found);
