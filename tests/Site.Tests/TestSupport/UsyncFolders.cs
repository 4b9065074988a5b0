namespace Site.Tests.TestSupport;

/// <summary>The repository's uSync folder, and copies of it that a test changes to start a site of its own.</summary>
public static class UsyncFolders
{
    public static string Repository()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, "uSync", "v14");
            if (Directory.Exists(candidate))
            {
                return candidate;
            }
        }

        throw new InvalidOperationException("uSync/v14 not found above " + AppContext.BaseDirectory);
    }

    /// <summary>Copies the repository's folder to <paramref name="to"/>.</summary>
    public static void CopyRepository(string to)
    {
        var from = Repository();
        foreach (var file in Directory.EnumerateFiles(from, "*", SearchOption.AllDirectories))
        {
            var target = Path.Combine(to, Path.GetRelativePath(from, file));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target);
        }
    }
}
