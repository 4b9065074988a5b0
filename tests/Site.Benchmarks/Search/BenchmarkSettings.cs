using System.Globalization;

namespace Site.Benchmarks.Search;

/// <summary>The command line: everything has a default that keeps a run within about five minutes on two cores.</summary>
internal sealed record BenchmarkSettings
{
    public const string Usage =
        "Usage: dotnet run -c Release --project tests/Site.Benchmarks/Search -- [--docs 50000] [--seed 20261128] " +
        "[--queries1 600] [--queries16 1600] [--warmup 2] [--cap 40] [--publishes 20] [--publish-cap 90] [--requested-rebuild] [--explain] [--query-profile 15] [--keep]";

    /// <summary>Published nodes in all: the site's real ones plus generated ones.</summary>
    public int Documents { get; init; } = 50_000;

    public int Seed { get; init; } = 20261128;

    public int QueriesAtOne { get; init; } = 600;

    public int QueriesAtSixteen { get; init; } = 1600;

    /// <summary>Rounds of the whole mix, on one thread, before each engine is measured.</summary>
    public int WarmUpRounds { get; init; } = 2;

    /// <summary>A latency run stops here even if not every query ran (the report says so).</summary>
    public TimeSpan Cap { get; init; } = TimeSpan.FromSeconds(40);

    public int Publishes { get; init; } = 20;

    /// <summary>The publish phase stops here (after at least five), if publishes are slow.</summary>
    public TimeSpan PublishCap { get; init; } = TimeSpan.FromSeconds(90);

    /// <summary>Also time the back office's rebuild (a second full rebuild, with everything warm).</summary>
    public bool RequestedRebuild { get; init; }

    /// <summary>Print what each query of the mix finds (total, flags, the best hit) and how the analyzers split it.</summary>
    public bool Explain { get; init; }

    /// <summary>Time each step of every query of the mix this many times (median); 0 leaves the profile out.</summary>
    public int QueryProfileRepetitions { get; init; }

    /// <summary>Keep the temporary folder (database, index, FTS5 file).</summary>
    public bool Keep { get; init; }

    public static BenchmarkSettings? Parse(IReadOnlyList<string> args)
    {
        var settings = new BenchmarkSettings();
        for (var i = 0; i < args.Count; i++)
        {
            int Next() => i + 1 < args.Count && int.TryParse(args[++i], NumberStyles.Integer, CultureInfo.InvariantCulture, out var value) && value >= 0
                ? value
                : throw new ArgumentException($"{args[i]} needs a whole number.");

            try
            {
                settings = args[i] switch
                {
                    "--docs" => settings with { Documents = Next() },
                    "--seed" => settings with { Seed = Next() },
                    "--queries1" => settings with { QueriesAtOne = Next() },
                    "--queries16" => settings with { QueriesAtSixteen = Next() },
                    "--warmup" => settings with { WarmUpRounds = Next() },
                    "--cap" => settings with { Cap = TimeSpan.FromSeconds(Next()) },
                    "--publishes" => settings with { Publishes = Next() },
                    "--publish-cap" => settings with { PublishCap = TimeSpan.FromSeconds(Next()) },
                    "--requested-rebuild" => settings with { RequestedRebuild = true },
                    "--explain" => settings with { Explain = true },
                    "--query-profile" => settings with { QueryProfileRepetitions = Math.Max(1, Next()) },
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
