using System.Diagnostics;
using System.Globalization;
using System.Text;
using System.Text.Json;
using Site.E2ETests.Infrastructure;

namespace Site.E2ETests;

/// <summary>Every page type in both languages passes the Nu HTML Checker (vnu.jar), run once over all of them.</summary>
public sealed class HtmlValidityTests(SiteServerFixture site)
{
    public const string VnuJarVariable = "SITE_VNU_JAR";

    private const string MissingMessage =
        "To run the HTML validity test: npm install --prefix .tools vnu-jar and a Java runtime; .ci/run does this.";

    [Fact]
    public async Task Every_page_type_in_both_languages_is_valid_html()
    {
        var jar = VnuJarPath();
        if (!File.Exists(jar))
        {
            Assert.Skip($"The Nu HTML Checker was not found at {jar} ({VnuJarVariable} not set or wrong). " + MissingMessage);
        }

        var java = FindJava();
        if (java is null)
        {
            Assert.Skip("No java found (JAVA_HOME or PATH). " + MissingMessage);
        }

        const string ControlFile = "zz-control-invalid.html";
        var cancellation = TestContext.Current.CancellationToken;
        var folder = Directory.CreateTempSubdirectory("site-vnu-").FullName;
        try
        {
            using var client = site.CreateHttpClient();
            var count = 0;
            foreach (var prefix in SitePages.Cultures.Keys)
            {
                foreach (var page in SitePages.All)
                {
                    var url = page.UrlFor(prefix);
                    using var response = await client.GetAsync(new Uri(url, UriKind.Relative), cancellation);
                    Assert.Equal(page.Status, (int)response.StatusCode);
                    Assert.Equal("text/html", response.Content.Headers.ContentType?.MediaType);
                    var html = await response.Content.ReadAsStringAsync(cancellation);
                    await File.WriteAllTextAsync(Path.Combine(folder, $"{prefix}-{page.Name}.html"), html, new UTF8Encoding(false), cancellation);
                    count++;
                }
            }

            // A control page with a known error shows that the checker really read the folder.
            await File.WriteAllTextAsync(Path.Combine(folder, ControlFile), "<!DOCTYPE html><html lang=\"en\"><head></head><body><p>control</p></body></html>", cancellation);

            var (exitCode, output, errors) = await RunAsync(java, ["-jar", jar, "--errors-only", "--format", "json", folder], cancellation);

            // vnu writes its report to stderr; take whichever stream holds the JSON.
            var json = new[] { errors, output }.FirstOrDefault(s => s.TrimStart().StartsWith('{'));
            Assert.True(json is not null, $"vnu gave no JSON report (exit {exitCode}). stdout: {output} stderr: {errors}");
            var problems = Problems(json, folder);
            Assert.True(problems.RemoveAll(p => p.StartsWith("- " + ControlFile + ":", StringComparison.Ordinal)) > 0,
                $"vnu reported nothing for the control page {ControlFile}, which has no <title>: is it checking the folder? Report: {json}");
            Assert.True(problems.Count == 0,
                $"The Nu HTML Checker found {problems.Count} error(s) in {count} pages:{Environment.NewLine}" + string.Join(Environment.NewLine, problems));
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    /// <summary>The checker and a Java runtime, or the calling test is skipped saying how to get them.</summary>
    internal static (string Jar, string Java) RequireChecker()
    {
        var jar = VnuJarPath();
        var java = FindJava();
        if (!File.Exists(jar) || java is null)
        {
            Assert.Skip($"The Nu HTML Checker or Java was not found ({VnuJarVariable}). " + MissingMessage);
        }

        return (jar, java!);
    }

    /// <summary>Runs the checker over every page saved in the folder and fails listing each error.</summary>
    internal static async Task AssertFolderIsValidAsync((string Jar, string Java) checker, string folder, string what, CancellationToken cancellation)
    {
        var (exitCode, output, errors) = await RunAsync(checker.Java, ["-jar", checker.Jar, "--errors-only", "--format", "json", folder], cancellation);
        var json = new[] { errors, output }.FirstOrDefault(s => s.TrimStart().StartsWith('{'));
        Assert.True(json is not null, $"vnu gave no JSON report (exit {exitCode}). stdout: {output} stderr: {errors}");
        var problems = Problems(json, folder);
        Assert.True(problems.Count == 0, $"The Nu HTML Checker found errors in {what}:" + Environment.NewLine + string.Join(Environment.NewLine, problems));
    }

    internal static List<string> Problems(string json, string folder)
    {
        using var document = JsonDocument.Parse(json);
        var problems = new List<string>();
        foreach (var message in document.RootElement.GetProperty("messages").EnumerateArray())
        {
            var type = Text(message, "type");
            var subType = Text(message, "subType");
            if (!string.Equals(type, "error", StringComparison.Ordinal) && !string.Equals(subType, "fatal", StringComparison.Ordinal)
                && !string.Equals(type, "non-document-error", StringComparison.Ordinal))
            {
                continue;
            }

            var file = Text(message, "url") ?? "?";
            var name = Path.GetFileName(new Uri(file, UriKind.RelativeOrAbsolute) is { IsAbsoluteUri: true } uri ? uri.LocalPath : file);
            var line = message.TryGetProperty("lastLine", out var l) ? l.GetInt32().ToString(CultureInfo.InvariantCulture) : "?";
            var extract = Text(message, "extract") is { } e ? $" near `{e.Trim()}`" : string.Empty;
            problems.Add($"- {name}:{line}: {Text(message, "message")}{extract}".Replace(folder, string.Empty, StringComparison.Ordinal));
        }

        return problems;
    }

    private static string? Text(JsonElement element, string property) =>
        element.TryGetProperty(property, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

    internal static string VnuJarPath() =>
        Environment.GetEnvironmentVariable(VnuJarVariable) is { Length: > 0 } configured
            ? configured
            : Path.Combine(RepositoryPaths.Root, ".tools", "node_modules", "vnu-jar", "build", "dist", "vnu.jar");

    internal static string? FindJava()
    {
        if (Environment.GetEnvironmentVariable("JAVA_HOME") is { Length: > 0 } home && File.Exists(Path.Combine(home, "bin", "java")))
        {
            return Path.Combine(home, "bin", "java");
        }

        var path = Environment.GetEnvironmentVariable("PATH") ?? string.Empty;
        return path.Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .Select(directory => Path.Combine(directory, OperatingSystem.IsWindows() ? "java.exe" : "java"))
            .FirstOrDefault(File.Exists);
    }

    internal static async Task<(int ExitCode, string Output, string Errors)> RunAsync(string fileName, string[] arguments, CancellationToken cancellation)
    {
        var start = new ProcessStartInfo(fileName)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            StandardOutputEncoding = Encoding.UTF8,
            StandardErrorEncoding = Encoding.UTF8,
        };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start) ?? throw new InvalidOperationException("Could not start " + fileName);
        var output = process.StandardOutput.ReadToEndAsync(cancellation);
        var errors = process.StandardError.ReadToEndAsync(cancellation);
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellation);
        timeout.CancelAfter(TimeSpan.FromMinutes(3));
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw;
        }

        return (process.ExitCode, await output, await errors);
    }
}
