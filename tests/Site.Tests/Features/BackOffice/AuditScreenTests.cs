using System.Globalization;
using System.Net;
using Microsoft.Extensions.DependencyInjection;
using NetVips;
using Site.Core.Audit;
using Site.Core.Media;
using Site.Core.Workflow;
using Site.Tests.TestSupport;

namespace Site.Tests.Features.BackOffice;

/// <summary>The audit trail screen at /umbraco/audit: every back-office user, filters, 50 a page.</summary>
public sealed class AuditScreenTests(SiteFactory site)
{
    private async Task<(string User, Guid Key)> UploadAsAsync()
    {
        var user = new BackOfficeUser($"audited-{Guid.NewGuid():N}@forum.test", "Audited editor", new HashSet<string> { BackOfficeGroups.Editors });
        using var image = Image.Black(20, 20, bands: 3);
        var result = await site.Services.GetRequiredService<IMediaService>().UploadAsync(
            new MemoryStream(image.PngsaveBuffer()), "audited.png", new Dictionary<string, string> { ["zh-CN"] = "图", ["en-US"] = "Picture" }, null, user, CancellationToken.None);
        Assert.True(result.Succeeded);
        return (user.Id, result.Item!.Key);
    }

    [Fact]
    public async Task A_writer_sees_the_audit_trail_with_its_filter_form()
    {
        using var writer = await BackOfficeScreens.SignInAsync(site, BackOfficeGroups.Writers);
        var (response, page) = await writer.GetAsync("/umbraco/audit");
        Assert.Equal("Audit trail", BackOfficeScreens.AssertPage(response, page));
        var form = page.QuerySelector("main form")!;
        Assert.Equal("get", form.GetAttribute("method"));
        foreach (var name in new[] { "user", "action", "culture", "from", "to" })
        {
            var input = form.QuerySelector($"[name={name}]");
            Assert.NotNull(input);
            Assert.NotNull(page.QuerySelector($"label[for={input.Id}]"));
        }
    }

    [Fact]
    public async Task Filtering_by_user_and_action_shows_the_matching_rows_only()
    {
        var (user, key) = await UploadAsAsync();
        using var editor = await BackOfficeScreens.SignInAsync(site, BackOfficeGroups.Editors);
        var today = DateTime.UtcNow.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

        var (response, page) = await editor.GetAsync($"/umbraco/audit?user={Uri.EscapeDataString(user)}&action={AuditActions.Upload}&from={today}&to={today}");
        BackOfficeScreens.AssertPage(response, page);
        var row = Assert.Single(page.QuerySelectorAll("main tbody tr"));
        Assert.Equal(AuditActions.Upload, row.QuerySelector(".audit-action")!.TextContent);
        Assert.Equal($"/umbraco/content/{key}", row.QuerySelector("a")!.GetAttribute("href"));
        var time = row.QuerySelector("time")!;
        Assert.EndsWith("Z", time.GetAttribute("datetime"), StringComparison.Ordinal);
        Assert.Contains("UTC", time.TextContent, StringComparison.Ordinal);
        Assert.Equal(user, page.QuerySelector("#f-User")!.GetAttribute("value"));

        var (_, other) = await editor.GetAsync($"/umbraco/audit?user={Uri.EscapeDataString(user)}&action={AuditActions.MediaDelete}");
        Assert.Empty(other.QuerySelectorAll("main tbody tr"));
        var tomorrow = DateTime.UtcNow.AddDays(1).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        var (_, later) = await editor.GetAsync($"/umbraco/audit?user={Uri.EscapeDataString(user)}&from={tomorrow}");
        Assert.Empty(later.QuerySelectorAll("main tbody tr"));
    }

    [Fact]
    public async Task A_malformed_date_answers_400_with_the_field_marked()
    {
        using var editor = await BackOfficeScreens.SignInAsync(site, BackOfficeGroups.Editors);
        var (response, page) = await editor.GetAsync("/umbraco/audit?from=yesterday&action=<script>alert(1)</script>");
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("true", page.QuerySelector("#f-From")!.GetAttribute("aria-invalid"));
        Assert.NotNull(page.QuerySelector(".error-summary a[href='#f-From']"));
        Assert.Equal("<script>alert(1)</script>", page.QuerySelector("#f-Action")!.GetAttribute("value"));
        Assert.Empty(page.QuerySelectorAll("main script"));
    }
}
