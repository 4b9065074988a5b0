using Site.Core.Sync;

namespace Site.Hosting;

/// <summary>Command-line verbs: `usync export FOLDER` and `usync import FOLDER` run against the configured database and exit.</summary>
public static class SiteCommands
{
    public static (string[]? Command, string[] HostArgs) Split(string[] args)
    {
        ArgumentNullException.ThrowIfNull(args);
        return args.Length >= 1 && string.Equals(args[0], "usync", StringComparison.OrdinalIgnoreCase)
            ? (args.Take(3).ToArray(), args.Skip(3).ToArray())
            : (null, args);
    }

    public static async Task<int> RunCommandAsync(this WebApplication app, string[] command)
    {
        ArgumentNullException.ThrowIfNull(app);
        ArgumentNullException.ThrowIfNull(command);
        var error = Console.Error;
        if (command.Length != 3 || command[1] is not ("export" or "import"))
        {
            await error.WriteLineAsync("usage: usync export <folder> | usync import <folder>");
            return 2;
        }

        var folder = Path.GetFullPath(command[2]);
        if (command[1] == "export")
        {
            var count = await app.Services.GetRequiredService<IUsyncExporter>().ExportAsync(folder, CancellationToken.None);
            await Console.Out.WriteLineAsync($"Exported {count} files to {folder}");
            return 0;
        }

        var result = await app.Services.GetRequiredService<IUsyncImporter>().ImportAsync(folder, "command line", CancellationToken.None);
        if (!result.Succeeded)
        {
            await error.WriteLineAsync("Nothing was imported. Problems:");
            foreach (var problem in result.Problems)
            {
                await error.WriteLineAsync("  " + problem);
            }

            return 1;
        }

        await Console.Out.WriteLineAsync($"Imported {result.NodeCount} content nodes from {folder}");
        return 0;
    }
}
