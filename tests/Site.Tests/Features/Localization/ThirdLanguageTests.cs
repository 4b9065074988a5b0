using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Site.Tests.Features.Members;
using Site.Tests.TestSupport;

namespace Site.Tests.Features.Localization;

/// <summary>
/// A language is content, not code: a copy of the repository's uSync folder with fr-FR added (a language file, and French
/// names and titles on the home and About pages) gives French pages, Delivery API answers, search and edit-form fields,
/// with the site's own words in English where no French translation file exists.
/// </summary>
public sealed partial class ThirdLanguageTests(SiteFactory site) : IAsyncLifetime
{
    private const string FrenchTitle = "À propos du forum";
    private readonly string _root = Path.Combine(Path.GetTempPath(), "site-http-tests", "fr-" + Guid.NewGuid().ToString("N"));
    private WebApplicationFactory<Program>? _french;

    private WebApplicationFactory<Program> French => _french ?? throw new InvalidOperationException("Not started.");

    public async ValueTask InitializeAsync()
    {
        var usync = Path.Combine(_root, "uSync");
        UsyncFolders.CopyRepository(usync);
        await File.WriteAllTextAsync(Path.Combine(usync, "Languages", "fr-fr.config"), """
            <?xml version="1.0" encoding="utf-8"?>
            <Language Key="6b0a3a55-8e64-4a51-9f7e-7b4f3c0f1a21" Alias="fr-FR" Level="0">
              <Info>
                <IsoCode>fr-FR</IsoCode>
                <CultureName>French (France)</CultureName>
                <IsMandatory>false</IsMandatory>
                <IsDefault>false</IsDefault>
                <Fallback>zh-CN</Fallback>
              </Info>
            </Language>
            """);
        AddFrench(Path.Combine(usync, "Content", "首页.config"), "Accueil", new() { ["title"] = "Forum international des chefs d'établissement du Jiangsu" });
        AddFrench(Path.Combine(usync, "Content", "会议简介.config"), "À propos", new()
        {
            ["title"] = FrenchTitle,
            ["bodyText"] = "Le forum réunit des chefs d'établissement depuis 2005.",
            ["umbracoUrlName"] = "a-propos",
        });

        _french = site.WithWebHostBuilder(b => b
            .UseSetting("Site:DataPath", Path.Combine(_root, "data"))
            .UseSetting("Site:Sync:Folder", usync));
        _ = _french.Server;
        await Task.CompletedTask;
    }

    public ValueTask DisposeAsync() => OwnDataFolder.StopAndDeleteAsync(_french, _root);

    [Fact]
    public async Task French_pages_are_served_with_the_sites_words_in_english_and_french_in_the_switcher()
    {
        using var client = French.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });

        var home = await client.GetAsync(new Uri("/fr/", UriKind.Relative));
        var about = await client.GetAsync(new Uri("/fr/a-propos", UriKind.Relative));
        var aboutHtml = await about.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, home.StatusCode);
        Assert.Equal(HttpStatusCode.OK, about.StatusCode);
        Assert.Contains("<html lang=\"fr-FR\"", aboutHtml, StringComparison.Ordinal);
        Assert.Contains(FrenchTitle, aboutHtml, StringComparison.Ordinal);
        Assert.Contains("Skip to main content", aboutHtml, StringComparison.Ordinal); // no French translation file: English
        Assert.Contains("hreflang=\"fr-FR\"", await (await client.GetAsync(new Uri("/en/about", UriKind.Relative))).Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Contains(">français<", aboutHtml, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_delivery_api_and_search_answer_in_french()
    {
        using var client = French.CreateClient();
        using var request = new HttpRequestMessage(HttpMethod.Get, "/umbraco/delivery/api/v2/content/item/a-propos");
        request.Headers.Add("Accept-Language", "fr-fr");
        var item = await client.SendAsync(request);
        var json = await item.Content.ReadFromJsonAsync<JsonObject>();

        Assert.Equal(HttpStatusCode.OK, item.StatusCode);
        Assert.Equal("À propos", json!["name"]!.GetValue<string>());
        Assert.Equal(FrenchTitle, json["properties"]!["title"]!.GetValue<string>());

        // The index is built in the background on a new site: ask until it answers (or give up after ten seconds).
        JsonArray? items = null;
        for (var attempt = 0; attempt < 50 && items is not { Count: > 0 }; attempt++)
        {
            var search = await client.GetFromJsonAsync<JsonObject>(new Uri("/api/search?q=propos&culture=fr-FR", UriKind.Relative));
            items = search!["items"]!.AsArray();
            await Task.Delay(items.Count > 0 ? 0 : 200);
        }

        Assert.NotNull(items);
        Assert.True(items.Any(r => r!["culture"]!.GetValue<string>() == "fr-FR" && r["name"]!.GetValue<string>() == FrenchTitle && r["url"]!.GetValue<string>() == "/fr/a-propos"), items.ToJsonString());
    }

    [Fact]
    public async Task The_edit_form_has_a_french_column()
    {
        var browser = new MemberClient(French);
        var (signedIn, _) = await browser.SubmitAsync("/umbraco/login", new Dictionary<string, string> { ["Email"] = SiteFactory.AdminEmail, ["Password"] = SiteFactory.AdminPassword });
        Assert.Equal(HttpStatusCode.Redirect, signedIn.StatusCode);
        using var api = French.CreateClient();
        var delivery = await api.GetFromJsonAsync<JsonObject>(new Uri("/umbraco/delivery/api/v2/content/item/about", UriKind.Relative));
        var key = delivery!["id"]!.GetValue<string>();

        var (edit, page) = await browser.GetAsync($"/umbraco/content/{key}");

        Assert.Equal(HttpStatusCode.OK, edit.StatusCode);
        Assert.Equal(FrenchTitle, page.QuerySelector("[name='v.title.fr-FR']")?.GetAttribute("value"));
        Assert.NotNull(page.QuerySelector("[name='v.title.zh-CN']"));
        Assert.NotNull(page.QuerySelector("[name='v.title.en-US']"));
        browser.Dispose();
    }

    /// <summary>Adds fr-FR to a content file: a name, a published flag and values beside the en-US ones.</summary>
    private static void AddFrench(string path, string name, Dictionary<string, string> values)
    {
        var xml = File.ReadAllText(path);
        xml = EnglishName().Replace(xml, m => $"{m.Value}\n      <Name Culture=\"fr-FR\">{name}</Name>", 1);
        xml = EnglishPublished().Replace(xml, m => $"{m.Value}\n      <Published Culture=\"fr-FR\">true</Published>", 1);
        foreach (var (alias, value) in values)
        {
            xml = Regex.Replace(xml, $"(<{alias}>\\s*)", $"$1<Value Culture=\"fr-FR\"><![CDATA[{value}]]></Value>\n      ", RegexOptions.None, TimeSpan.FromSeconds(1));
        }

        File.WriteAllText(path, xml);
    }

    [GeneratedRegex("<Name Culture=\"en-US\">[^<]*</Name>")]
    private static partial Regex EnglishName();

    [GeneratedRegex("<Published Culture=\"en-US\">true</Published>")]
    private static partial Regex EnglishPublished();
}
