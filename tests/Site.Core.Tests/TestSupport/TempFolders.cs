namespace Site.Core.Tests.TestSupport;

/// <summary>Temporary folders for exports and for edited copies of the repository's uSync folder.</summary>
public static class TempFolders
{
    public static string NewPath(string prefix) =>
        Path.Combine(Path.GetTempPath(), "site-tests", prefix + "-" + Guid.NewGuid().ToString("N"));

    /// <summary>A copy of uSync/v14 that a test may change.</summary>
    public static string CopyOfRealUsyncFolder()
    {
        var target = NewPath("usync-copy");
        foreach (var file in Directory.EnumerateFiles(RepositoryPaths.UsyncFolder, "*", SearchOption.AllDirectories))
        {
            var destination = Path.Combine(target, Path.GetRelativePath(RepositoryPaths.UsyncFolder, file));
            Directory.CreateDirectory(Path.GetDirectoryName(destination)!);
            File.Copy(file, destination);
        }

        return target;
    }

    public static void Delete(string path)
    {
        try
        {
            if (Directory.Exists(path))
            {
                Directory.Delete(path, recursive: true);
            }
        }
        catch (IOException)
        {
            // A leftover temp folder is harmless.
        }
    }

    /// <summary>Every file under <paramref name="root"/>, by its path relative to it with forward slashes.</summary>
    public static SortedDictionary<string, byte[]> ReadAll(string root) =>
        new(
            Directory.EnumerateFiles(root, "*", SearchOption.AllDirectories)
                .ToDictionary(f => Path.GetRelativePath(root, f).Replace('\\', '/'), File.ReadAllBytes),
            StringComparer.Ordinal);
}
