using Site.Core.Content;
using Site.Core.Sync;

namespace Site.Hosting;

/// <summary>
/// Command-line verbs that run against the configured database and exit: `usync export FOLDER`, `usync import FOLDER`
/// and `content markdown-to-richtext [--data-type ALIAS] [contentType.property ...]`. Any other argument goes to the host.
/// </summary>
public static class SiteCommands
{
    private const string Usage = """
        usage: usync export <folder>
               usync import <folder>
               content markdown-to-richtext [--data-type <alias>] [<contentType.property> ...]
        """;

    private const string DataTypeOption = "--data-type";

    public static (string[]? Command, string[] HostArgs) Split(string[] args)
    {
        ArgumentNullException.ThrowIfNull(args);
        if (args.Length == 0)
        {
            return (null, args);
        }

        if (string.Equals(args[0], "usync", StringComparison.OrdinalIgnoreCase))
        {
            return (args.Take(3).ToArray(), args.Skip(3).ToArray());
        }

        if (!string.Equals(args[0], "content", StringComparison.OrdinalIgnoreCase))
        {
            return (null, args);
        }

        // The verb's own words are the ones that are not host options (--name value), plus --data-type and its value.
        List<string> command = [];
        List<string> host = [];
        for (var i = 0; i < args.Length; i++)
        {
            if (args[i] == DataTypeOption)
            {
                command.AddRange(args.Skip(i).Take(2));
                i++;
            }
            else if (args[i].StartsWith("--", StringComparison.Ordinal))
            {
                host.AddRange(args.Skip(i).Take(args[i].Contains('=', StringComparison.Ordinal) ? 1 : 2));
                i += args[i].Contains('=', StringComparison.Ordinal) ? 0 : 1;
            }
            else
            {
                command.Add(args[i]);
            }
        }

        return ([.. command], [.. host]);
    }

    public static async Task<int> RunCommandAsync(this WebApplication app, string[] command)
    {
        ArgumentNullException.ThrowIfNull(app);
        ArgumentNullException.ThrowIfNull(command);
        return command switch
        {
            ["usync", "export", var folder] => await ExportAsync(app, Path.GetFullPath(folder)),
            ["usync", "import", var folder] => await ImportAsync(app, Path.GetFullPath(folder)),
            ["content", "markdown-to-richtext", .. var rest] when ReadMigrationArguments(rest) is var (dataType, properties) && properties is not null =>
                await MigrateMarkdownAsync(app, dataType, properties),
            _ => await UsageAsync(),
        };
    }

    private static async Task<int> UsageAsync()
    {
        await Console.Error.WriteLineAsync(Usage);
        return 2;
    }

    private static async Task<int> ExportAsync(WebApplication app, string folder)
    {
        var count = await app.Services.GetRequiredService<IUsyncExporter>().ExportAsync(folder, CancellationToken.None);
        await Console.Out.WriteLineAsync($"Exported {count} files to {folder}");
        return 0;
    }

    private static async Task<int> ImportAsync(WebApplication app, string folder)
    {
        var result = await app.Services.GetRequiredService<IUsyncImporter>().ImportAsync(folder, "command line", CancellationToken.None);
        if (!result.Succeeded)
        {
            await Console.Error.WriteLineAsync("Nothing was imported. Problems:");
            foreach (var problem in result.Problems)
            {
                await Console.Error.WriteLineAsync("  " + problem);
            }

            return 1;
        }

        await Console.Out.WriteLineAsync($"Imported {result.NodeCount} content nodes from {folder}");
        return 0;
    }

    /// <summary>The data type alias (or null) and the property names; null names when the arguments are not understood.</summary>
    private static (string? DataType, string[]? Properties) ReadMigrationArguments(string[] rest)
    {
        string? dataType = null;
        List<string> properties = [];
        for (var i = 0; i < rest.Length; i++)
        {
            if (rest[i] == DataTypeOption)
            {
                if (i + 1 >= rest.Length || dataType is not null)
                {
                    return (null, null);
                }

                dataType = rest[++i];
            }
            else if (rest[i].Count(c => c == '.') == 1)
            {
                properties.Add(rest[i]);
            }
            else
            {
                return (null, null);
            }
        }

        return (dataType, [.. properties]);
    }

    private static async Task<int> MigrateMarkdownAsync(WebApplication app, string? dataType, string[] properties)
    {
        var result = await app.Services.GetRequiredService<IMarkdownToRichTextMigration>()
            .RunAsync(properties, dataType, "command line", CancellationToken.None);
        if (result.Problem is { } problem)
        {
            await Console.Error.WriteLineAsync("Nothing was changed: " + problem);
            return 1;
        }

        await Console.Out.WriteLineAsync(result.Properties.Count == 0
            ? "No Markdown property to move: nothing was changed."
            : $"Moved to rich text: {string.Join(", ", result.Properties)} ({result.ValuesConverted} values in {result.VersionsChanged} versions). "
                + "Start the site again (every instance), then rebuild the search index from the back office.");
        return 0;
    }
}
