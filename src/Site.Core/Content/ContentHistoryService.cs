using Site.Core.Workflow;

namespace Site.Core.Content;

/// <summary>One difference between two versions: a name or a property value in a culture (null culture: invariant).</summary>
public sealed record ContentChange(string? Alias, string? Culture, string? Before, string? After)
{
    /// <summary>True for the node's name rather than a property.</summary>
    public bool IsName => Alias is null;
}

/// <summary>Every version of a node, what changed between two of them, and rollback to an earlier one (as a new draft).</summary>
public interface IContentHistoryService
{
    Task<IReadOnlyList<ContentChange>?> DiffAsync(Guid key, int fromVersion, int toVersion, CancellationToken cancellationToken);

    Task<SaveResult> RollbackAsync(Guid key, int versionNumber, BackOfficeUser user, CancellationToken cancellationToken);
}

internal sealed class ContentHistoryService(IContentService content) : IContentHistoryService
{
    public async Task<IReadOnlyList<ContentChange>?> DiffAsync(Guid key, int fromVersion, int toVersion, CancellationToken cancellationToken)
    {
        var versions = await content.GetVersionsAsync(key, cancellationToken).ConfigureAwait(false);
        var from = versions.FirstOrDefault(v => v.Number == fromVersion);
        var to = versions.FirstOrDefault(v => v.Number == toVersion);
        return from is null || to is null ? null : Diff(from.Data, to.Data);
    }

    public async Task<SaveResult> RollbackAsync(Guid key, int versionNumber, BackOfficeUser user, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(user);
        if (!ContentPermissions.Can(user, ContentAction.Rollback, null))
        {
            return SaveResult.Refused(SaveStatus.Forbidden, new ContentError(null, null, WorkflowMessages.Forbidden));
        }

        var node = await content.GetAsync(key, cancellationToken).ConfigureAwait(false);
        var versions = await content.GetVersionsAsync(key, cancellationToken).ConfigureAwait(false);
        var old = versions.FirstOrDefault(v => v.Number == versionNumber);
        if (node is null || old is null)
        {
            return SaveResult.Refused(SaveStatus.NotFound, new ContentError(null, null, Messages.NodeNotFound));
        }

        // A rollback is a new draft with the old content: history only grows, and publishing stays a separate step.
        return await content.SaveAsync(
            new ContentEdit(key, node.ParentKey, node.ContentTypeAlias, old.Data, ExpectedVersionNumber: node.CurrentVersion.Number),
            user.Id,
            cancellationToken).ConfigureAwait(false);
    }

    internal static List<ContentChange> Diff(ContentData before, ContentData after)
    {
        var changes = new List<ContentChange>();
        foreach (var culture in before.Names.Keys.Union(after.Names.Keys, StringComparer.OrdinalIgnoreCase).Order(StringComparer.Ordinal))
        {
            var a = before.GetName(culture);
            var b = after.GetName(culture);
            if (!string.Equals(a, b, StringComparison.Ordinal))
            {
                changes.Add(new ContentChange(null, culture, a, b));
            }
        }

        var keys = before.Values.Concat(after.Values)
            .Select(v => (v.Alias, v.Culture))
            .Distinct()
            .OrderBy(k => k.Alias, StringComparer.Ordinal)
            .ThenBy(k => k.Culture ?? string.Empty, StringComparer.Ordinal);
        foreach (var (alias, culture) in keys)
        {
            var a = before.GetValue(alias, culture);
            var b = after.GetValue(alias, culture);
            if (!string.Equals(a, b, StringComparison.Ordinal))
            {
                changes.Add(new ContentChange(alias, culture, a, b));
            }
        }

        return changes;
    }
}
