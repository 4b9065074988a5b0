using System.Buffers;
using System.Data;
using System.Data.Common;
using System.IO.Compression;
using System.Linq.Expressions;
using System.Runtime.CompilerServices;
using System.Security.Cryptography;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Site.Core.Audit;
using Site.Core.Content;
using Site.Core.Storage;

namespace Site.Core.Backup;

/// <summary>
/// A whole site in one file, and back: every table of the database (content with its history, schema, media records,
/// back-office users, the audit trail; members only when asked for) and the media originals. The search index and
/// image renditions are not in it: a restored site builds them again.
/// </summary>
public interface ISiteBackup
{
    Task<BackupResult> CreateAsync(string file, bool includeMembers, string user, CancellationToken cancellationToken);

    /// <summary>Restores a backup into an empty database (migrated here); nothing is written unless all of it is.</summary>
    Task<RestoreResult> RestoreAsync(string file, string user, CancellationToken cancellationToken);
}

public sealed record BackupResult(string File, long Rows, int MediaFiles, int MissingMediaFiles, bool IncludesMembers, LocalizedText? Problem)
{
    public bool Succeeded => Problem is null;
}

public sealed record RestoreResult(long Rows, int MediaFiles, bool IncludesMembers, DateTime? CreatedUtc, LocalizedText? Problem)
{
    public bool Succeeded => Problem is null;

    internal static RestoreResult Failed(LocalizedText problem) => new(0, 0, false, null, problem);
}

internal sealed partial class SiteBackup(
    IEnumerable<IBackupStore> stores,
    IOptions<SiteCoreOptions> options,
    TimeProvider clock,
    ILogger<SiteBackup> logger) : ISiteBackup
{
    private const string ManifestEntry = "backup.json";
    private const int InsertBatch = 500;

    private static readonly JsonSerializerOptions ManifestJson = new(JsonSerializerDefaults.Web) { WriteIndented = true };

    private readonly IReadOnlyList<IBackupStore> _stores = [.. stores.OrderBy(s => s.Order)];

    private string MediaRoot => Path.GetFullPath(Path.Combine(options.Value.DataPath, options.Value.Media.Folder));

    public async Task<BackupResult> CreateAsync(string file, bool includeMembers, string user, CancellationToken cancellationToken)
    {
        var target = Path.GetFullPath(file);
        // Written beside the target and renamed when whole, so a backup file is never half written.
        var partial = target + ".partial";
        Directory.CreateDirectory(Path.GetDirectoryName(target)!);
        var contexts = _stores.Select(s => s.Create()).ToList();
        try
        {
            var manifest = new BackupManifest
            {
                Version = BackupManifest.CurrentVersion,
                CreatedUtc = clock.GetUtcNow().UtcDateTime,
                Provider = options.Value.DatabaseProvider.ToString(),
                IncludesMembers = includeMembers,
            };
            long rows = 0;
            var missing = 0;
            await using (var transaction = await ShareOneConnectionAsync(contexts, readOnly: true, cancellationToken).ConfigureAwait(false))
            {
                foreach (var (store, db) in _stores.Zip(contexts))
                {
                    if ((await db.Database.GetPendingMigrationsAsync(cancellationToken).ConfigureAwait(false)).Any())
                    {
                        return new BackupResult(target, 0, 0, 0, includeMembers, BackupMessages.NotMigrated);
                    }
                }

                await using var output = new FileStream(partial, FileMode.Create, FileAccess.Write, FileShare.None);
                using (var zip = new ZipArchive(output, ZipArchiveMode.Create))
                {
                    foreach (var (store, db) in _stores.Zip(contexts))
                    {
                        var entry = new BackupStoreEntry
                        {
                            Name = store.Name,
                            Migrations = [.. (await db.Database.GetAppliedMigrationsAsync(cancellationToken).ConfigureAwait(false)).Select(MigrationName)],
                        };
                        foreach (var table in TablesInInsertOrder(db.Model).Where(t => includeMembers || !store.IsPersonalData(t)))
                        {
                            var tableEntry = await WriteTableAsync(zip, store, db, table, cancellationToken).ConfigureAwait(false);
                            entry.Tables.Add(tableEntry);
                            rows += tableEntry.Rows;
                        }

                        manifest.Stores.Add(entry);
                    }

                    var site = contexts.OfType<SiteDbContext>().Single();
                    var media = await site.Media.AsNoTracking().OrderBy(m => m.Key).Select(m => new { m.Key, m.Extension })
                        .ToListAsync(cancellationToken).ConfigureAwait(false);
                    foreach (var item in media)
                    {
                        var relative = MediaEntryPath(item.Key, item.Extension);
                        var source = Path.Combine(MediaRoot, relative);
                        if (!File.Exists(source))
                        {
                            missing++;
                            LogMissingMedia(logger, source);
                            continue;
                        }

                        manifest.Media.Add(await WriteFileAsync(zip, "media/" + relative, source, cancellationToken).ConfigureAwait(false));
                    }

                    var manifestEntry = zip.CreateEntry(ManifestEntry, CompressionLevel.Optimal);
                    await using var manifestStream = await manifestEntry.OpenAsync(cancellationToken).ConfigureAwait(false);
                    await JsonSerializer.SerializeAsync(manifestStream, manifest, ManifestJson, cancellationToken).ConfigureAwait(false);
                }
            }

            File.Move(partial, target, overwrite: true);
            foreach (var db in contexts)
            {
                await db.Database.UseTransactionAsync(null, cancellationToken).ConfigureAwait(false);
            }

            await AuditAsync(contexts.OfType<SiteDbContext>().Single(), user, AuditActions.BackupCreate,
                $"{Path.GetFileName(target)}: {rows} rows, {manifest.Media.Count} media files{(includeMembers ? ", members included" : string.Empty)}",
                cancellationToken).ConfigureAwait(false);
            return new BackupResult(target, rows, manifest.Media.Count, missing, includeMembers, null);
        }
        finally
        {
            File.Delete(partial);
            foreach (var db in contexts)
            {
                await db.DisposeAsync().ConfigureAwait(false);
            }
        }
    }

    public async Task<RestoreResult> RestoreAsync(string file, string user, CancellationToken cancellationToken)
    {
        var source = Path.GetFullPath(file);
        if (!File.Exists(source))
        {
            return RestoreResult.Failed(BackupMessages.NoSuchFile.Format(source));
        }

        ZipArchive zip;
        var stream = File.OpenRead(source);
        try
        {
            zip = new ZipArchive(stream, ZipArchiveMode.Read);
        }
        catch (InvalidDataException)
        {
            await stream.DisposeAsync().ConfigureAwait(false);
            return RestoreResult.Failed(BackupMessages.NotABackup.Format(source));
        }

        using (zip)
        {
            var (manifest, problem) = await ReadManifestAsync(zip, cancellationToken).ConfigureAwait(false);
            if (manifest is null)
            {
                return RestoreResult.Failed(problem!);
            }

            if (await FindDamageAsync(zip, manifest, cancellationToken).ConfigureAwait(false) is { } damage)
            {
                return RestoreResult.Failed(damage);
            }

            var contexts = _stores.Select(s => s.Create()).ToList();
            List<string> written = [];
            try
            {
                foreach (var db in contexts)
                {
                    await db.Database.MigrateAsync(cancellationToken).ConfigureAwait(false);
                }

                if (await FindSchemaDifferenceAsync(manifest, contexts, cancellationToken).ConfigureAwait(false) is { } difference)
                {
                    return RestoreResult.Failed(difference);
                }

                await using var transaction = await ShareOneConnectionAsync(contexts, readOnly: false, cancellationToken).ConfigureAwait(false);
                var occupied = await OccupiedTablesAsync(contexts, transaction, cancellationToken).ConfigureAwait(false);
                if (occupied.Count > 0)
                {
                    return RestoreResult.Failed(BackupMessages.NotEmpty.Format(string.Join(", ", occupied)));
                }

                long rows = 0;
                foreach (var (store, db) in _stores.Zip(contexts))
                {
                    var stored = manifest.Stores.Single(s => s.Name == store.Name).Tables.ToDictionary(t => t.Table, StringComparer.Ordinal);
                    foreach (var table in TablesInInsertOrder(db.Model))
                    {
                        if (stored.TryGetValue(table.GetTableName()!, out var entry))
                        {
                            rows += await InsertTableAsync(zip, db, table, entry, cancellationToken).ConfigureAwait(false);
                        }
                    }

                    await ResetIdentitySequencesAsync(db, transaction, cancellationToken).ConfigureAwait(false);
                }

                foreach (var media in manifest.Media)
                {
                    written.Add(await ExtractMediaAsync(zip, media, cancellationToken).ConfigureAwait(false));
                }

                var site = contexts.OfType<SiteDbContext>().Single();
                await AuditAsync(site, user, AuditActions.BackupRestore,
                    $"{Path.GetFileName(source)} ({manifest.CreatedUtc:u}): {rows} rows, {manifest.Media.Count} media files{(manifest.IncludesMembers ? ", members included" : string.Empty)}",
                    cancellationToken).ConfigureAwait(false);
                await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
                written.Clear();
                return new RestoreResult(rows, manifest.Media.Count, manifest.IncludesMembers, manifest.CreatedUtc, null);
            }
            catch (Exception exception) when (exception is DbException or DbUpdateException or JsonException or BackupFormatException)
            {
                LogRestoreFailed(logger, exception, source);
                return RestoreResult.Failed(BackupMessages.RestoreFailed.Format(exception.GetBaseException().Message));
            }
            finally
            {
                // Files of a restore that did not commit would be orphans: the database holds no record of them.
                foreach (var path in written)
                {
                    TryDelete(path);
                }

                foreach (var db in contexts)
                {
                    await db.DisposeAsync().ConfigureAwait(false);
                }
            }
        }
    }

    /// <summary>
    /// Every store on one connection in one transaction: a backup reads one consistent state of the whole database
    /// while editors keep working (a deferred read on SQLite, a repeatable-read snapshot on PostgreSQL), and a restore
    /// writes all or nothing.
    /// </summary>
    private static async Task<DbTransaction> ShareOneConnectionAsync(List<DbContext> contexts, bool readOnly, CancellationToken cancellationToken)
    {
        var connection = contexts[0].Database.GetDbConnection();
        foreach (var db in contexts.Skip(1))
        {
            db.Database.SetDbConnection(connection);
        }

        await connection.OpenAsync(cancellationToken).ConfigureAwait(false);
        DbTransaction transaction = connection switch
        {
            SqliteConnection sqlite => sqlite.BeginTransaction(deferred: readOnly),
            _ => await connection.BeginTransactionAsync(readOnly ? IsolationLevel.RepeatableRead : IsolationLevel.ReadCommitted, cancellationToken).ConfigureAwait(false),
        };
        foreach (var db in contexts)
        {
            db.ChangeTracker.QueryTrackingBehavior = QueryTrackingBehavior.NoTracking;
            db.ChangeTracker.AutoDetectChangesEnabled = false;
            await db.Database.UseTransactionAsync(transaction, cancellationToken).ConfigureAwait(false);
        }

        return transaction;
    }

    /// <summary>The tables of a model, each after the tables its foreign keys point at.</summary>
    internal static IReadOnlyList<IEntityType> TablesInInsertOrder(IModel model)
    {
        var tables = model.GetEntityTypes().Where(t => t.GetTableName() is not null && !t.IsOwned()).OrderBy(t => t.GetTableName(), StringComparer.Ordinal).ToList();
        List<IEntityType> ordered = [];
        HashSet<IEntityType> placed = [];
        void Place(IEntityType table, HashSet<IEntityType> visiting)
        {
            if (placed.Contains(table) || !visiting.Add(table))
            {
                return;
            }

            foreach (var principal in table.GetForeignKeys().Select(k => k.PrincipalEntityType).Where(p => p != table))
            {
                Place(principal, visiting);
            }

            placed.Add(table);
            ordered.Add(table);
        }

        foreach (var table in tables)
        {
            Place(table, []);
        }

        return ordered;
    }

    private static async Task<BackupTableEntry> WriteTableAsync(ZipArchive zip, IBackupStore store, DbContext db, IEntityType table, CancellationToken cancellationToken)
    {
        var properties = table.GetProperties().ToList();
        if (properties.FirstOrDefault(p => p.IsShadowProperty()) is { } shadow)
        {
            throw new InvalidOperationException($"{table.DisplayName()}.{shadow.Name} is a shadow property: a backup reads values from the entity.");
        }

        var path = $"data/{store.Name}/{table.GetTableName()}.jsonl";
        var zipEntry = zip.CreateEntry(path, CompressionLevel.Optimal);
        await using var output = await zipEntry.OpenAsync(cancellationToken).ConfigureAwait(false);
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        var buffer = new ArrayBufferWriter<byte>();
        await using var json = new Utf8JsonWriter(buffer);
        long rows = 0;
        await foreach (var row in Rows(db, table).WithCancellation(cancellationToken).ConfigureAwait(false))
        {
            buffer.ResetWrittenCount();
            json.Reset(buffer);
            json.WriteStartObject();
            foreach (var property in properties)
            {
                json.WritePropertyName(property.Name);
                var value = property.PropertyInfo is { } info ? info.GetValue(row) : property.FieldInfo!.GetValue(row);
                JsonSerializer.Serialize(json, AsUtc(value), property.ClrType);
            }

            json.WriteEndObject();
            await json.FlushAsync(cancellationToken).ConfigureAwait(false);
            buffer.Write("\n"u8);
            hash.AppendData(buffer.WrittenSpan);
            await output.WriteAsync(buffer.WrittenMemory, cancellationToken).ConfigureAwait(false);
            rows++;
        }

        return new BackupTableEntry { Table = table.GetTableName()!, File = path, Rows = rows, Sha256 = Convert.ToHexStringLower(hash.GetHashAndReset()) };
    }

    /// <summary>Every row of a table, in key order (so that two backups of one state are the same file).</summary>
    private static IAsyncEnumerable<object> Rows(DbContext db, IEntityType table)
    {
        var set = (IQueryable)SetMethod.MakeGenericMethod(table.ClrType).Invoke(db, null)!;
        var expression = set.Expression;
        var row = Expression.Parameter(table.ClrType, "row");
        var first = true;
        foreach (var key in table.FindPrimaryKey()!.Properties)
        {
            var selector = Expression.Lambda(Expression.Property(row, key.PropertyInfo!), row);
            expression = Expression.Call(typeof(Queryable), first ? nameof(Queryable.OrderBy) : nameof(Queryable.ThenBy),
                [table.ClrType, key.ClrType], expression, Expression.Quote(selector));
            first = false;
        }

        return (IAsyncEnumerable<object>)set.Provider.CreateQuery(expression);
    }

    private static readonly System.Reflection.MethodInfo SetMethod = typeof(DbContext).GetMethod(nameof(DbContext.Set), Type.EmptyTypes)!;

    private static async Task<long> InsertTableAsync(ZipArchive zip, DbContext db, IEntityType table, BackupTableEntry entry, CancellationToken cancellationToken)
    {
        var zipEntry = zip.GetEntry(entry.File) ?? throw new BackupFormatException($"{entry.File} is missing");
        await using var input = await zipEntry.OpenAsync(cancellationToken).ConfigureAwait(false);
        using var reader = new StreamReader(input);
        long rows = 0;
        var pending = 0;
        while (await reader.ReadLineAsync(cancellationToken).ConfigureAwait(false) is { } line)
        {
            if (line.Length == 0)
            {
                continue;
            }

            using var document = JsonDocument.Parse(line);
            var entity = RuntimeHelpers.GetUninitializedObject(table.ClrType);
            var values = db.Entry(entity);
            foreach (var value in document.RootElement.EnumerateObject())
            {
                var property = table.FindProperty(value.Name)
                    ?? throw new BackupFormatException($"{entry.File}: {table.GetTableName()} has no column {value.Name}");
                values.Property(property.Name).CurrentValue = AsUtc(value.Value.Deserialize(property.ClrType));
            }

            values.State = EntityState.Added;
            rows++;
            if (++pending == InsertBatch)
            {
                await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
                db.ChangeTracker.Clear();
                pending = 0;
            }
        }

        await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
        db.ChangeTracker.Clear();
        return rows;
    }

    /// <summary>Keys given by the database start after the restored rows' keys (SQLite does this by itself).</summary>
    private static async Task ResetIdentitySequencesAsync(DbContext db, DbTransaction transaction, CancellationToken cancellationToken)
    {
        if (transaction.Connection is SqliteConnection)
        {
            return;
        }

        var sql = db.GetService<ISqlGenerationHelper>();
        foreach (var table in db.Model.GetEntityTypes().Where(t => t.GetTableName() is not null))
        {
            if (table.FindPrimaryKey()?.Properties is not [var key] || key.ValueGenerated != ValueGenerated.OnAdd
                || (key.ClrType != typeof(long) && key.ClrType != typeof(int)))
            {
                continue;
            }

            var name = sql.DelimitIdentifier(table.GetTableName()!, table.GetSchema());
            var column = key.GetColumnName(StoreObjectIdentifier.Table(table.GetTableName()!, table.GetSchema()))!;
            var quoted = sql.DelimitIdentifier(column);
            await using var command = transaction.Connection!.CreateCommand();
            command.Transaction = transaction;
            command.CommandText = $"SELECT setval(pg_get_serial_sequence('{name.Replace("'", "''", StringComparison.Ordinal)}', '{column}'), COALESCE(MAX({quoted}), 1), MAX({quoted}) IS NOT NULL) FROM {name}";
            await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false);
        }
    }

    private static async Task<List<string>> OccupiedTablesAsync(List<DbContext> contexts, DbTransaction transaction, CancellationToken cancellationToken)
    {
        List<string> occupied = [];
        foreach (var db in contexts)
        {
            var sql = db.GetService<ISqlGenerationHelper>();
            foreach (var table in TablesInInsertOrder(db.Model))
            {
                await using var command = transaction.Connection!.CreateCommand();
                command.Transaction = transaction;
                command.CommandText = $"SELECT COUNT(*) FROM {sql.DelimitIdentifier(table.GetTableName()!, table.GetSchema())}";
                var count = Convert.ToInt64(await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false), System.Globalization.CultureInfo.InvariantCulture);
                if (count > 0)
                {
                    occupied.Add($"{table.GetTableName()} ({count})");
                }
            }
        }

        return occupied;
    }

    private async Task<LocalizedText?> FindSchemaDifferenceAsync(BackupManifest manifest, List<DbContext> contexts, CancellationToken cancellationToken)
    {
        Dictionary<string, List<string>> here = new(StringComparer.Ordinal);
        foreach (var (store, db) in _stores.Zip(contexts))
        {
            here[store.Name] = [.. (await db.Database.GetAppliedMigrationsAsync(cancellationToken).ConfigureAwait(false)).Select(MigrationName)];
        }

        var same = manifest.Stores.Count == here.Count && manifest.Stores.All(s =>
            here.TryGetValue(s.Name, out var applied) && s.Migrations.SequenceEqual(applied, StringComparer.Ordinal));
        if (!same)
        {
            static string Describe(IEnumerable<(string Store, List<string> Migrations)> schema) =>
                string.Join(", ", schema.Select(s => $"{s.Store} {s.Migrations.LastOrDefault() ?? "-"}"));
            return BackupMessages.OtherSchema.Format(
                Describe(manifest.Stores.Select(s => (s.Name, s.Migrations))), Describe(here.Select(h => (h.Key, h.Value))));
        }

        // Every table the backup lists must be a table of this site's model.
        foreach (var (store, db) in _stores.Zip(contexts))
        {
            var known = db.Model.GetEntityTypes().Select(t => t.GetTableName()).ToHashSet(StringComparer.Ordinal);
            if (manifest.Stores.Single(s => s.Name == store.Name).Tables.FirstOrDefault(t => !known.Contains(t.Table)) is { } stray)
            {
                return BackupMessages.Damaged.Format(stray.File);
            }
        }

        return null;
    }

    private static async Task<(BackupManifest? Manifest, LocalizedText? Problem)> ReadManifestAsync(ZipArchive zip, CancellationToken cancellationToken)
    {
        if (zip.GetEntry(ManifestEntry) is not { } entry)
        {
            return (null, BackupMessages.NoManifest.Format(ManifestEntry));
        }

        try
        {
            await using var stream = await entry.OpenAsync(cancellationToken).ConfigureAwait(false);
            var manifest = await JsonSerializer.DeserializeAsync<BackupManifest>(stream, ManifestJson, cancellationToken).ConfigureAwait(false);
            if (manifest is null || manifest.Format != BackupManifest.FormatName)
            {
                return (null, BackupMessages.NoManifest.Format(ManifestEntry));
            }

            return manifest.Version != BackupManifest.CurrentVersion
                ? (null, BackupMessages.OtherFormatVersion.Format(manifest.Version, BackupManifest.CurrentVersion))
                : (manifest, null);
        }
        catch (Exception exception) when (exception is JsonException or InvalidDataException)
        {
            return (null, BackupMessages.NoManifest.Format(ManifestEntry));
        }
    }

    /// <summary>Checks every file the manifest lists against its hash before anything is written.</summary>
    private static async Task<LocalizedText?> FindDamageAsync(ZipArchive zip, BackupManifest manifest, CancellationToken cancellationToken)
    {
        var files = manifest.Stores.SelectMany(s => s.Tables.Select(t => (t.File, t.Sha256)))
            .Concat(manifest.Media.Select(m => (m.File, m.Sha256)));
        foreach (var (path, expected) in files)
        {
            if (manifest.Media.Any(m => m.File == path) && !MediaEntryPattern().IsMatch(path))
            {
                return BackupMessages.Damaged.Format(path);
            }

            if (zip.GetEntry(path) is not { } entry)
            {
                return BackupMessages.Damaged.Format(path);
            }

            try
            {
                await using var stream = await entry.OpenAsync(cancellationToken).ConfigureAwait(false);
                var actual = Convert.ToHexStringLower(await SHA256.HashDataAsync(stream, cancellationToken).ConfigureAwait(false));
                if (!string.Equals(actual, expected, StringComparison.Ordinal))
                {
                    return BackupMessages.Damaged.Format(path);
                }
            }
            catch (InvalidDataException)
            {
                return BackupMessages.Damaged.Format(path);
            }
        }

        return null;
    }

    private static async Task<BackupFileEntry> WriteFileAsync(ZipArchive zip, string path, string source, CancellationToken cancellationToken)
    {
        // Photos are compressed already: storing them saves the time of deflating them again.
        var entry = zip.CreateEntry(path, CompressionLevel.NoCompression);
        await using var output = await entry.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var input = File.OpenRead(source);
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        var buffer = ArrayPool<byte>.Shared.Rent(81920);
        try
        {
            long bytes = 0;
            int read;
            while ((read = await input.ReadAsync(buffer, cancellationToken).ConfigureAwait(false)) > 0)
            {
                hash.AppendData(buffer, 0, read);
                await output.WriteAsync(buffer.AsMemory(0, read), cancellationToken).ConfigureAwait(false);
                bytes += read;
            }

            return new BackupFileEntry { File = path, Bytes = bytes, Sha256 = Convert.ToHexStringLower(hash.GetHashAndReset()) };
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    private async Task<string> ExtractMediaAsync(ZipArchive zip, BackupFileEntry media, CancellationToken cancellationToken)
    {
        // The path was checked against the media pattern (no "..", no rooted path) before anything was written.
        var target = Path.GetFullPath(Path.Combine(MediaRoot, media.File["media/".Length..]));
        Directory.CreateDirectory(Path.GetDirectoryName(target)!);
        var partial = target + ".partial";
        await using (var input = await zip.GetEntry(media.File)!.OpenAsync(cancellationToken).ConfigureAwait(false))
        await using (var output = new FileStream(partial, FileMode.Create, FileAccess.Write, FileShare.None))
        {
            await input.CopyToAsync(output, cancellationToken).ConfigureAwait(false);
        }

        File.Move(partial, target, overwrite: true);
        return target;
    }

    private async Task AuditAsync(SiteDbContext site, string user, string action, string detail, CancellationToken cancellationToken)
    {
        site.ChangeTracker.Clear();
        AuditLog.Add(site, clock.GetUtcNow().UtcDateTime, user, action, null, [], detail);
        await site.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
    }

    private static string MediaEntryPath(Guid key, string extension) => $"{key:N}/original{extension}";

    /// <summary>The name of a migration without its time stamp, which differs between the providers' migrations.</summary>
    private static string MigrationName(string id) => id[(id.IndexOf('_', StringComparison.Ordinal) + 1)..];

    /// <summary>Times are stored as UTC; SQLite gives them back unmarked, which PostgreSQL refuses.</summary>
    private static object? AsUtc(object? value) =>
        value is DateTime { Kind: not DateTimeKind.Utc } time ? ContentMapping.AsUtc(time) : value;

    private static void TryDelete(string path)
    {
        try
        {
            File.Delete(path);
        }
        catch (IOException)
        {
            // Left for the operator: the restore's message says it did not complete.
        }
    }

    [GeneratedRegex("^media/[0-9a-f]{32}/original\\.[A-Za-z0-9]{1,10}$")]
    private static partial Regex MediaEntryPattern();

    [LoggerMessage(Level = LogLevel.Warning, Message = "A media item's file is missing and is not in the backup: {Path}")]
    private static partial void LogMissingMedia(ILogger logger, string path);

    [LoggerMessage(Level = LogLevel.Error, Message = "Restoring {File} failed; nothing was written")]
    private static partial void LogRestoreFailed(ILogger logger, Exception exception, string file);
}

/// <summary>The archive's table of contents (<c>backup.json</c>).</summary>
internal sealed class BackupManifest
{
    public const string FormatName = "site-backup";
    public const int CurrentVersion = 1;

    public string Format { get; set; } = FormatName;

    public int Version { get; set; }

    public DateTime CreatedUtc { get; set; }

    public string Provider { get; set; } = string.Empty;

    public bool IncludesMembers { get; set; }

    public List<BackupStoreEntry> Stores { get; set; } = [];

    public List<BackupFileEntry> Media { get; set; } = [];
}

internal sealed class BackupStoreEntry
{
    public string Name { get; set; } = string.Empty;

    /// <summary>The schema's migrations, by name: a backup restores only into the same schema.</summary>
    public List<string> Migrations { get; set; } = [];

    public List<BackupTableEntry> Tables { get; set; } = [];
}

internal sealed class BackupTableEntry
{
    public string Table { get; set; } = string.Empty;

    public string File { get; set; } = string.Empty;

    public long Rows { get; set; }

    public string Sha256 { get; set; } = string.Empty;
}

internal sealed class BackupFileEntry
{
    public string File { get; set; } = string.Empty;

    public long Bytes { get; set; }

    public string Sha256 { get; set; } = string.Empty;
}

/// <summary>An archive whose files are whole but do not fit this site's tables.</summary>
internal sealed class BackupFormatException(string message) : Exception(message);

internal static class BackupMessages
{
    public static readonly LocalizedText NotMigrated = LocalizedText.Of("The database is not up to date with this version of the site: start the site once (it upgrades the database), then make the backup.");
    public static readonly LocalizedText NoSuchFile = LocalizedText.Of("There is no file {0}.");
    public static readonly LocalizedText NotABackup = LocalizedText.Of("{0} is not a backup of this site (it is not a zip archive).");
    public static readonly LocalizedText NoManifest = LocalizedText.Of("This file is not a backup of this site: it has no readable {0}.");
    public static readonly LocalizedText OtherFormatVersion = LocalizedText.Of("This backup is in format version {0}; this site reads version {1}.");
    public static readonly LocalizedText Damaged = LocalizedText.Of("The backup is damaged or was changed: {0} is missing or does not match its checksum. Nothing was restored.");
    public static readonly LocalizedText OtherSchema = LocalizedText.Of("This backup was made by another version of the site (its database schema: {0}; this site's: {1}). Restore it with the version that made it. Nothing was restored.");
    public static readonly LocalizedText NotEmpty = LocalizedText.Of("The database already holds data ({0}). Restore into a new, empty database (set Site:DataPath or the connection string to one). Nothing was restored.");
    public static readonly LocalizedText RestoreFailed = LocalizedText.Of("The restore failed and nothing was restored: {0}");
}
