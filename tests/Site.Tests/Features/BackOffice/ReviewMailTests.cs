using Microsoft.Extensions.DependencyInjection;
using Site.Core.Publishing;
using Site.Core.Workflow;
using Site.Tests.Features.Members;
using Site.Tests.TestSupport;

namespace Site.Tests.Features.BackOffice;

/// <summary>Reviewers are told by mail (pickup folder) in their language; the writer hears the decision.</summary>
[Collection(ContentChangeTests.ContentChanges)]
public sealed class ReviewMailTests(SiteFactory site)
{
    [Fact]
    public async Task A_submission_mails_the_reviewers_and_a_rejection_mails_the_writer()
    {
        var editor = await BackOfficeApi.CreateUserAsync(site, BackOfficeGroups.Editors);
        var writer = await BackOfficeApi.CreateUserAsync(site, BackOfficeGroups.Writers);
        using var writerApi = site.CreateClient();
        writerApi.DefaultRequestHeaders.Authorization = new("Bearer", await BackOfficeApi.TokenAsync(site, writer.Email, BackOfficeApi.Password));
        var created = await writerApi.PostJsonAsync("/document", new
        {
            parentId = site.Services.GetRequiredService<IPublishedSnapshotAccessor>().Current.OfType("newsIndex").Single().Key,
            contentType = "newsArticle",
            names = new Dictionary<string, string> { ["zh-CN"] = "邮件测试", ["en-US"] = "Mail test article" },
            values = Array.Empty<object>(),
        });
        var id = (await created.ReadObjectAsync())["id"]!.GetValue<Guid>();

        Assert.True((await writerApi.PostJsonAsync($"/document/{id}/submit", new { culture = "en-US", comment = "Please check the dates" })).IsSuccessStatusCode);
        var toEditor = await WaitForMailAsync(editor.Email);
        Assert.Equal("For review: Mail test article (English (en-US))", toEditor.Subject);
        Assert.Contains("Please check the dates", toEditor.TextBody, StringComparison.Ordinal);
        Assert.Contains($"/umbraco/content/{id}?culture=en-US", toEditor.TextBody, StringComparison.Ordinal);

        using var editorApi = await BackOfficeApi.ClientAsync(site, BackOfficeGroups.Editors);
        Assert.True((await editorApi.PostJsonAsync($"/document/{id}/reject", new { culture = "en-US", comment = "The date is wrong" })).IsSuccessStatusCode);
        var toWriter = await WaitForMailAsync(writer.Email);
        Assert.StartsWith("Returned: Mail test article", toWriter.Subject, StringComparison.Ordinal);
        Assert.Contains("The date is wrong", toWriter.TextBody, StringComparison.Ordinal);
    }

    private async Task<MimeKit.MimeMessage> WaitForMailAsync(string email)
    {
        for (var attempt = 0; attempt < 50; attempt++)
        {
            if (MemberClient.Mailbox(site, email) is { Count: > 0 } mails)
            {
                return mails[^1];
            }

            await Task.Delay(100);
        }

        throw new InvalidOperationException("No mail to " + email);
    }
}
