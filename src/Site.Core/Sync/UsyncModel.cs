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
    string File);

/// <summary>Everything in a uSync folder, read and checked, before anything is written.</summary>
public sealed record UsyncPackage(
    IReadOnlyList<Language> Languages,
    IReadOnlyList<DataType> DataTypes,
    IReadOnlyList<DictionaryItem> Dictionary,
    IReadOnlyList<ContentType> ContentTypes,
    IReadOnlyList<UsyncContentItem> Content);

/// <summary>A problem in a uSync file: which file, and what is wrong with it.</summary>
public sealed record SyncProblem(string File, string Problem)
{
    public override string ToString() => $"{File}: {Problem}";
}

public sealed record UsyncImportResult(bool Succeeded, int NodeCount, IReadOnlyList<SyncProblem> Problems)
{
    public static UsyncImportResult Failed(IReadOnlyList<SyncProblem> problems) => new(false, 0, problems);
}
