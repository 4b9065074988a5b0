using System.Globalization;

namespace Site.Benchmarks.Tree;

/// <summary>The command line; the defaults keep a SQLite run within about three minutes on two cores.</summary>
internal sealed record TreeBenchmarkSettings
{
    public const string Usage =
        "Usage: dotnet run -c Release --project tests/Site.Benchmarks/Tree -- [--nodes 50000] [--group 10] [--sections 100] " +
        "[--reps 20] [--warmup 3] [--seed 20261128] [--postgres \"Host=localhost;Username=site;Password=site\"] [--no-sqlite] [--keep]";

    /// <summary>Nodes in all: the site's real ones, the sections, and the groups under them.</summary>
    public int Nodes { get; init; } = 50_000;

    /// <summary>Nodes in one group (the group's page and its children): the subtree each operation works on.</summary>
    public int GroupSize { get; init; } = 10;

    /// <summary>Pages under the home page that hold the groups.</summary>
    public int Sections { get; init; } = 100;

    /// <summary>Timed rounds of move, copy, trash, recycle bin and restore.</summary>
    public int Repetitions { get; init; } = 20;

    /// <summary>Rounds before the timed ones (query compilation, connection pool, JIT).</summary>
    public int WarmUp { get; init; } = 3;

    public int Seed { get; init; } = 20261128;

    /// <summary>Also run on PostgreSQL: a server and a user who may create databases (a fresh one is made and dropped).</summary>
    public string? Postgres { get; init; }

    public bool Sqlite { get; init; } = true;

    /// <summary>Keep the temporary folder (the SQLite database).</summary>
    public bool Keep { get; init; }

    public static TreeBenchmarkSettings? Parse(IReadOnlyList<string> args)
    {
        var settings = new TreeBenchmarkSettings();
        for (var i = 0; i < args.Count; i++)
        {
            int Next() => i + 1 < args.Count && int.TryParse(args[++i], NumberStyles.Integer, CultureInfo.InvariantCulture, out var value) && value > 0
                ? value
                : throw new ArgumentException($"{args[i]} needs a positive whole number.");

            string Text() => i + 1 < args.Count ? args[++i] : throw new ArgumentException($"{args[i]} needs a value.");

            try
            {
                settings = args[i] switch
                {
                    "--nodes" => settings with { Nodes = Next() },
                    "--group" => settings with { GroupSize = Next() },
                    "--sections" => settings with { Sections = Next() },
                    "--reps" => settings with { Repetitions = Next() },
                    "--warmup" => settings with { WarmUp = Next() },
                    "--seed" => settings with { Seed = Next() },
                    "--postgres" => settings with { Postgres = Text() },
                    "--no-sqlite" => settings with { Sqlite = false },
                    "--keep" => settings with { Keep = true },
                    _ => throw new ArgumentException($"Unknown option {args[i]}."),
                };
            }
            catch (ArgumentException exception)
            {
                Console.Error.WriteLine(exception.Message);
                return null;
            }
        }

        return settings;
    }
}
