using System.Security.Cryptography;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using NetVips;
using Site.Core.Audit;
using Site.Core.Content;
using Site.Core.Notifications;
using Site.Core.Storage;
using Site.Core.Workflow;

namespace Site.Core.Media;

/// <summary>The media library: upload (type checked from the content, size limited, images measured), alt text and focal point, delete.</summary>
public interface IMediaService
{
    Task<MediaResult> UploadAsync(Stream content, string fileName, IReadOnlyDictionary<string, string> altText, FocalPoint? focalPoint, BackOfficeUser user, CancellationToken cancellationToken);

    /// <summary>
    /// An upload whose alt text is required in the given cultures only: an image placed in rich text brings its alt
    /// text in the markup of the field's language, and the other languages' texts can be added to the item later.
    /// </summary>
    Task<MediaResult> UploadForTextAsync(Stream content, string fileName, IReadOnlyDictionary<string, string> altText, IReadOnlyCollection<string> altRequiredIn, BackOfficeUser user, CancellationToken cancellationToken);

    Task<MediaResult> UpdateAsync(Guid key, IReadOnlyDictionary<string, string> altText, FocalPoint focalPoint, BackOfficeUser user, CancellationToken cancellationToken);

    Task<MediaResult> DeleteAsync(Guid key, BackOfficeUser user, CancellationToken cancellationToken);

    Task<MediaItem?> GetAsync(Guid key, CancellationToken cancellationToken);

    Task<(int Total, IReadOnlyList<MediaItem> Items)> ListAsync(int skip, int take, CancellationToken cancellationToken);

    /// <summary>The stored original file of an item.</summary>
    string OriginalPath(MediaItem item);

    /// <summary>
    /// Deletes what an interrupted upload or delete left in the media folder (a folder without a record, a partly
    /// written file) when it is older than <paramref name="olderThan"/>; returns how many it deleted.
    /// </summary>
    Task<int> RemoveOrphansAsync(TimeSpan olderThan, CancellationToken cancellationToken);
}

internal sealed class MediaService(
    ISiteDbContextFactory dbFactory,
    IContentSchemaStore schemaStore,
    IOptions<SiteCoreOptions> options,
    IEventAggregator events,
    TimeProvider clock) : IMediaService
{
    private const int SniffLength = 16;
    private const string PartialSuffix = ".partial";

    private string Root => Path.GetFullPath(Path.Combine(options.Value.DataPath, options.Value.Media.Folder));

    public Task<MediaResult> UploadAsync(
        Stream content, string fileName, IReadOnlyDictionary<string, string> altText, FocalPoint? focalPoint, BackOfficeUser user, CancellationToken cancellationToken) =>
        UploadCheckedAsync(content, fileName, altText, focalPoint, null, user, cancellationToken);

    public Task<MediaResult> UploadForTextAsync(
        Stream content, string fileName, IReadOnlyDictionary<string, string> altText, IReadOnlyCollection<string> altRequiredIn, BackOfficeUser user, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(altRequiredIn);
        return UploadCheckedAsync(content, fileName, altText, null, altRequiredIn, user, cancellationToken);
    }

    private async Task<MediaResult> UploadCheckedAsync(
        Stream content, string fileName, IReadOnlyDictionary<string, string> altText, FocalPoint? focalPoint, IReadOnlyCollection<string>? altRequiredIn,
        BackOfficeUser user, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(content);
        ArgumentNullException.ThrowIfNull(altText);
        if (!ContentPermissions.Can(user, ContentAction.Create, null))
        {
            return new MediaResult(MediaStatus.Forbidden, null, WorkflowMessages.Forbidden);
        }

        var limit = options.Value.Media.MaxUploadBytes;
        var bytes = await ReadBoundedAsync(content, limit, cancellationToken).ConfigureAwait(false);
        if (bytes is null)
        {
            return new MediaResult(MediaStatus.TooLarge, null, MediaMessages.TooLarge.Format(limit / (1024 * 1024)));
        }

        if (bytes.Length == 0)
        {
            return new MediaResult(MediaStatus.Empty, null, MediaMessages.Empty);
        }

        if (MediaSniffer.Detect(bytes.AsSpan(0, Math.Min(SniffLength, bytes.Length))) is not { } type)
        {
            return new MediaResult(MediaStatus.UnsupportedType, null, MediaMessages.UnsupportedType);
        }

        if (altRequiredIn is not null && type.Kind != MediaKind.Image)
        {
            // Placed in a text: an image or nothing (a document would be a link, through the media screen).
            return new MediaResult(MediaStatus.UnsupportedType, null, MediaMessages.ImageOnly);
        }

        var focal = focalPoint ?? FocalPoint.Centre;
        if (!focal.IsValid)
        {
            return new MediaResult(MediaStatus.InvalidFocalPoint, null, MediaMessages.InvalidFocalPoint);
        }

        int? width = null, height = null;
        if (type.Kind == MediaKind.Image)
        {
            var missing = await MissingAltAsync(altText, altRequiredIn, cancellationToken).ConfigureAwait(false);
            if (missing is not null)
            {
                return new MediaResult(MediaStatus.AltTextRequired, null, MediaMessages.AltTextRequired.Format(missing));
            }

            try
            {
                // Only the header is read here: nothing is decoded before the size is known to be within the limit.
                using var image = Image.NewFromBuffer(bytes, access: Enums.Access.Sequential);
                (width, height) = (image.Width, image.Height);
                var maxPixels = options.Value.Media.MaxImagePixels;
                if (MediaRenditions.IsTooLarge(image.Width, image.Height, maxPixels))
                {
                    return new MediaResult(MediaStatus.TooManyPixels, null, MediaMessages.TooManyPixels.Format(image.Width, image.Height, maxPixels / 1_000_000.0));
                }
            }
            catch (VipsException)
            {
                return new MediaResult(MediaStatus.Corrupt, null, MediaMessages.Corrupt);
            }
        }

        var item = new MediaItem(
            Guid.NewGuid(),
            string.IsNullOrWhiteSpace(fileName) ? "file" : Path.GetFileName(fileName.Trim()),
            type.Kind,
            type.MediaType,
            type.Extension,
            bytes.Length,
            width,
            height,
            focal,
            altText.Where(a => !string.IsNullOrWhiteSpace(a.Value)).ToDictionary(a => a.Key, a => a.Value.Trim(), StringComparer.OrdinalIgnoreCase),
            Convert.ToHexStringLower(SHA256.HashData(bytes)),
            clock.GetUtcNow().UtcDateTime,
            user.Id);
        // The file is whole under its name before the record exists (written aside, flushed to disk, renamed): a crash
        // leaves at worst a file without a record, which the start's sweep removes, never a record without its file.
        var path = OriginalPath(item);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        var partial = path + PartialSuffix;
        await using (var file = new FileStream(partial, FileMode.CreateNew, FileAccess.Write, FileShare.None))
        {
            await file.WriteAsync(bytes, cancellationToken).ConfigureAwait(false);
            file.Flush(flushToDisk: true);
        }

        File.Move(partial, path);
        try
        {
            await using var db = dbFactory.Create();
            db.Media.Add(ToRecord(item));
            AuditLog.Add(db, item.CreatedAtUtc, user.Id, AuditActions.Upload, item.Key, [], $"{item.MediaType}, {item.Bytes} bytes");
            Journal(db, item.Key, item.CreatedAtUtc);
            await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
        }
        catch
        {
            Directory.Delete(Path.GetDirectoryName(path)!, recursive: true);
            throw;
        }

        await events.PublishAsync(new MediaChangedNotification(item.Key), cancellationToken).ConfigureAwait(false);
        return new MediaResult(MediaStatus.Success, item);
    }

    public async Task<MediaResult> UpdateAsync(Guid key, IReadOnlyDictionary<string, string> altText, FocalPoint focalPoint, BackOfficeUser user, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(altText);
        if (!ContentPermissions.Can(user, ContentAction.Edit, null))
        {
            return new MediaResult(MediaStatus.Forbidden, null, WorkflowMessages.Forbidden);
        }

        if (!focalPoint.IsValid)
        {
            return new MediaResult(MediaStatus.InvalidFocalPoint, null, MediaMessages.InvalidFocalPoint);
        }

        await using var db = dbFactory.Create();
        var record = await db.Media.FirstOrDefaultAsync(m => m.Key == key, cancellationToken).ConfigureAwait(false);
        if (record is null)
        {
            return new MediaResult(MediaStatus.NotFound, null, MediaMessages.NotFound);
        }

        if (record.Kind == nameof(MediaKind.Image) && await MissingAltAsync(altText, null, cancellationToken).ConfigureAwait(false) is { } missing)
        {
            return new MediaResult(MediaStatus.AltTextRequired, null, MediaMessages.AltTextRequired.Format(missing));
        }

        record.AltJson = JsonSerializer.Serialize(altText.Where(a => !string.IsNullOrWhiteSpace(a.Value)).ToDictionary(a => a.Key, a => a.Value.Trim()));
        record.FocalLeft = focalPoint.Left;
        record.FocalTop = focalPoint.Top;
        var now = clock.GetUtcNow().UtcDateTime;
        AuditLog.Add(db, now, user.Id, AuditActions.MediaUpdate, key, []);
        Journal(db, key, now);
        await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
        await events.PublishAsync(new MediaChangedNotification(record.Key), cancellationToken).ConfigureAwait(false);
        return new MediaResult(MediaStatus.Success, ToItem(record));
    }

    public async Task<MediaResult> DeleteAsync(Guid key, BackOfficeUser user, CancellationToken cancellationToken)
    {
        if (!ContentPermissions.Can(user, ContentAction.Delete, null))
        {
            return new MediaResult(MediaStatus.Forbidden, null, WorkflowMessages.Forbidden);
        }

        await using var db = dbFactory.Create();
        var record = await db.Media.FirstOrDefaultAsync(m => m.Key == key, cancellationToken).ConfigureAwait(false);
        if (record is null)
        {
            return new MediaResult(MediaStatus.NotFound, null, MediaMessages.NotFound);
        }

        db.Media.Remove(record);
        var now = clock.GetUtcNow().UtcDateTime;
        AuditLog.Add(db, now, user.Id, AuditActions.MediaDelete, key, [], record.Name);
        Journal(db, key, now);
        await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
        var folder = Path.Combine(Root, key.ToString("N"));
        if (Directory.Exists(folder))
        {
            Directory.Delete(folder, recursive: true);
        }

        await events.PublishAsync(new MediaChangedNotification(key), cancellationToken).ConfigureAwait(false);
        return new MediaResult(MediaStatus.Success, ToItem(record));
    }

    public async Task<int> RemoveOrphansAsync(TimeSpan olderThan, CancellationToken cancellationToken)
    {
        if (!Directory.Exists(Root))
        {
            return 0;
        }

        HashSet<Guid> known;
        await using (var db = dbFactory.Create())
        {
            known = [.. await db.Media.AsNoTracking().Select(m => m.Key).ToListAsync(cancellationToken).ConfigureAwait(false)];
        }

        var cutoff = clock.GetUtcNow().UtcDateTime - olderThan;
        var removed = 0;
        foreach (var folder in Directory.EnumerateDirectories(Root))
        {
            // Only folders named as this library names them, and not touched lately: another instance sharing the
            // folder may be between writing a file and committing its record.
            if (!Guid.TryParseExact(Path.GetFileName(folder), "N", out var key) || Directory.GetLastWriteTimeUtc(folder) > cutoff)
            {
                continue;
            }

            if (!known.Contains(key))
            {
                Directory.Delete(folder, recursive: true);
                removed++;
                continue;
            }

            foreach (var partial in Directory.EnumerateFiles(folder, "*" + PartialSuffix).Where(f => File.GetLastWriteTimeUtc(f) <= cutoff))
            {
                File.Delete(partial);
                removed++;
            }
        }

        return removed;
    }

    /// <summary>Other instances reload their library when they read this row (in the same transaction as the change).</summary>
    private static void Journal(SiteDbContext db, Guid key, DateTime now) =>
        db.ChangeJournal.Add(new ChangeJournalRecord { NodeKey = key, Kind = ChangeJournalKinds.Media, Cultures = string.Empty, AtUtc = now });

    public async Task<MediaItem?> GetAsync(Guid key, CancellationToken cancellationToken)
    {
        await using var db = dbFactory.Create();
        var record = await db.Media.AsNoTracking().FirstOrDefaultAsync(m => m.Key == key, cancellationToken).ConfigureAwait(false);
        return record is null ? null : ToItem(record);
    }

    public async Task<(int Total, IReadOnlyList<MediaItem> Items)> ListAsync(int skip, int take, CancellationToken cancellationToken)
    {
        await using var db = dbFactory.Create();
        var total = await db.Media.CountAsync(cancellationToken).ConfigureAwait(false);
        var page = await db.Media.AsNoTracking().OrderByDescending(m => m.CreatedAtUtc).ThenBy(m => m.Key)
            .Skip(Math.Max(0, skip)).Take(Math.Clamp(take, 1, 200))
            .ToListAsync(cancellationToken).ConfigureAwait(false);
        return (total, [.. page.Select(ToItem)]);
    }

    public string OriginalPath(MediaItem item)
    {
        ArgumentNullException.ThrowIfNull(item);
        return Path.Combine(Root, item.Key.ToString("N"), "original" + item.Extension);
    }

    private async Task<string?> MissingAltAsync(IReadOnlyDictionary<string, string> altText, IReadOnlyCollection<string>? requiredIn, CancellationToken cancellationToken)
    {
        var languages = (await schemaStore.GetAsync(cancellationToken).ConfigureAwait(false)).Languages.All
            .Where(l => requiredIn is null || requiredIn.Contains(l.IsoCode, StringComparer.OrdinalIgnoreCase));
        return languages.FirstOrDefault(l => !altText.Any(a => string.Equals(a.Key, l.IsoCode, StringComparison.OrdinalIgnoreCase) && !string.IsNullOrWhiteSpace(a.Value)))?.IsoCode;
    }

    /// <summary>Reads at most <paramref name="limit"/> bytes; null when there are more (nothing beyond the limit is buffered).</summary>
    private static async Task<byte[]?> ReadBoundedAsync(Stream content, long limit, CancellationToken cancellationToken)
    {
        using var buffer = new MemoryStream();
        var chunk = new byte[81920];
        int read;
        while ((read = await content.ReadAsync(chunk, cancellationToken).ConfigureAwait(false)) > 0)
        {
            if (buffer.Length + read > limit)
            {
                return null;
            }

            buffer.Write(chunk, 0, read);
        }

        return buffer.ToArray();
    }

    internal static MediaItem ToItem(MediaRecord r) => new(
        r.Key,
        r.Name,
        Enum.Parse<MediaKind>(r.Kind),
        r.MediaType,
        r.Extension,
        r.Bytes,
        r.Width,
        r.Height,
        new FocalPoint(r.FocalLeft, r.FocalTop),
        JsonSerializer.Deserialize<Dictionary<string, string>>(r.AltJson) ?? [],
        r.Hash,
        ContentMapping.AsUtc(r.CreatedAtUtc),
        r.CreatedBy);

    private static MediaRecord ToRecord(MediaItem item) => new()
    {
        Key = item.Key,
        Name = item.Name,
        Kind = item.Kind.ToString(),
        MediaType = item.MediaType,
        Extension = item.Extension,
        Bytes = item.Bytes,
        Width = item.Width,
        Height = item.Height,
        FocalLeft = item.FocalPoint.Left,
        FocalTop = item.FocalPoint.Top,
        AltJson = JsonSerializer.Serialize(item.AltText),
        Hash = item.Hash,
        CreatedAtUtc = item.CreatedAtUtc,
        CreatedBy = item.CreatedBy,
    };
}
