using Site.Core.Content;
using Site.Core.Publishing;

namespace Site.Core.Workflow;

/// <summary>
/// Saving and unpublishing as a back-office user: the permission table applied to what the save actually changes, so
/// that a translator can save their own culture but not touch the other one, the invariant values or the structure.
/// </summary>
public interface IEditingService
{
    Task<(WorkflowResult Result, SaveResult? Save)> SaveAsync(ContentEdit edit, BackOfficeUser user, CancellationToken cancellationToken);

    Task<WorkflowResult> UnpublishAsync(Guid key, string culture, BackOfficeUser user, CancellationToken cancellationToken);
}

internal sealed class EditingService(IContentService content, IPublishingService publishing) : IEditingService
{
    public async Task<(WorkflowResult Result, SaveResult? Save)> SaveAsync(ContentEdit edit, BackOfficeUser user, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(edit);
        ArgumentNullException.ThrowIfNull(user);
        var existing = await content.GetAsync(edit.Key, cancellationToken).ConfigureAwait(false);
        var allowed = existing is null
            ? ContentPermissions.Can(user, ContentAction.Create, null)
            : CanEdit(user, existing, edit);
        if (!allowed)
        {
            return (new WorkflowResult(WorkflowStatus.Forbidden, WorkflowMessages.Forbidden), null);
        }

        var saved = await content.SaveAsync(edit, user.Id, cancellationToken).ConfigureAwait(false);
        return (saved.Succeeded ? WorkflowResult.Ok : new WorkflowResult(WorkflowStatus.InvalidTarget, (saved.Errors.Count > 0 ? saved.Errors[0].Message : null)), saved);
    }

    public async Task<WorkflowResult> UnpublishAsync(Guid key, string culture, BackOfficeUser user, CancellationToken cancellationToken)
    {
        if (!ContentPermissions.Can(user, ContentAction.Unpublish, culture))
        {
            return new WorkflowResult(WorkflowStatus.Forbidden, WorkflowMessages.Forbidden);
        }

        var result = await publishing.UnpublishAsync(key, culture, user.Id, cancellationToken).ConfigureAwait(false);
        return result.Succeeded
            ? new WorkflowResult(WorkflowStatus.Success, null, result)
            : new WorkflowResult(result.Status == PublishStatus.NotFound ? WorkflowStatus.NotFound : WorkflowStatus.PublishRefused, (result.Errors.Count > 0 ? result.Errors[0].Message : null), result);
    }

    private static bool CanEdit(BackOfficeUser user, ContentNode existing, ContentEdit edit)
    {
        var structural = edit.ParentKey != existing.ParentKey
            || !string.Equals(edit.ContentTypeAlias, existing.ContentTypeAlias, StringComparison.Ordinal)
            || (edit.SortOrder is { } order && order != existing.SortOrder);
        var changed = ChangedCultures(existing.CurrentVersion.Data, edit.Data);
        if (structural)
        {
            changed.Add(null);
        }

        // Saving an unchanged version is still an edit of something: it needs the right to edit at least one culture.
        return changed.Count == 0
            ? ContentPermissions.Can(user, ContentAction.Edit, null) || (user.TranslatorCulture is { } own && ContentPermissions.Can(user, ContentAction.Edit, own))
            : changed.All(c => ContentPermissions.Can(user, ContentAction.Edit, c));
    }

    /// <summary>The cultures whose name or values differ between two versions; null stands for invariant values.</summary>
    internal static HashSet<string?> ChangedCultures(ContentData before, ContentData after)
    {
        var changed = new HashSet<string?>();
        foreach (var culture in before.Names.Keys.Concat(after.Names.Keys).Distinct(StringComparer.OrdinalIgnoreCase))
        {
            if (!string.Equals(Blank(before.GetName(culture)), Blank(after.GetName(culture)), StringComparison.Ordinal))
            {
                changed.Add(culture);
            }
        }

        foreach (var (alias, culture) in before.Values.Concat(after.Values).Select(v => (v.Alias, v.Culture)).Distinct())
        {
            if (!string.Equals(before.GetValue(alias, culture), after.GetValue(alias, culture), StringComparison.Ordinal))
            {
                changed.Add(culture);
            }
        }

        return changed;
    }

    private static string? Blank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value;
}
