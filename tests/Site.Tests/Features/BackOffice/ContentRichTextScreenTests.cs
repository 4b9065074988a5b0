using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Site.Core.Publishing;
using Site.Core.Workflow;
using Site.Tests.Features.Members;
using Site.Tests.TestSupport;

namespace Site.Tests.Features.BackOffice;

/// <summary>
/// The edit form with rich text: an image without alt text in the field's language is refused on save, with the
/// message at the field (naming the property), and what was typed stays.
/// </summary>
public sealed class ContentRichTextScreenTests(SiteFactory site)
{
    [Fact]
    public async Task An_image_without_alt_text_is_refused_at_its_field_and_the_text_stays()
    {
        var user = await BackOfficeApi.CreateUserAsync(site, BackOfficeGroups.Writers, null);
        using var browser = new MemberClient(site);
        var (signedIn, _) = await browser.SubmitAsync("/umbraco/login", new Dictionary<string, string> { ["Email"] = user.Email, ["Password"] = BackOfficeApi.Password });
        Assert.Equal(HttpStatusCode.Redirect, signedIn.StatusCode);
        var about = site.Services.GetRequiredService<IPublishedSnapshotAccessor>().Current.OfType("about").Single().Key;
        const string Markup = "<p>The hall <img src=\"/media/0123456789abcdef0123456789abcdef/abc/hall.jpg\"></p>";
        var fields = new Dictionary<string, string>
        {
            ["name.zh-CN"] = "替代文本页",
            ["name.en-US"] = "Alt text page",
            ["v.title.zh-CN"] = "替代文本页",
            ["v.title.en-US"] = "Alt text page",
            ["v.bodyText.en-US"] = Markup,
        };

        var (response, page) = await browser.SubmitAsync($"/umbraco/content/create?parentId={about}&type=page", fields, "form.content-form");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.NotNull(page.QuerySelector(".error-summary a[href='#f-v-bodyText-en-US']"));
        var error = page.QuerySelector("#f-v-bodyText-en-US-error")!.TextContent;
        var chinese = page.DocumentElement.GetAttribute("lang")!.StartsWith("zh", StringComparison.Ordinal);
        Assert.Contains(chinese ? "替代文本" : "alt text", error, StringComparison.Ordinal);
        Assert.Contains("en-US", error, StringComparison.Ordinal);
        Assert.Contains("hall.jpg", page.QuerySelector("#f-v-bodyText-en-US")!.TextContent, StringComparison.Ordinal);
    }
}
