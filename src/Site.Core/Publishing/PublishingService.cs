using Microsoft.EntityFrameworkCore;
using Site.Core.Audit;
using Site.Core.Content;
using Site.Core.Notifications;
using Site.Core.Storage;

namespace Site.Core.Publishing;

/// <summary>
/// Publishes and unpublishes cultures of a node with Umbraco's rules: the mandatory culture goes first (or with the
/// others); unpublishing it takes the whole node down; invariant values go live with any culture.
/// </summary>
public interface IPublishingService
{
    Task<PublishResult> PublishAsync(Guid key, IReadOnlyCollection<string> cultures, string user, CancellationToken cancellationToken);

    Task<PublishResult> UnpublishAsync(Guid key, string culture, string user, CancellationToken cancellationToken);
}

internal sealed class PublishingService(
    ISiteDbContextFactory dbFactory,
    IContentSchemaStore schemaStore,
    IEventAggregator events,
    TimeProvider clock) : IPublishingService
{
    public async Task<PublishResult> PublishAsync(Guid key, IReadOnlyCollection<string> cultures, string user, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(cultures);
        if (cultures.Count == 0)
        {
            return PublishResult.Refused(PublishStatus.NoCultures, new ContentError(null, null, Messages.NoCultures));
        }

        var schema = await schemaStore.GetAsync(cancellationToken).ConfigureAwait(false);
        await using var db = dbFactory.Create();
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
        var node = await db.Nodes.FirstOrDefaultAsync(n => n.Key == key, cancellationToken).ConfigureAwait(false);
        if (node is null)
        {
            return PublishResult.Refused(PublishStatus.NotFound, new ContentError(null, null, Messages.NodeNotFound));
        }

        if (node.Trashed)
        {
            return PublishResult.Refused(PublishStatus.Trashed, new ContentError(null, null, Messages.Trashed));
        }

        var requested = new List<string>();
        foreach (var culture in cultures.Distinct(StringComparer.OrdinalIgnoreCase))
        {
            var language = schema.Languages.Find(culture);
            if (language is null)
            {
                return PublishResult.Refused(PublishStatus.UnknownCulture, new ContentError(null, culture, Messages.UnknownCulture.Format(culture)));
            }

            requested.Add(language.IsoCode);
        }

        var published = await db.PublishedCultures.Where(p => p.NodeKey == key).ToListAsync(cancellationToken).ConfigureAwait(false);
        foreach (var mandatory in schema.Languages.Mandatory)
        {
            var alreadyLive = published.Any(p => string.Equals(p.Culture, mandatory.IsoCode, StringComparison.OrdinalIgnoreCase));
            if (!alreadyLive && !requested.Contains(mandatory.IsoCode, StringComparer.OrdinalIgnoreCase))
            {
                return PublishResult.Refused(
                    PublishStatus.MandatoryCultureMissing,
                    new ContentError(null, mandatory.IsoCode, Messages.MandatoryCultureMissing.Format(mandatory.IsoCode)));
            }
        }

        if (node.ParentKey is { } parentKey)
        {
            var parentCultures = await db.PublishedCultures.Where(p => p.NodeKey == parentKey)
                .Select(p => p.Culture).ToListAsync(cancellationToken).ConfigureAwait(false);
            var missing = requested.FirstOrDefault(c => !parentCultures.Contains(c, StringComparer.OrdinalIgnoreCase));
            if (missing is not null)
            {
                return PublishResult.Refused(PublishStatus.ParentNotPublished, new ContentError(null, missing, Messages.ParentNotPublished.Format(missing)));
            }
        }

        var type = schema.FindContentType(node.ContentTypeAlias);
        var version = await db.Versions.FirstAsync(v => v.Id == node.CurrentVersionId, cancellationToken).ConfigureAwait(false);
        var data = ContentMapping.DeserializeData(version.DataJson);
        if (type is null)
        {
            return PublishResult.Refused(PublishStatus.ValidationFailed, new ContentError(null, null, Messages.UnknownContentType.Format(node.ContentTypeAlias)));
        }

        var errors = ContentValidator.ValidateForSave(schema, type, data);
        errors.AddRange(ContentValidator.ValidateForPublish(schema, type, data, requested));
        if (errors.Count > 0)
        {
            return new PublishResult(PublishStatus.ValidationFailed, [], errors);
        }

        var now = clock.GetUtcNow().UtcDateTime;
        foreach (var culture in requested)
        {
            var row = published.FirstOrDefault(p => string.Equals(p.Culture, culture, StringComparison.OrdinalIgnoreCase));
            if (row is null)
            {
                db.PublishedCultures.Add(new PublishedCultureRecord { NodeKey = key, Culture = culture, VersionId = version.Id, PublishedAtUtc = now });
            }
            else
            {
                row.VersionId = version.Id;
                row.PublishedAtUtc = now;
            }
        }

        // Invariant values are shared by every culture, so they go live with whichever culture is published.
        node.InvariantPublishedVersionId = version.Id;
        node.UpdateDateUtc = now;
        db.ChangeJournal.Add(new ChangeJournalRecord { NodeKey = key, Kind = ChangeJournalKinds.Publish, Cultures = string.Join(',', requested), AtUtc = now });
        AuditLog.Add(db, now, user, AuditActions.Publish, key, requested, $"version {version.Number}");
        await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
        await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);

        await events.PublishAsync(new ContentPublishedNotification(key, requested), cancellationToken).ConfigureAwait(false);
        return new PublishResult(PublishStatus.Success, requested, []);
    }

    public async Task<PublishResult> UnpublishAsync(Guid key, string culture, string user, CancellationToken cancellationToken)
    {
        var schema = await schemaStore.GetAsync(cancellationToken).ConfigureAwait(false);
        var language = schema.Languages.Find(culture);
        if (language is null)
        {
            return PublishResult.Refused(PublishStatus.UnknownCulture, new ContentError(null, culture, Messages.UnknownCulture.Format(culture)));
        }

        await using var db = dbFactory.Create();
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
        if (!await db.Nodes.AnyAsync(n => n.Key == key, cancellationToken).ConfigureAwait(false))
        {
            return PublishResult.Refused(PublishStatus.NotFound, new ContentError(null, null, Messages.NodeNotFound));
        }

        var published = await db.PublishedCultures.Where(p => p.NodeKey == key).ToListAsync(cancellationToken).ConfigureAwait(false);
        var target = published.FirstOrDefault(p => string.Equals(p.Culture, language.IsoCode, StringComparison.OrdinalIgnoreCase));
        if (target is null)
        {
            return PublishResult.Refused(PublishStatus.NotPublished, new ContentError(null, language.IsoCode, Messages.CultureNotPublished.Format(language.IsoCode)));
        }

        // Without its mandatory culture a node cannot be live at all.
        var removed = language.IsMandatory ? published : [target];
        db.PublishedCultures.RemoveRange(removed);
        var cultures = removed.Select(p => p.Culture).ToList();
        var now = clock.GetUtcNow().UtcDateTime;
        db.ChangeJournal.Add(new ChangeJournalRecord { NodeKey = key, Kind = ChangeJournalKinds.Unpublish, Cultures = string.Join(',', cultures), AtUtc = now });
        AuditLog.Add(db, now, user, AuditActions.Unpublish, key, cultures);
        await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
        await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);

        await events.PublishAsync(new ContentUnpublishedNotification(key, cultures), cancellationToken).ConfigureAwait(false);
        return new PublishResult(PublishStatus.Success, cultures, []);
    }
}
