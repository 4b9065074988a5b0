using System.Net;
using AngleSharp.Dom;
using Site.Core.Workflow;
using Site.Features.Public;
using Site.Tests.Features.BackOffice;
using Site.Tests.Features.Members;
using Site.Tests.TestSupport;

namespace Site.Tests.Features.Public;

/// <summary>
/// The error page's status is what went wrong, never a field of the request: a POST re-executed for its error page still
/// carries its form. A form sent without its antiforgery token is a 400 page in the visitor's language.
/// </summary>
public sealed class ErrorStatusTests(SiteFactory site)
{
    public static TheoryData<string, string, string, string> FormsWithoutToken => new()
    {
        { "/en/member/login", "code", "599", "en-US" },
        { "/en/member/login", "code", "200", "en-US" },
        { "/en/member/login", "Code", "abc", "en-US" },
        { "/zh/member/login", "code", "599", "zh-CN" },
        { "/zh/member/login", "Code", "abc", "zh-CN" },
        { "/en/member/register", "code", "404", "en-US" },
        { "/zh/member/forgot-password", "code", "302", "zh-CN" },
    };

    [Theory]
    [MemberData(nameof(FormsWithoutToken))]
    public async Task A_posted_code_field_does_not_set_the_error_pages_status(string path, string field, string value, string culture)
    {
        using var browser = new MemberClient(site);

        var (response, page) = await browser.PostAsync(path, new Dictionary<string, string> { ["Email"] = "a@example.org", [field] = value });

        AssertBadRequestPage(response, page, culture);
    }

    [Theory]
    [InlineData("en", "en-US")]
    [InlineData("zh", "zh-CN")]
    public async Task A_password_reset_without_the_token_is_a_400_page(string prefix, string culture)
    {
        using var browser = new MemberClient(site);
        // The fields of the mailed link's form: its Code is Identity's reset token, which no integer binding can read.
        var fields = new Dictionary<string, string>
        {
            ["Id"] = Guid.NewGuid().ToString(),
            ["Code"] = "CfDJ8Nq1Zx2Yw3Vu4Ts5Rq6Po7Nm8Lk9Ji0Hg-Fe_DcBa",
            ["NewPassword"] = MemberClient.Password,
        };

        var (response, page) = await browser.PostAsync($"/{prefix}/member/reset-password", fields);

        AssertBadRequestPage(response, page, culture);
    }

    [Fact]
    public async Task A_query_string_does_not_set_the_error_pages_status()
    {
        var (response, page) = await site.GetPageAsync("/en/no-such-page?code=200");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal(UiText.For("en-US").NotFoundTitle, page.QuerySelector("h1")?.TextContent);
    }

    [Theory]
    [InlineData("/umbraco/media", "form[action='/umbraco/media']")]
    [InlineData("/umbraco/search", "form[action='/umbraco/search/rebuild']")]
    [InlineData("/umbraco/users", "form[action='/umbraco/users']")]
    public async Task A_back_office_form_without_the_token_is_a_400_page_in_the_visitors_language(string screen, string formSelector)
    {
        using var admin = await BackOfficeScreens.SignInAsync(site, BackOfficeGroups.Administrators);
        admin.Http.DefaultRequestHeaders.AcceptLanguage.ParseAdd("en-US");
        var (_, page) = await admin.GetAsync(screen);
        var action = page.QuerySelector(formSelector)?.GetAttribute("action") ?? throw new InvalidOperationException("No form on " + screen);

        var (response, refused) = await admin.PostAsync(action, new Dictionary<string, string> { ["code"] = "599", ["Alt[en-US]"] = "x" });

        AssertBadRequestPage(response, refused, "en-US");
    }

    [Fact]
    public async Task The_back_office_sign_in_without_the_token_is_a_400_page()
    {
        using var browser = new MemberClient(site);
        browser.Http.DefaultRequestHeaders.AcceptLanguage.ParseAdd("zh-CN");

        var (response, page) = await browser.PostAsync("/umbraco/login", new Dictionary<string, string> { ["Email"] = "a@example.org", ["Password"] = "x", ["code"] = "200" });

        AssertBadRequestPage(response, page, "zh-CN");
    }

    private static void AssertBadRequestPage(HttpResponseMessage response, IDocument page, string culture)
    {
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("text/html", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal(culture, page.DocumentElement.GetAttribute("lang"));
        Assert.Equal(UiText.For(culture).BadRequestTitle, page.QuerySelector("h1")?.TextContent);
        Assert.Equal(UiText.For(culture).BadRequestText, page.QuerySelector("main h1 + p")?.TextContent);
    }
}
