using System.Net;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using NetVips;
using Site.Core.Media;
using Site.Core.Workflow;
using Site.Tests.Features.Members;
using Site.Tests.TestSupport;

namespace Site.Tests.Features.BackOffice;

/// <summary>
/// What the rich text editor calls while a writer writes (/umbraco/richtext): an image dropped or pasted into the
/// text goes into the media library through the upload's checks, with its alt text in the field's language; pages to
/// link to are found by name and given in their stored link form.
/// </summary>
[Collection(ContentChangeTests.ContentChanges)]
public sealed class RichTextEditorEndpointTests(SiteFactory site)
{
    private static byte[] Png(int width = 40, int height = 30)
    {
        using var image = Image.Black(width, height, bands: 3);
        return image.PngsaveBuffer();
    }

    private static async Task<(HttpResponseMessage Response, JsonElement Json, string Lang)> UploadAsync(MemberClient browser, byte[] bytes, string fileName, string alt, string culture = "en-US", bool token = true)
    {
        var (_, page) = await browser.GetAsync("/umbraco/media");
        using var content = new MultipartFormDataContent();
        if (token)
        {
            var hidden = page.QuerySelector("form[action='/umbraco/media'] input[name=__RequestVerificationToken]")!;
            content.Add(new StringContent(hidden.GetAttribute("value")!), "__RequestVerificationToken");
        }

        content.Add(new StringContent(alt), "Alt");
        content.Add(new StringContent(culture), "Culture");
        var file = new ByteArrayContent(bytes);
        file.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("image/png");
        content.Add(file, "File", fileName);
        var response = await browser.Http.PostAsync(new Uri("/umbraco/richtext/media", UriKind.Relative), content);
        var body = await response.Content.ReadAsStringAsync();
        var json = response.Content.Headers.ContentType?.MediaType?.EndsWith("json", StringComparison.Ordinal) == true ? JsonDocument.Parse(body).RootElement.Clone() : default;
        return (response, json, page.DocumentElement.GetAttribute("lang")!);
    }

    [Fact]
    public async Task A_dropped_image_is_uploaded_with_its_alt_text_in_the_field_s_language_and_placed_by_key()
    {
        using var browser = await BackOfficeScreens.SignInAsync(site, BackOfficeGroups.Writers);
        var alt = "Dropped " + Guid.NewGuid().ToString("N")[..8];

        var (response, json, _) = await UploadAsync(browser, Png(), "dropped.png", alt);

        Assert.True(response.StatusCode == HttpStatusCode.OK, json.ToString());
        var udi = json.GetProperty("udi").GetString()!;
        Assert.StartsWith("umb://media/", udi, StringComparison.Ordinal);
        Assert.Equal(alt, json.GetProperty("alt").GetString());
        Assert.StartsWith("/media/", json.GetProperty("src").GetString(), StringComparison.Ordinal);
        var item = await site.Services.GetRequiredService<IMediaService>().GetAsync(Guid.ParseExact(udi["umb://media/".Length..], "N"), CancellationToken.None);
        Assert.NotNull(item);
        Assert.Equal(alt, item.Alt("en-US"));
        Assert.Null(item.Alt("zh-CN"));
        Assert.Equal(40, item.Width);
    }

    [Fact]
    public async Task Refusals_are_problem_details_with_the_server_s_message_in_the_editor_s_language()
    {
        using var browser = await BackOfficeScreens.SignInAsync(site, BackOfficeGroups.Writers);

        var (noAlt, noAltJson, lang) = await UploadAsync(browser, Png(), "no-alt.png", "  ", "zh-CN");
        Assert.Equal(HttpStatusCode.BadRequest, noAlt.StatusCode);
        Assert.Equal("application/problem+json", noAlt.Content.Headers.ContentType!.MediaType);
        var words = lang.StartsWith("zh", StringComparison.Ordinal) ? ("替代文本", "JPEG") : ("alt text", "JPEG");
        Assert.Contains(words.Item1, noAltJson.GetProperty("detail").GetString(), StringComparison.Ordinal);

        var (text, textJson, _) = await UploadAsync(browser, "<svg onload=alert(1)>"u8.ToArray(), "photo.png", "A photo");
        Assert.Equal(HttpStatusCode.UnsupportedMediaType, text.StatusCode);
        Assert.Contains(words.Item2, textJson.GetProperty("detail").GetString(), StringComparison.Ordinal);

        var (pdf, _, _) = await UploadAsync(browser, "%PDF-1.4\n1 0 obj << >> endobj\ntrailer << >>\n%%EOF\n"u8.ToArray(), "programme.png", "Programme");
        Assert.Equal(HttpStatusCode.UnsupportedMediaType, pdf.StatusCode);

        var (noToken, _, _) = await UploadAsync(browser, Png(), "no-token.png", "No token", token: false);
        Assert.Equal(HttpStatusCode.BadRequest, noToken.StatusCode);
    }

    [Fact]
    public async Task Too_many_pixels_are_refused_with_413_and_the_limit()
    {
        using var browser = await BackOfficeScreens.SignInAsync(site, BackOfficeGroups.Writers);

        var (response, json, _) = await UploadAsync(browser, Png(9000, 9000), "huge.png", "Huge");

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.Contains("×", json.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_file_far_over_the_limit_is_refused_before_reading_as_a_problem_with_the_limit()
    {
        using var browser = await BackOfficeScreens.SignInAsync(site, BackOfficeGroups.Writers);

        var (response, json, lang) = await UploadAsync(browser, new byte[32 * 1024 * 1024], "huge.png", "Huge");

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.Contains("20", json.GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.Contains(lang.StartsWith("zh", StringComparison.Ordinal) ? "MB" : "larger than 20 MB", json.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Pages_are_found_by_name_in_either_language_with_their_link_by_key()
    {
        using var browser = await BackOfficeScreens.SignInAsync(site, BackOfficeGroups.Writers);
        var id = Guid.NewGuid().ToString("N")[..8];
        var key = await site.PublishNewsAsync("find-" + id, new Dictionary<string, (string, string)>
        {
            ["zh-CN"] = ("坦佩雷会场 " + id, "正文"),
            ["en-US"] = ("Tampere venue " + id, "Body"),
        });
        try
        {
            var response = await browser.Http.GetAsync(new Uri($"/umbraco/richtext/pages?q={Uri.EscapeDataString("坦佩雷会场 " + id)}&culture=en-US", UriKind.Relative));
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            var found = Assert.Single(JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.EnumerateArray());
            Assert.Equal(key, found.GetProperty("key").GetGuid());
            Assert.Equal($"/{{localLink:{key:D}}}", found.GetProperty("href").GetString());
            Assert.Equal("Tampere venue " + id, found.GetProperty("name").GetString());
            Assert.Equal("坦佩雷会场 " + id, found.GetProperty("otherNames").GetString());
            Assert.True(found.GetProperty("published").GetBoolean());

            var none = await browser.Http.GetAsync(new Uri("/umbraco/richtext/pages?q=", UriKind.Relative));
            Assert.Equal("[]", await none.Content.ReadAsStringAsync());
        }
        finally
        {
            await site.RemoveAsync(key);
        }
    }
}
