using Microsoft.Extensions.Options;
using Site.Core;
using Site.Core.Backup;
using Site.Core.Content;
using Site.Core.Sync;

namespace Site.Hosting;

/// <summary>
/// Command-line verbs that run against the configured database and exit: `usync export FOLDER`, `usync import FOLDER [--partial]`,
/// `content markdown-to-richtext [--data-type ALIAS] [contentType.property ...]`, `backup create FILE [--members]` and
/// `backup restore FILE`. Any other argument goes to the host.
/// </summary>
public static class SiteCommands
{
    private const string Usage = """
        usage: usync export <folder>
               usync import <folder> [--partial]
               content markdown-to-richtext [--data-type <alias>] [<contentType.property> ...]
               backup create <file.zip> [--members]
               backup restore <file.zip>
        """;

    private const string DataTypeOption = "--data-type";
    private const string MembersOption = "--members";

    private const string PartialOption = "--partial";
    private const string CommandLineUser = "command line";

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

        if (!string.Equals(args[0], "content", StringComparison.OrdinalIgnoreCase) && !string.Equals(args[0], "backup", StringComparison.OrdinalIgnoreCase))
        {
            return (null, args);
        }

        // The verb's own words are the ones that are not host options (--name value), plus --data-type and its value
        // and the --members flag.
        List<string> command = [];
        List<string> host = [];
        for (var i = 0; i < args.Length; i++)
        {
            if (args[i] == DataTypeOption)
            {
                command.AddRange(args.Skip(i).Take(2));
                i++;
            }
            else if (args[i] == MembersOption)
            {
                command.Add(args[i]);
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
        if (command is ["backup", ..])
        {
            // A restore goes into an empty database: the site's start (which would import uSync into it) must not run.
            return command switch
            {
                ["backup", "create", var file] when !file.StartsWith("--", StringComparison.Ordinal) => await BackupAsync(app, file, includeMembers: false),
                ["backup", "create", var file, MembersOption] => await BackupAsync(app, file, includeMembers: true),
                ["backup", "create", MembersOption, var file] => await BackupAsync(app, file, includeMembers: true),
                ["backup", "restore", var file] when !file.StartsWith("--", StringComparison.Ordinal) => await RestoreAsync(app, file),
                _ => await UsageAsync(),
            };
        }

        await app.InitializeSiteAsync();
        return command switch
        {
            ["usync", "export", var folder] => await ExportAsync(app, Path.GetFullPath(folder)),
            ["usync", "import", var folder] when folder != PartialOption => await ImportAsync(app, Path.GetFullPath(folder), partial: false),
            ["usync", "import", var folder, PartialOption] => await ImportAsync(app, Path.GetFullPath(folder), partial: true),
            ["usync", "import", PartialOption, var folder] => await ImportAsync(app, Path.GetFullPath(folder), partial: true),
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

    private static async Task<int> ImportAsync(WebApplication app, string folder, bool partial)
    {
        // The option, or the setting Site:Sync:PartialImport, imports what can be imported.
        partial |= app.Services.GetRequiredService<IOptions<SiteCoreOptions>>().Value.Sync.PartialImport;
        var result = await app.Services.GetRequiredService<IUsyncImporter>().ImportAsync(folder, "command line", new UsyncImportOptions(partial), CancellationToken.None);
        if (!result.Succeeded)
        {
            await Console.Error.WriteLineAsync("Nothing was imported. Problems:");
            foreach (var problem in result.Problems)
            {
                await Console.Error.WriteLineAsync("  " + problem);
            }

            return 1;
        }

        if (result.Skipped.Count > 0)
        {
            await Console.Out.WriteLineAsync("Left out or kept only as a note:");
            foreach (var skipped in result.Skipped)
            {
                await Console.Out.WriteLineAsync("  " + skipped);
            }
        }

        await Console.Out.WriteLineAsync($"Imported {result.NodeCount} content nodes from {folder}");
        return 0;
    }

    private static async Task<int> BackupAsync(WebApplication app, string file, bool includeMembers)
    {
        var result = await app.Services.GetRequiredService<ISiteBackup>().CreateAsync(file, includeMembers, CommandLineUser, CancellationToken.None);
        if (result.Problem is { } problem)
        {
            await Console.Error.WriteLineAsync("No backup was made: " + problem);
            return 1;
        }

        await Console.Out.WriteLineAsync($"Backed up {result.Rows} rows and {result.MediaFiles} media files to {result.File}"
            + (result.IncludesMembers ? " (members included: keep this file as personal data)." : " (without members; add --members to include them)."));
        if (result.MissingMediaFiles > 0)
        {
            await Console.Error.WriteLineAsync($"{result.MissingMediaFiles} media items had no file in the media folder; the log names them.");
        }

        return 0;
    }

    private static async Task<int> RestoreAsync(WebApplication app, string file)
    {
        var result = await app.Services.GetRequiredService<ISiteBackup>().RestoreAsync(file, CommandLineUser, CancellationToken.None);
        if (result.Problem is { } problem)
        {
            await Console.Error.WriteLineAsync(problem.ToString());
            return 1;
        }

        await Console.Out.WriteLineAsync($"Restored {result.Rows} rows and {result.MediaFiles} media files from the backup of {result.CreatedUtc:u}"
            + (result.IncludesMembers ? ", members included." : ", without members.") + " Start the site: it builds its search index and image sizes again.");
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
