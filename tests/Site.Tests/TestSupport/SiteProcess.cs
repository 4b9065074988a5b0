using System.Diagnostics;

namespace Site.Tests.TestSupport;

/// <summary>The built site (Site.dll beside the tests) run as a real process: the command-line verbs, and Kestrel itself.</summary>
public static class SiteProcess
{
    /// <summary>Starts `dotnet Site.dll args` on a data folder of its own, with warnings only in its log.</summary>
    public static Process Start(string dataPath, IReadOnlyDictionary<string, string> environment, params string[] args)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = AppContext.BaseDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "Site.dll"));
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        start.Environment["Site__DataPath"] = dataPath;
        start.Environment["Logging__LogLevel__Default"] = "Warning";
        foreach (var (name, value) in environment)
        {
            start.Environment[name] = value;
        }

        return Process.Start(start)!;
    }

    /// <summary>Runs a verb to its end (two minutes at most) and returns its exit code and output.</summary>
    public static async Task<(int ExitCode, string Output, string Error)> RunAsync(string dataPath, params string[] args)
    {
        using var process = Start(dataPath, new Dictionary<string, string>(), args);
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        await process.WaitForExitAsync(timeout.Token);
        return (process.ExitCode, await output, await error);
    }
}
