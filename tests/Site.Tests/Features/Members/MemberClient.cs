using System.Net;
using System.Text.RegularExpressions;
using AngleSharp.Dom;
using AngleSharp.Html.Parser;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using MimeKit;
using Site.Core;
using Site.Tests.TestSupport;

namespace Site.Tests.Features.Members;

/// <summary>A browser with cookies: reads forms (with their antiforgery token) and posts them, as a person would.</summary>
public sealed partial class MemberClient : IDisposable
{
    public const string Password = "correct horse battery staple";

    private readonly WebApplicationFactory<Program> _site;

    public MemberClient(WebApplicationFactory<Program> site)
    {
        _site = site;
        Http = site.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });
    }

    public HttpClient Http { get; }

    public static string NewEmail(string tag) => $"{tag}-{Guid.NewGuid():N}@example.org";

    public async Task<(HttpResponseMessage Response, IDocument Document)> GetAsync(string path)
    {
        var response = await Http.GetAsync(new Uri(path, UriKind.Relative));
        return (response, await ParseAsync(response));
    }

    /// <summary>Opens the page at <paramref name="path"/> and submits its form (the one that posts to the page) with the given fields.</summary>
    public async Task<(HttpResponseMessage Response, IDocument Document)> SubmitAsync(string path, IReadOnlyDictionary<string, string> fields, string? formSelector = null)
    {
        var (_, page) = await GetAsync(path);
        var form = page.QuerySelector(formSelector ?? "main form") ?? throw new InvalidOperationException("No form on " + path);
        var values = form.QuerySelectorAll("input[type=hidden]").ToDictionary(i => i.GetAttribute("name")!, i => i.GetAttribute("value") ?? "", StringComparer.Ordinal);
        foreach (var (key, value) in fields)
        {
            values[key] = value;
        }

        var action = form.GetAttribute("action") is { Length: > 0 } a ? a : path;
        return await PostAsync(action, values);
    }

    public async Task<(HttpResponseMessage Response, IDocument Document)> PostAsync(string path, IReadOnlyDictionary<string, string> fields)
    {
        using var content = new FormUrlEncodedContent(fields);
        var response = await Http.PostAsync(new Uri(path, UriKind.Relative), content);
        return (response, await ParseAsync(response));
    }

    /// <summary>Registers, confirms from the pickup folder and logs in; returns the new member's email.</summary>
    public async Task<string> RegisterAndLogInAsync(string prefix, string name = "Test Principal", string culture = "en-US")
    {
        var email = NewEmail(prefix);
        var (registered, _) = await SubmitAsync($"/{prefix}/member/register", RegistrationFields(email, name, culture));
        Assert.Equal(HttpStatusCode.Redirect, registered.StatusCode);
        var link = await MailLinkAsync(email);
        var (confirmed, _) = await GetAsync(link);
        Assert.Equal(HttpStatusCode.OK, confirmed.StatusCode);
        var (loggedIn, _) = await LogInAsync(prefix, email, Password);
        Assert.Equal(HttpStatusCode.Redirect, loggedIn.StatusCode);
        return email;
    }

    public Task<(HttpResponseMessage Response, IDocument Document)> LogInAsync(string prefix, string email, string password) =>
        SubmitAsync($"/{prefix}/member/login", new Dictionary<string, string> { ["Email"] = email, ["Password"] = password });

    public static Dictionary<string, string> RegistrationFields(string email, string name = "Test Principal", string culture = "en-US", string password = Password) => new()
    {
        ["Email"] = email,
        ["Password"] = password,
        ["Name"] = name,
        ["School"] = "Suzhou Experimental School",
        ["Position"] = "Principal",
        ["City"] = "Suzhou",
        ["Country"] = "China",
        ["PreferredCulture"] = culture,
    };

    /// <summary>The mails sent to an address, oldest first, from the site's pickup folder.</summary>
    public IReadOnlyList<MimeMessage> MailsTo(string email) => Mailbox(_site, email);

    public static IReadOnlyList<MimeMessage> Mailbox(WebApplicationFactory<Program> site, string email)
    {
        var folder = Path.Combine(site.Services.GetRequiredService<IOptions<SiteCoreOptions>>().Value.DataPath, "mail");
        if (!Directory.Exists(folder))
        {
            return [];
        }

        return [.. Directory.GetFiles(folder, "*.eml").Order(StringComparer.Ordinal)
            .Select(f => MimeMessage.Load(f))
            .Where(m => m.To.Mailboxes.Any(a => string.Equals(a.Address, email, StringComparison.OrdinalIgnoreCase)))];
    }

    /// <summary>The link in the newest mail to the address, as a path on the site.</summary>
    public async Task<string> MailLinkAsync(string email)
    {
        for (var attempt = 0; attempt < 50; attempt++)
        {
            if (MailsTo(email) is { Count: > 0 } mails)
            {
                return LinkIn(mails[^1]);
            }

            await Task.Delay(50);
        }

        throw new InvalidOperationException("No mail to " + email);
    }

    public static string LinkIn(MimeMessage mail)
    {
        ArgumentNullException.ThrowIfNull(mail);
        var match = LinkPattern().Match(mail.TextBody ?? string.Empty);
        Assert.True(match.Success, "No link in: " + mail.TextBody);
        return new Uri(match.Value).PathAndQuery;
    }

    private static async Task<IDocument> ParseAsync(HttpResponseMessage response) =>
        await new HtmlParser().ParseDocumentAsync(await response.Content.ReadAsStringAsync());

    [GeneratedRegex(@"https?://\S+/member/\S+")]
    private static partial Regex LinkPattern();

    public void Dispose() => Http.Dispose();
}
