using Site.Core.Content;
using Site.Core.Languages;

namespace Site.Core.Sync;

/// <summary>A content node as a uSync file holds it: the latest values and which cultures are published.</summary>
public sealed record UsyncContentItem(
    Guid Key,
    Guid? ParentKey,
    string ContentTypeAlias,
    int SortOrder,
    DateTime CreateDateUtc,
    ContentData Data,
    IReadOnlyList<string> PublishedCultures,
    string File)
{
    /// <summary>The pending publishes and unpublishes the file's <c>&lt;Schedule&gt;</c> holds, per culture.</summary>
    public IReadOnlyList<UsyncSchedule> Schedules { get; init; } = [];
}

/// <summary>
/// One of uSync's <c>&lt;ContentSchedule&gt;</c> entries: Release is a publish, Expire an unpublish; an invariant node's
/// (no culture in the file) is kept for the default language.
/// </summary>
public sealed record UsyncSchedule(string Culture, Workflow.ScheduledActionKind Kind, DateTime DueAtUtc);

/// <summary>Everything in a uSync folder, read and checked, before anything is written.</summary>
public sealed record UsyncPackage(
    IReadOnlyList<Language> Languages,
    IReadOnlyList<DataType> DataTypes,
    IReadOnlyList<DictionaryItem> Dictionary,
    IReadOnlyList<ContentType> ContentTypes,
    IReadOnlyList<UsyncContentItem> Content)
{
    /// <summary>Content keys that uSync <c>&lt;Empty Change="Delete"&gt;</c> markers remove (to the recycle bin) when present.</summary>
    public IReadOnlyList<UsyncRemoval> Removals { get; init; } = [];

    /// <summary>What was read but is not written, or written differently, each with its file and reason.</summary>
    public IReadOnlyList<SyncProblem> Notes { get; init; } = [];
}

/// <summary>
/// A removal a uSync marker asks for: the node <see cref="Key"/> itself (Delete), or the nodes under it that the
/// folder does not hold (Clean, <see cref="ChildrenOnly"/>).
/// </summary>
public sealed record UsyncRemoval(Guid Key, bool ChildrenOnly, string File);

/// <summary>A problem in a uSync file: which file, and what is wrong with it.</summary>
public sealed record SyncProblem(string File, string Problem)
{
    public override string ToString() => $"{File}: {Problem}";
}

/// <summary>
/// The outcome of an import. <see cref="Skipped"/> lists what a partial import left out (each with its reason) and what
/// any import read but keeps only as a note (templates, media files, rename markers).
/// </summary>
public sealed record UsyncImportResult(bool Succeeded, int NodeCount, IReadOnlyList<SyncProblem> Problems)
{
    public IReadOnlyList<SyncProblem> Skipped { get; init; } = [];

    public static UsyncImportResult Failed(IReadOnlyList<SyncProblem> problems) => new(false, 0, problems);
}

/// <summary>How an import treats problems: by default one problem refuses the whole folder.</summary>
public sealed record UsyncImportOptions(bool Partial = false)
{
    public static UsyncImportOptions AllOrNothing { get; } = new();
}
