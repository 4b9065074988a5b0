using System.Net;
using System.Net.Http.Headers;
using System.Text;
using AngleSharp.Dom;
using AngleSharp.Html.Parser;
using Site.Core.Workflow;
using Site.Features.Public;
using Site.Tests.Features.BackOffice;
using Site.Tests.Features.Members;
using Site.Tests.TestSupport;

namespace Site.Tests.Features.Public;

/// <summary>
/// Requests the site cannot read (over a size limit, too many or too long fields, multipart without a boundary or with a
/// broken body) are the client's error: 413 or 400, as ProblemDetails on API paths and as the error page in the
/// visitor's language elsewhere; never 500. The test host enforces Kestrel's body limit (<see cref="KestrelBodyLimit"/>).
/// </summary>
public sealed class RequestLimitTests(SiteFactory site)
{
    private const int Megabyte = 1024 * 1024;

    /// <summary>Over the media limit (20 MB) and over the server's own limit, which alone used to answer 500.</summary>
    private const int OversizedUpload = 32 * Megabyte;

    /// <summary>
    /// Just over the limit (the media service counts the file), far over it with a declared length (refused before
    /// reading) and far over it chunked (refused by the server's limit on reading): the same answer.
    /// </summary>
    [Theory]
    [InlineData(20 * Megabyte + 1, true)]
    [InlineData(OversizedUpload, true)]
    [InlineData(OversizedUpload, false)]
    public async Task An_upload_over_the_media_limit_is_a_413_problem_naming_the_limit_on_the_management_api(int size, bool declaredLength)
    {
        using var api = await BackOfficeApi.ClientAsync(site, BackOfficeGroups.Editors);
        using var content = new MultipartFormDataContent { { Upload(size, declaredLength), "file", "huge.pdf" } };

        var response = await api.PostAsync(new Uri(BackOfficeApi.Prefix + "/media", UriKind.Relative), content);

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = await response.ReadObjectAsync();
        Assert.Equal(413, problem["status"]!.GetValue<int>());
        Assert.Equal("The file is larger than 20 MB.", problem["detail"]!.GetValue<string>());
    }

    [Theory]
    [InlineData("en-US", true, "Too large to send", "What you sent is larger than 20 MB, the most this page accepts.")]
    [InlineData("en-US", false, "Too large to send", "What you sent is larger than 20 MB, the most this page accepts.")]
    [InlineData("zh-CN", true, "提交的内容过大", "您提交的内容超过了本页面可接受的上限 20 MB。")]
    public async Task An_upload_over_the_media_limit_on_the_media_screen_is_a_413_page_naming_the_limit(string acceptLanguage, bool declaredLength, string title, string message)
    {
        using var editor = await BackOfficeScreens.SignInAsync(site, BackOfficeGroups.Editors);
        editor.Http.DefaultRequestHeaders.AcceptLanguage.ParseAdd(acceptLanguage);
        var (_, screen) = await editor.GetAsync("/umbraco/media");
        using var content = new MultipartFormDataContent();
        foreach (var hidden in screen.QuerySelectorAll("form[action='/umbraco/media'] input[type=hidden]"))
        {
            content.Add(new StringContent(hidden.GetAttribute("value") ?? ""), hidden.GetAttribute("name")!);
        }

        content.Add(new StringContent("A large file"), "Alt[en-US]");
        content.Add(new StringContent("大文件"), "Alt[zh-CN]");
        content.Add(Upload(OversizedUpload, declaredLength), "File", "huge.pdf");

        var response = await editor.Http.PostAsync(new Uri("/umbraco/media", UriKind.Relative), content);

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        var page = await ErrorPageAsync(response, acceptLanguage);
        Assert.Equal(title, page.QuerySelector("h1")?.TextContent);
        Assert.Contains(message, page.QuerySelector("main")!.TextContent, StringComparison.Ordinal);
    }

    /// <summary>Bodies no form reader accepts: more fields than FormOptions.ValueCountLimit, one field over ValueLengthLimit, broken multipart.</summary>
    /// <remarks>The last two were found by fuzzing: the multipart reader's "unexpected end of stream" used to be a 500.</remarks>
    public static TheoryData<string> UnreadableBodies =>
        ["many fields", "one huge field", "multipart without a boundary", "garbage multipart", "multipart cut short", "multipart with another boundary"];

    public static TheoryData<string, string, string> PagePosts
    {
        get
        {
            var data = new TheoryData<string, string, string>();
            foreach (var body in UnreadableBodies)
            {
                data.Add("/en/member/login", body, "en-US");
                data.Add("/zh/member/register", body, "zh-CN");
            }

            data.Add("/en/member/reset-password", "many fields", "en-US");
            data.Add("/zh/member/forgot-password", "garbage multipart", "zh-CN");
            return data;
        }
    }

    [Theory]
    [MemberData(nameof(PagePosts))]
    public async Task An_unreadable_form_on_a_site_page_is_a_400_page_in_the_visitors_language(string path, string body, string culture)
    {
        using var browser = new MemberClient(site);
        using var content = Unreadable(body);

        var response = await browser.Http.PostAsync(new Uri(path, UriKind.Relative), content);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var page = await ErrorPageAsync(response, culture);
        Assert.Equal(UiText.For(culture).BadRequestTitle, page.QuerySelector("h1")?.TextContent);
    }

    [Theory]
    [MemberData(nameof(UnreadableBodies))]
    public async Task An_unreadable_form_on_a_back_office_screen_is_a_400_page_in_the_visitors_language(string body)
    {
        using var editor = await BackOfficeScreens.SignInAsync(site, BackOfficeGroups.Editors);
        editor.Http.DefaultRequestHeaders.AcceptLanguage.ParseAdd("en-US");
        foreach (var path in new[] { "/umbraco/media", "/umbraco/login" })
        {
            using var content = Unreadable(body);
            var response = await editor.Http.PostAsync(new Uri(path, UriKind.Relative), content);

            Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
            var page = await ErrorPageAsync(response, "en-US");
            Assert.Equal(UiText.For("en-US").BadRequestTitle, page.QuerySelector("h1")?.TextContent);
        }
    }

    public static TheoryData<string, string> ApiPosts
    {
        get
        {
            var data = new TheoryData<string, string>();
            foreach (var body in UnreadableBodies)
            {
                data.Add(BackOfficeApi.Prefix + "/media", body);
                data.Add(BackOfficeApi.Prefix + "/security/back-office/token", body);
            }

            data.Add("/api/member/token", "many fields");
            data.Add("/umbraco/delivery/api/v2/content", "garbage multipart");
            return data;
        }
    }

    [Theory]
    [MemberData(nameof(ApiPosts))]
    public async Task An_unreadable_form_on_an_api_path_is_a_problem_not_a_500(string path, string body)
    {
        using var api = await BackOfficeApi.ClientAsync(site, BackOfficeGroups.Editors);
        using var content = Unreadable(body);

        var response = await api.PostAsync(new Uri(path, UriKind.Relative), content);

        Assert.True((int)response.StatusCode is >= 400 and < 500, $"{(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal((int)response.StatusCode, (await response.ReadObjectAsync())["status"]!.GetValue<int>());
    }

    [Fact]
    public async Task A_form_the_management_api_cannot_read_is_a_400_problem_that_says_so()
    {
        using var api = await BackOfficeApi.ClientAsync(site, BackOfficeGroups.Editors);
        api.DefaultRequestHeaders.AcceptLanguage.ParseAdd("en-US");
        using var content = Unreadable("multipart without a boundary");

        var response = await api.PostAsync(new Uri(BackOfficeApi.Prefix + "/media", UriKind.Relative), content);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.StartsWith("The request could not be read", (await response.ReadObjectAsync())["detail"]!.GetValue<string>(), StringComparison.Ordinal);
    }

    private static StringContent Unreadable(string body)
    {
        switch (body)
        {
            case "many fields":
                return new StringContent(string.Join('&', Enumerable.Range(0, 5000).Select(i => $"field{i}=x")), Encoding.UTF8, "application/x-www-form-urlencoded");
            case "one huge field":
                return new StringContent("Email=" + new string('a', 5 * Megabyte), Encoding.UTF8, "application/x-www-form-urlencoded");
            case "multipart without a boundary":
                var unbounded = new StringContent("--x\r\nContent-Disposition: form-data; name=\"a\"\r\n\r\nb\r\n--x--\r\n");
                unbounded.Headers.ContentType = new MediaTypeHeaderValue("multipart/form-data");
                return unbounded;
            case "garbage multipart":
                var garbage = new StringContent("--x\r\nnot a header line\r\n\r\nb\r\n--x--\r\n");
                garbage.Headers.ContentType = MediaTypeHeaderValue.Parse("multipart/form-data; boundary=x");
                return garbage;
            case "multipart cut short":
                var cut = new StringContent("--x\r\nContent-Disposition: form-data; name=\"File\"; filename=\"a.png\"\r\nContent-Type: image/png\r\n\r\n\u0089PNG");
                cut.Headers.ContentType = MediaTypeHeaderValue.Parse("multipart/form-data; boundary=x");
                return cut;
            case "multipart with another boundary":
                var other = new StringContent("--x\r\nContent-Disposition: form-data; name=\"a\"\r\n\r\nb\r\n--x--\r\n");
                other.Headers.ContentType = MediaTypeHeaderValue.Parse("multipart/form-data; boundary=other");
                return other;
            default:
                throw new ArgumentOutOfRangeException(nameof(body), body, null);
        }
    }

    /// <summary>A PDF of the given size; without a declared length it is sent chunked, and only the server's limit stops it.</summary>
    private static HttpContent Upload(int size, bool declaredLength)
    {
        var bytes = new byte[size];
        "%PDF-1.4\n"u8.CopyTo(bytes);
        HttpContent file = declaredLength ? new ByteArrayContent(bytes) : new StreamContent(new UnknownLengthStream(bytes));
        file.Headers.ContentType = new MediaTypeHeaderValue("application/pdf");
        return file;
    }

    private static async Task<IDocument> ErrorPageAsync(HttpResponseMessage response, string culture)
    {
        Assert.Equal("text/html", response.Content.Headers.ContentType?.MediaType);
        var page = await new HtmlParser().ParseDocumentAsync(await response.Content.ReadAsStringAsync());
        Assert.Equal(culture, page.DocumentElement.GetAttribute("lang"));
        Assert.Equal("noindex", page.QuerySelector("meta[name=robots]")?.GetAttribute("content"));
        Assert.DoesNotContain("Exception", page.DocumentElement.OuterHtml, StringComparison.Ordinal);
        return page;
    }

    /// <summary>A stream that does not tell its length, so the client cannot declare one.</summary>
    private sealed class UnknownLengthStream(byte[] bytes) : MemoryStream(bytes)
    {
        public override bool CanSeek => false;
    }
}
