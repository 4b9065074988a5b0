using System.Net;
using AngleSharp.Dom;
using AngleSharp.Html.Parser;
using Microsoft.AspNetCore.Mvc.Testing;
using Site.Core.Workflow;
using Site.Features.BackOffice;
using Site.Tests.Features.Members;
using Site.Tests.TestSupport;

namespace Site.Tests.Features.BackOffice;

/// <summary>A cookie browser signed in to the back office as a new account of a group (English screens).</summary>
public static class BackOfficeScreens
{
    /// <remarks>
    /// Administrators sign in as the site's configured one (other tests count the administrators: there must stay one),
    /// whose screens may be in either language: read its words with <see cref="TextOf"/>.
    /// </remarks>
    public static async Task<MemberClient> SignInAsync(WebApplicationFactory<Program> site, string group, string? translatorCulture = null)
    {
        var (email, password) = group == BackOfficeGroups.Administrators
            ? (SiteFactory.AdminEmail, SiteFactory.AdminPassword)
            : ((await BackOfficeApi.CreateUserAsync(site, group, translatorCulture)).Email, BackOfficeApi.Password);
        var browser = new MemberClient(site);
        var (response, page) = await browser.SubmitAsync("/umbraco/login", new Dictionary<string, string> { ["Email"] = email, ["Password"] = password });
        Assert.True(response.StatusCode == HttpStatusCode.Redirect, page.DocumentElement.OuterHtml);
        return browser;
    }

    /// <summary>The back office's words in the language the page is in.</summary>
    public static BackOfficeText TextOf(IDocument page)
    {
        ArgumentNullException.ThrowIfNull(page);
        return BackOfficeText.For(page.DocumentElement.GetAttribute("lang") ?? "");
    }

    /// <summary>Asserts a page answered 200 with one h1, and returns that heading's text.</summary>
    public static string AssertPage(HttpResponseMessage response, IDocument page)
    {
        ArgumentNullException.ThrowIfNull(response);
        ArgumentNullException.ThrowIfNull(page);
        Assert.True(response.StatusCode == HttpStatusCode.OK, page.DocumentElement.OuterHtml);
        var headings = page.QuerySelectorAll("h1");
        Assert.Single(headings);
        return headings[0].TextContent.Trim();
    }

    /// <summary>Posts a multipart form (a file and fields) with the hidden fields of the page's form, as a browser would.</summary>
    public static async Task<(HttpResponseMessage Response, IDocument Document)> PostFileAsync(
        MemberClient browser, string path, string formSelector, byte[] bytes, string fileName, IReadOnlyDictionary<string, string> fields)
    {
        ArgumentNullException.ThrowIfNull(browser);
        ArgumentNullException.ThrowIfNull(fields);
        var (_, page) = await browser.GetAsync(path);
        var form = page.QuerySelector(formSelector) ?? throw new InvalidOperationException("No form " + formSelector + " on " + path);
        Assert.Equal("multipart/form-data", form.GetAttribute("enctype"));
        using var content = new MultipartFormDataContent();
        foreach (var hidden in form.QuerySelectorAll("input[type=hidden]"))
        {
            content.Add(new StringContent(hidden.GetAttribute("value") ?? ""), hidden.GetAttribute("name")!);
        }

        foreach (var (name, value) in fields)
        {
            content.Add(new StringContent(value), name);
        }

        var file = new ByteArrayContent(bytes);
        file.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("application/octet-stream");
        content.Add(file, "File", fileName);
        var response = await browser.Http.PostAsync(new Uri(form.GetAttribute("action")!, UriKind.Relative), content);
        return (response, await new HtmlParser().ParseDocumentAsync(await response.Content.ReadAsStringAsync()));
    }
}
