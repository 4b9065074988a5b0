namespace Site.Core.Storage;

/// <summary>
/// What a change-journal row (<c>change_journal.Kind</c>) records: the only way to name the kinds, where rows are
/// written and where they are read (the snapshot's refresh, the cluster's journal follower). Other instances read
/// rows written by older versions of the site, so a value never changes; add new ones instead.
/// </summary>
public static class ChangeJournalKinds
{
    /// <summary>Cultures of a node went live; <c>Cultures</c> lists them.</summary>
    public const string Publish = "publish";

    /// <summary>Cultures of a node were taken down; <c>Cultures</c> lists them.</summary>
    public const string Unpublish = "unpublish";

    /// <summary>A node came in with a uSync import; <c>Cultures</c> lists its published ones.</summary>
    public const string Import = "import";

    /// <summary>A node moved to another parent (one row for it and each descendant).</summary>
    public const string Move = "move";

    /// <summary>A node's place among its siblings changed.</summary>
    public const string Sort = "sort";

    /// <summary>A node went to the recycle bin (one row for it and each descendant).</summary>
    public const string Trash = "trash";

    /// <summary>A node came back from the recycle bin (one row for it and each descendant).</summary>
    public const string Restore = "restore";

    /// <summary>A node was deleted for good (emptying the recycle bin).</summary>
    public const string Delete = "delete";

    /// <summary>
    /// A media item was uploaded, changed or deleted; <c>NodeKey</c> is its key. The only kind that is not about
    /// content: the snapshot's refresh skips it, and another instance reloads its media library instead.
    /// </summary>
    public const string Media = "media";

    /// <summary>
    /// A dictionary item (a glossary entry) was saved or deleted; <c>NodeKey</c> is its key. Not a node either: the
    /// snapshot's refresh skips it, and another instance reloads its dictionary first.
    /// </summary>
    public const string Dictionary = "dictionary";
}
