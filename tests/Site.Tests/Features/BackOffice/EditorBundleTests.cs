using System.IO.Compression;
using System.Net;
using Site.Tests.TestSupport;

namespace Site.Tests.Features.BackOffice;

/// <summary>The rich text editor's bundle is served from the site itself and stays within its size budget.</summary>
public sealed class EditorBundleTests(SiteFactory site)
{
    /// <summary>The budget for richtext.js, gzip-compressed (Tiptap 3 with its starter kit, tables and images: about 144 KB).</summary>
    public const int BudgetBytes = 160 * 1024;

    private static string BundlePath()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, "src", "Site", "wwwroot", "umbraco", "dist", "richtext.js");
            if (File.Exists(candidate))
            {
                return candidate;
            }
        }

        Assert.Skip("The editor bundle (src/Site/wwwroot/umbraco/dist/richtext.js) was not built: the build makes it when Node.js and npm are installed (apt-get install nodejs npm); .ci/run has them.");
        return string.Empty;
    }

    [Fact]
    public async Task The_bundle_is_served_with_a_long_cache_and_within_its_compressed_budget()
    {
        var path = BundlePath();
        using var compressed = new MemoryStream();
        await using (var gzip = new GZipStream(compressed, CompressionLevel.Optimal, leaveOpen: true))
        {
            await using var file = File.OpenRead(path);
            await file.CopyToAsync(gzip);
        }

        Assert.True(compressed.Length <= BudgetBytes, $"richtext.js is {compressed.Length / 1024} KB compressed; the budget is {BudgetBytes / 1024} KB.");

        using var client = site.CreateBrowserClient();
        var response = await client.GetAsync(new Uri("/umbraco/dist/richtext.js?v=test", UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/javascript", response.Content.Headers.ContentType?.MediaType);
        Assert.True(response.Headers.CacheControl?.MaxAge > TimeSpan.FromDays(300));
    }
}
