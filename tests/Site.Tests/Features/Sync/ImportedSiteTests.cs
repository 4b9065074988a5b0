using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Site.Core.Workflow;
using Site.Tests.Features.BackOffice;
using Site.Tests.Features.Members;
using Site.Tests.TestSupport;

namespace Site.Tests.Features.Sync;

/// <summary>
/// A site started on the uSync fixture of another Umbraco site (tests/Fixtures/uSync-v16: en-US and da, every core
/// editor, sample content): its content types have no views here, so its pages are the generic page, and the Delivery
/// API serves them as any other.
/// </summary>
public sealed class ImportedSiteTests(SiteFactory site) : IAsyncLifetime
{
    private const string HomeKey = "5a000000-0000-4000-8000-000000000190";
    private readonly string _root = Path.Combine(Path.GetTempPath(), "site-http-tests", "imported-" + Guid.NewGuid().ToString("N"));
    private WebApplicationFactory<Program>? _imported;

    private WebApplicationFactory<Program> Imported => _imported ?? throw new InvalidOperationException("Not started.");

    public ValueTask InitializeAsync()
    {
        var fixture = Path.Combine(Path.GetDirectoryName(UsyncFolders.Repository())!, "..", "tests", "Fixtures", "uSync-v16");
        _imported = site.WithWebHostBuilder(b => b
            .UseSetting("Site:DataPath", Path.Combine(_root, "data"))
            .UseSetting("Site:Sync:Folder", Path.GetFullPath(fixture)));
        _ = _imported.Server;
        return ValueTask.CompletedTask;
    }

    public ValueTask DisposeAsync() => OwnDataFolder.StopAndDeleteAsync(_imported, _root);

    [Fact]
    public async Task A_page_of_a_type_without_a_view_is_the_generic_page_with_its_properties_and_blocks()
    {
        using var client = Imported.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });

        var english = await client.GetAsync(new Uri("/en/", UriKind.Relative), TestContext.Current.CancellationToken);
        var html = await english.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.OK, english.StatusCode);
        Assert.Contains("generic-page", html, StringComparison.Ordinal);
        Assert.Contains("Sample rich text.", html, StringComparison.Ordinal);
        Assert.Contains("A block in the list (sample text).", html, StringComparison.Ordinal);
        Assert.Contains("A block in the grid (sample text).", html, StringComparison.Ordinal);
        Assert.Contains("A block in the rich text (en-US, sample text).", html, StringComparison.Ordinal);
        Assert.Contains("fill=\"#2e7d32\"", html, StringComparison.Ordinal);
        Assert.DoesNotContain(" style=\"", html, StringComparison.Ordinal); // the CSP allows no inline styles
        Assert.Contains("<li>Coffee</li>", html, StringComparison.Ordinal);
        Assert.Contains("href=\"mailto:sample@example.org\"", html, StringComparison.Ordinal);
        Assert.Contains("href=\"https://docs.umbraco.com/\"", html, StringComparison.Ordinal);
        Assert.Contains("Getting there", html, StringComparison.Ordinal); // the child, and the content picker
        Assert.DoesNotContain("umb://member/", html, StringComparison.Ordinal);

        var danish = await client.GetAsync(new Uri("/da/", UriKind.Relative), TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.OK, danish.StatusCode);
        Assert.Contains("Eksempeltekst.", await danish.Content.ReadAsStringAsync(TestContext.Current.CancellationToken), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_delivery_api_serves_the_imported_content_with_typed_values()
    {
        using var client = Imported.CreateClient();

        var item = await client.GetFromJsonAsync<JsonObject>(new Uri($"/umbraco/delivery/api/v2/content/item/{HomeKey}", UriKind.Relative), TestContext.Current.CancellationToken);

        Assert.Equal("landing", (string?)item!["contentType"]);
        var properties = item["properties"]!.AsObject();
        Assert.Equal("Sample landing page", (string?)properties["title"]);
        Assert.Equal(12.5m, (decimal?)properties["price"]);
        Assert.Equal("Green", (string?)properties["colourName"]);
        Assert.Equal(["Coffee", "Tea"], properties["drinks"]!.AsArray().Select(x => (string?)x));
        Assert.Equal("#2e7d32", (string?)properties["theme"]!["color"]);
        Assert.Single(properties["grid"]!["items"]!.AsArray());
        Assert.Single(properties["blocks"]!["items"]!.AsArray());
        Assert.Equal(2, properties["pages"]!.AsArray().Count);
        Assert.Equal(["first sample", "second sample"], properties["aliases"]!.AsArray().Select(x => (string?)x));
    }

    [Fact]
    public async Task The_edit_form_shows_generic_values_as_stored_in_text_areas()
    {
        var user = await BackOfficeApi.CreateUserAsync(Imported, BackOfficeGroups.Editors);
        using var browser = new MemberClient(Imported);
        var (login, _) = await browser.SubmitAsync("/umbraco/login", new Dictionary<string, string> { ["Email"] = user.Email, ["Password"] = BackOfficeApi.Password });
        Assert.Equal(HttpStatusCode.Redirect, login.StatusCode);

        var (response, page) = await browser.GetAsync($"/umbraco/content/{HomeKey}");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var aliases = page.QuerySelectorAll("textarea").Select(t => t.TextContent).ToList();
        Assert.Contains("first sample\nsecond sample", aliases);
    }
}
