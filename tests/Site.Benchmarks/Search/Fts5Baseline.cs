using System.Globalization;
using System.Text;
using Microsoft.Data.Sqlite;
using Site.Core.Publishing;
using Site.Core.Search;

namespace Site.Benchmarks.Search;

/// <summary>
/// The baseline: SQLite FTS5 over the same published content. English text in a table with the unicode61 tokenizer
/// (Porter stemming on top, as the site stems English); Chinese text in a table with the trigram tokenizer, which
/// cannot index a word shorter than three characters: such words (most Chinese words have two) fall back to LIKE,
/// which reads every row. Every word is required (as on the site), total count, top ten by bm25, a snippet each.
/// </summary>
internal sealed class Fts5Baseline
{
    // The fields the site indexes, with its weights (name 4, place 3, tags 2.5, summary 1.5, body 1).
    private const string Columns = "title, summary, body, tags, place";
    private const string Weights = "4.0, 1.5, 1.0, 2.5, 3.0";

    private static readonly string[] SummaryProperties = ["summary", "theme", "metaDescription", "statusNote", "dateNote", "intro"];
    private static readonly string[] PlaceProperties = ["venueName", "venueCity", "venueCountry", "partnerCountry", "jiangsuPartner", "overseasPartner"];

    private Fts5Baseline(string path, string chineseTokenizer)
    {
        Path = path;
        ChineseTokenizer = chineseTokenizer;
    }

    public string Path { get; }

    public string ChineseTokenizer { get; }

    public static string SqliteVersion()
    {
        using var connection = new SqliteConnection("Data Source=:memory:");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT sqlite_version()";
        return (string)command.ExecuteScalar()!;
    }

    /// <summary>Builds the two tables from the snapshot, in one transaction, on disk.</summary>
    public static Fts5Baseline Build(PublishedSnapshot snapshot, string path)
    {
        using var connection = new SqliteConnection($"Data Source={path};Pooling=False");
        connection.Open();
        Execute(connection, "PRAGMA journal_mode = WAL; PRAGMA synchronous = NORMAL;");
        Execute(connection, $"CREATE VIRTUAL TABLE en USING fts5({Columns}, tokenize = 'porter unicode61 remove_diacritics 2')");
        string tokenizer;
        try
        {
            Execute(connection, $"CREATE VIRTUAL TABLE zh USING fts5({Columns}, tokenize = 'trigram')");
            tokenizer = "trigram";
        }
        catch (SqliteException)
        {
            Execute(connection, $"CREATE VIRTUAL TABLE zh USING fts5({Columns}, tokenize = 'unicode61')");
            tokenizer = "unicode61 (no trigram tokenizer in this SQLite)";
        }

        Execute(connection, "CREATE TABLE docs (id INTEGER PRIMARY KEY, key TEXT NOT NULL, url TEXT NOT NULL)");
        using var transaction = connection.BeginTransaction();
        using var insertDoc = Insert(connection, transaction, "INSERT INTO docs (id, key, url) VALUES ($id, $key, $url)", 3);
        using var insertEn = Insert(connection, transaction, $"INSERT INTO en (rowid, {Columns}) VALUES ($id, $a, $b, $c, $d, $e)", 6);
        using var insertZh = Insert(connection, transaction, $"INSERT INTO zh (rowid, {Columns}) VALUES ($id, $a, $b, $c, $d, $e)", 6);
        long id = 0;
        foreach (var node in snapshot.All.Where(n => n.Cultures.Count > 0))
        {
            id++;
            Run(insertDoc, id, node.Key.ToString("D"), node.Cultures.Values.First().Url);
            foreach (var culture in node.Cultures.Keys)
            {
                var target = culture.StartsWith("zh", StringComparison.OrdinalIgnoreCase) ? insertZh : insertEn;
                Run(target, [id, .. Fields(node, culture)]);
            }
        }

        transaction.Commit();
        Execute(connection, "INSERT INTO en(en) VALUES('optimize'); INSERT INTO zh(zh) VALUES('optimize'); PRAGMA wal_checkpoint(TRUNCATE);");
        return new Fts5Baseline(path, tokenizer);
    }

    public IQueryWorker CreateWorker() => new Worker(Path, string.Equals(ChineseTokenizer, "trigram", StringComparison.Ordinal));

    /// <summary>The baseline's publish: one row's English body changed and committed, then a query until it finds the word.</summary>
    public TimeSpan TimeUpdate(Guid key, string marker)
    {
        using var connection = new SqliteConnection($"Data Source={Path};Pooling=False");
        connection.Open();
        using var find = connection.CreateCommand();
        find.CommandText = "SELECT id FROM docs WHERE key = $key";
        find.Parameters.AddWithValue("$key", key.ToString("D"));
        var id = (long)find.ExecuteScalar()!;
        var started = System.Diagnostics.Stopwatch.GetTimestamp();
        using (var transaction = connection.BeginTransaction())
        {
            using var update = connection.CreateCommand();
            update.Transaction = transaction;
            update.CommandText = "UPDATE en SET body = body || $note WHERE rowid = $id";
            update.Parameters.AddWithValue("$note", "\n\nA note on " + marker + ".");
            update.Parameters.AddWithValue("$id", id);
            update.ExecuteNonQuery();
            transaction.Commit();
        }

        using var worker = CreateWorker();
        while (worker.Run(new BenchmarkQuery("publish", marker, CorpusGenerator.English)) == 0)
        {
            Thread.Sleep(1);
        }

        return System.Diagnostics.Stopwatch.GetElapsedTime(started);
    }

    /// <summary>The same text the site indexes for a culture: names and title, summaries, body, tags, places.</summary>
    private static object[] Fields(PublishedContent node, string culture)
    {
        var title = node.Value("title", culture);
        var name = node.Name(culture) ?? string.Empty;
        var summary = string.Join(" · ", SummaryProperties.Select(p => node.Value(p, culture)).Where(v => !string.IsNullOrWhiteSpace(v)));
        var body = node.Value("bodyText", culture) ?? string.Empty;
        var tags = string.Join(" · ", node.TagsValue("tags", culture));
        var place = string.Join(" · ", PlaceProperties.Select(p => node.Value(p, culture)).Where(v => !string.IsNullOrWhiteSpace(v)).Distinct(StringComparer.Ordinal));
        return [title is null ? name : name + " · " + title, summary, body, tags, place];
    }

    private static void Execute(SqliteConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }

    private static SqliteCommand Insert(SqliteConnection connection, SqliteTransaction transaction, string sql, int parameters)
    {
        var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        var names = new[] { "$id", "$a", "$b", "$c", "$d", "$e" };
        if (parameters == 3)
        {
            names = ["$id", "$key", "$url"];
        }

        foreach (var name in names)
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

    /// <summary>One client: its own read-only connection.</summary>
    private sealed class Worker : IQueryWorker
    {
        private readonly SqliteConnection _connection;
        private readonly bool _trigram;

        public Worker(string path, bool trigram)
        {
            _trigram = trigram;
            _connection = new SqliteConnection($"Data Source={path};Mode=ReadOnly");
            _connection.Open();
        }

        public int Run(BenchmarkQuery query)
        {
            // The site's own parser: the same words, phrases and stop words.
            var parsed = SearchQueryParser.Parse(query.Text);
            var words = parsed.Words.Where(w => !w.IsOptional).ToList();
            if (words.Count == 0)
            {
                return 0;
            }

            using var command = _connection.CreateCommand();
            var sets = new List<string>();
            var english = new List<string>();
            var chinese = new List<string>();
            for (var i = 0; i < words.Count; i++)
            {
                var text = words[i].Text;
                var quoted = "\"" + text.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";
                var parameter = "$w" + i.ToString(CultureInfo.InvariantCulture);
                if (text.Any(IsHan))
                {
                    if (text.Length >= 3 || !_trigram)
                    {
                        command.Parameters.AddWithValue(parameter, quoted);
                        sets.Add($"SELECT rowid AS id FROM zh WHERE zh MATCH {parameter}");
                        chinese.Add(quoted);
                    }
                    else
                    {
                        // Trigrams cannot find two characters: LIKE over every row.
                        command.Parameters.AddWithValue(parameter, "%" + text + "%");
                        sets.Add($"SELECT rowid AS id FROM zh WHERE title LIKE {parameter} OR summary LIKE {parameter} OR body LIKE {parameter} OR tags LIKE {parameter} OR place LIKE {parameter}");
                    }
                }
                else
                {
                    command.Parameters.AddWithValue(parameter, quoted);
                    var set = $"SELECT rowid AS id FROM en WHERE en MATCH {parameter}";
                    if (text.Length >= 3)
                    {
                        set += $" UNION SELECT rowid AS id FROM zh WHERE zh MATCH {parameter}";
                        chinese.Add(quoted);
                    }

                    sets.Add(set);
                    english.Add(quoted);
                }
            }

            var matches = string.Join(" INTERSECT ", sets.Select(s => "SELECT id FROM (" + s + ")"));
            var ranked = new List<string>();
            if (english.Count > 0)
            {
                command.Parameters.AddWithValue("$en", string.Join(" OR ", english));
                ranked.Add($"SELECT rowid AS id, bm25(en, {Weights}) AS score FROM en WHERE en MATCH $en");
            }

            if (chinese.Count > 0)
            {
                command.Parameters.AddWithValue("$zh", string.Join(" OR ", chinese));
                ranked.Add($"SELECT rowid AS id, bm25(zh, {Weights}) AS score FROM zh WHERE zh MATCH $zh");
            }

            if (ranked.Count == 0)
            {
                ranked.Add("SELECT id, 0 AS score FROM m"); // LIKE gives no score
            }

            var sql = new StringBuilder();
            // Materialized: bm25() only works in the statement that runs the MATCH, not once flattened into another.
            // The scores are filtered by the matches outside the MATCH: "rowid IN" inside it makes FTS5 look up
            // every row on its own, and a join with an unindexed CTE is quadratic; IN (subquery) gets an index.
            sql.Append("WITH m(id) AS MATERIALIZED (").Append(matches).Append("), ");
            sql.Append("r(id, score) AS MATERIALIZED (").Append(string.Join(" UNION ALL ", ranked)).Append(") ");
            sql.Append("SELECT (SELECT count(*) FROM m), t.id, d.url FROM (SELECT id, min(score) AS score FROM r WHERE id IN (SELECT id FROM m) GROUP BY id ORDER BY score LIMIT 10) AS t ")
                .Append("JOIN docs d ON d.id = t.id ORDER BY t.score");
            command.CommandText = sql.ToString();
            var total = 0;
            var hits = new List<long>(10);
            using (var reader = command.ExecuteReader())
            {
                while (reader.Read())
                {
                    total = reader.GetInt32(0);
                    hits.Add(reader.GetInt64(1));
                }
            }

            if (hits.Count > 0)
            {
                Snippets(hits, english.Count > 0 ? ("en", string.Join(" OR ", english)) : chinese.Count > 0 ? ("zh", string.Join(" OR ", chinese)) : (null, null));
            }

            return total;
        }

        /// <summary>A snippet with the words marked for each hit, as the site shows one per result.</summary>
        private void Snippets(List<long> hits, (string? Table, string? Match) by)
        {
            using var command = _connection.CreateCommand();
            var ids = string.Join(',', hits.Select(h => h.ToString(CultureInfo.InvariantCulture)));
            if (by.Table is null)
            {
                command.CommandText = $"SELECT substr(body, 1, 280) FROM zh WHERE rowid IN ({ids})";
            }
            else
            {
                command.CommandText = $"SELECT snippet({by.Table}, -1, '<mark>', '</mark>', '…', 24) FROM {by.Table} WHERE {by.Table} MATCH $q AND rowid IN ({ids})";
                command.Parameters.AddWithValue("$q", by.Match);
            }

            using var reader = command.ExecuteReader();
            while (reader.Read())
            {
                _ = reader.GetString(0);
            }
        }

        public void Dispose() => _connection.Dispose();
    }

    private static bool IsHan(char c) => c is >= '\u4E00' and <= '\u9FFF' or >= '\u3400' and <= '\u4DBF';
}
