using Site.Core.Audit;
using Site.Core.Content;
using Site.Core.Media;
using Site.Core.Users;
using Site.Core.Workflow;

namespace Site.Features.BackOffice.Management;

public sealed record TokenRequest(string Email, string Password);

public sealed record ValueModel(string Alias, string? Culture, string Value);

public sealed record VersionModel(int Number, DateTime CreatedAtUtc, string CreatedBy);

public sealed record PublishedCultureModel(string Culture, DateTime PublishedAtUtc);

/// <summary>A document as the back office edits it: the latest version (a draft when newer than what is published).</summary>
public sealed record DocumentModel(
    Guid Id,
    Guid? ParentId,
    string ContentType,
    int SortOrder,
    int Level,
    bool Trashed,
    DateTime CreateDateUtc,
    DateTime UpdateDateUtc,
    VersionModel Version,
    IReadOnlyDictionary<string, string> Names,
    IReadOnlyList<ValueModel> Values,
    IReadOnlyList<PublishedCultureModel> Published,
    IReadOnlyList<string> AllowedChildTypes)
{
    public static DocumentModel From(ContentNode node, ContentSchema schema)
    {
        ArgumentNullException.ThrowIfNull(node);
        ArgumentNullException.ThrowIfNull(schema);
        var version = node.CurrentVersion;
        return new DocumentModel(
            node.Key,
            node.ParentKey,
            node.ContentTypeAlias,
            node.SortOrder,
            node.Level,
            node.Trashed,
            node.CreateDateUtc,
            node.UpdateDateUtc,
            new VersionModel(version.Number, version.CreatedAtUtc, version.CreatedBy),
            version.Data.Names,
            [.. version.Data.Values.Select(v => new ValueModel(v.Alias, v.Culture, v.Value))],
            [.. node.PublishedCultures.Select(p => new PublishedCultureModel(p.Culture, p.PublishedAtUtc))],
            schema.FindContentType(node.ContentTypeAlias)?.AllowedChildAliases ?? []);
    }
}

public sealed record TreeItemModel(Guid Id, string ContentType, IReadOnlyDictionary<string, string> Names, bool HasChildren, IReadOnlyList<string> PublishedCultures, int SortOrder);

/// <summary>Creates a document (an id may be given, for imports that must be repeatable).</summary>
public sealed record CreateDocumentRequest(Guid? Id, Guid? ParentId, string ContentType, IReadOnlyDictionary<string, string>? Names, IReadOnlyList<ValueModel>? Values);

/// <summary>Saves a new version; <see cref="ExpectedVersion"/> is the version the editor started from.</summary>
public sealed record UpdateDocumentRequest(int? ExpectedVersion, IReadOnlyDictionary<string, string>? Names, IReadOnlyList<ValueModel>? Values);

public sealed record CultureRequest(string Culture, string? Comment);

public sealed record CulturesRequest(IReadOnlyList<string> Cultures);

public sealed record ScheduleRequest(string Culture, ScheduledActionKind Action, DateTime DueAtUtc);

public sealed record MoveRequest(Guid? ParentId);

public sealed record CopyRequest(Guid? ParentId, bool IncludeDescendants);

public sealed record SortRequest(Guid? ParentId, IReadOnlyList<Guid> Ids);

public sealed record RollbackRequest(int Version);

public sealed record TranslationRequest(string SourceCulture, string TargetCulture);

public sealed record MarkdownRequest(string Markdown);

public sealed record MarkdownPreview(string Html);

/// <summary>The nodes a tree operation moved, copied, sorted, trashed, restored or deleted.</summary>
public sealed record TreeChangeModel(IReadOnlyList<Guid> Ids);

/// <summary>A workflow step done; <see cref="Cultures"/> are the cultures a publish or unpublish changed.</summary>
public sealed record WorkflowOutcomeModel(string Status, IReadOnlyList<string>? Cultures);

public sealed record StatusModel(string Status);

public sealed record ChangeModel(string? Alias, string? Culture, string? Before, string? After);

public sealed record PagedModel<T>(int Total, IReadOnlyList<T> Items);

public sealed record MediaModel(
    Guid Id, string Name, MediaKind Kind, string MediaType, long Bytes, int? Width, int? Height, FocalPoint FocalPoint,
    IReadOnlyDictionary<string, string> AltText, string Url, DateTime CreatedAtUtc, string CreatedBy)
{
    public static MediaModel From(MediaItem item)
    {
        ArgumentNullException.ThrowIfNull(item);
        return new(item.Key, item.Name, item.Kind, item.MediaType, item.Bytes, item.Width, item.Height, item.FocalPoint, item.AltText, item.Url, item.CreatedAtUtc, item.CreatedBy);
    }
}

public sealed record MediaUpdateRequest(IReadOnlyDictionary<string, string>? AltText, double? FocalLeft, double? FocalTop);

/// <summary>As Umbraco's: a person with a password, or an API user that signs in only with client credentials.</summary>
public enum UserKind
{
    Default,
    Api,
}

public sealed record UserModel(Guid Id, string Email, string Name, string UiCulture, string? TranslatorCulture, IReadOnlyList<string> Groups, bool LockedOut, UserKind Kind)
{
    public static UserModel From(UserProfile user, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(user);
        return new(user.Id, user.Email, user.Name, user.UiCulture, user.TranslatorCulture, user.Groups, user.IsLockedOut(now), user.IsApiUser ? UserKind.Api : UserKind.Default);
    }
}

/// <summary>A new account; an API user (<see cref="UserKind.Api"/>) needs no password.</summary>
public sealed record CreateUserRequest(string Email, string Name, string? Password, IReadOnlyList<string>? Groups, string? TranslatorCulture, string? UiCulture, UserKind Kind = UserKind.Default);

public sealed record UpdateUserRequest(string Name, IReadOnlyList<string>? Groups, string? TranslatorCulture, string? UiCulture);

public sealed record ApplicationDecisionRequest(Site.Core.Members.ApplicationStatus Status, string? Note);

/// <param name="Skipped">Published nodes left out of the index because their document could not be made (see the log).</param>
public sealed record IndexStatusModel(
    int Documents, long IndexedGeneration, long SnapshotGeneration, bool Rebuilding, int? Processed, int? Total, IReadOnlyList<SkippedDocumentModel> Skipped);

public sealed record SkippedDocumentModel(Guid Id, string Reason);

public sealed record AuditModel(long Id, DateTime AtUtc, string User, string Action, Guid? NodeKey, IReadOnlyList<string> Cultures, string? Detail)
{
    public static AuditModel From(AuditEntry entry)
    {
        ArgumentNullException.ThrowIfNull(entry);
        return new(entry.Id, entry.AtUtc, entry.User, entry.Action, entry.NodeKey, entry.Cultures, entry.Detail);
    }
}
