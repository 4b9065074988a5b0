using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.Data.Sqlite;
using Site.Core.Content;

namespace Site.Benchmarks.Search;

/// <summary>
/// Writes generated nodes straight into the site's SQLite database, as rows the site itself writes (checked against
/// the rows its uSync import wrote): one version per node, published in its cultures.
/// </summary>
/// <remarks>
/// A fixture step, not a measure. The site's own ways in are too slow for 50,000 nodes: the uSync importer saves
/// every node separately with all earlier ones still tracked, and a publish rebuilds the whole snapshot each time.
/// Everything measured afterwards (snapshot, index, search, publish) goes through the site's public services.
/// </remarks>
internal static class SiteDatabaseLoader
{
    /// <summary>As the engine serializes <see cref="ContentData"/> (web defaults, nulls left out).</summary>
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    };

    public static string Serialize(ContentData data) => JsonSerializer.Serialize(data, Json);

    public static void Load(string connectionString, IReadOnlyList<SyntheticNode> nodes, DateTime nowUtc)
    {
        using var connection = new SqliteConnection(connectionString);
        connection.Open();
        CheckFormats(connection);
        using var transaction = connection.BeginTransaction();
        long versionId;
        using (var max = connection.CreateCommand())
        {
            max.Transaction = transaction;
            max.CommandText = "SELECT coalesce(max(Id), 0) FROM content_versions";
            versionId = Convert.ToInt64(max.ExecuteScalar(), CultureInfo.InvariantCulture);
        }

        using var insertVersion = Command(connection, transaction,
            "INSERT INTO content_versions (Id, NodeKey, Number, CreatedAtUtc, CreatedBy, DataJson) VALUES ($id, $node, 1, $at, 'benchmark', $json)",
            "$id", "$node", "$at", "$json");
        using var insertNode = Command(connection, transaction,
            "INSERT INTO content_nodes (Key, ParentKey, ContentTypeAlias, SortOrder, Level, CreateDateUtc, UpdateDateUtc, Trashed, CurrentVersionId, InvariantPublishedVersionId) " +
            "VALUES ($key, $parent, $type, $sort, $level, $at, $at, 0, $version, $version)",
            "$key", "$parent", "$type", "$sort", "$level", "$at", "$version");
        using var insertPublished = Command(connection, transaction,
            "INSERT INTO published_cultures (NodeKey, Culture, VersionId, PublishedAtUtc) VALUES ($node, $culture, $version, $at)",
            "$node", "$culture", "$version", "$at");
        var at = Date(nowUtc);
        foreach (var node in nodes)
        {
            versionId++;
            var key = GuidText(node.Key);
            Run(insertVersion, versionId, key, at, Serialize(node.Data));
            Run(insertNode, key, GuidText(node.ParentKey), node.ContentTypeAlias, node.SortOrder, node.Level, at, versionId);
            foreach (var culture in node.Cultures)
            {
                Run(insertPublished, key, culture, versionId, at);
            }
        }

        transaction.Commit();
    }

    /// <summary>Guids and dates as EF Core's SQLite provider writes them; fails loudly if the imported rows differ.</summary>
    private static void CheckFormats(SqliteConnection connection)
    {
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT Key, UpdateDateUtc FROM content_nodes LIMIT 1";
        using var reader = command.ExecuteReader();
        if (!reader.Read())
        {
            throw new InvalidOperationException("The site's database has no content: the uSync import should have run first.");
        }

        var key = reader.GetString(0);
        var date = reader.GetString(1);
        if (!string.Equals(key, key.ToUpperInvariant(), StringComparison.Ordinal) || !Guid.TryParse(key, out _)
            || !DateTime.TryParseExact(date, "yyyy-MM-dd HH:mm:ss.FFFFFFF", CultureInfo.InvariantCulture, DateTimeStyles.None, out _))
        {
            throw new InvalidOperationException($"The site stores keys and dates differently than this loader writes them ({key}, {date}).");
        }
    }

    private static string GuidText(Guid key) => key.ToString("D").ToUpperInvariant();

    private static string Date(DateTime value) => value.ToString("yyyy-MM-dd HH:mm:ss.FFFFFFF", CultureInfo.InvariantCulture);

    private static SqliteCommand Command(SqliteConnection connection, SqliteTransaction transaction, string sql, params string[] parameters)
    {
        var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        foreach (var name in parameters)
        {
            command.Parameters.Add(new SqliteParameter { ParameterName = name });
        }

        command.Prepare();
        return command;
    }

    private static void Run(SqliteCommand command, params object[] values)
    {
        for (var i = 0; i < values.Length; i++)
        {
            command.Parameters[i].Value = values[i];
        }

        command.ExecuteNonQuery();
    }
}
