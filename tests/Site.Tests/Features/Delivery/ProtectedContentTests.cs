using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Site.Core.Content;
using Site.Core.Members;
using Site.Tests.TestSupport;

namespace Site.Tests.Features.Delivery;

/// <summary>
/// Member-only content never reaches those who may not see it: not by id or path, not in lists, and not through a
/// picker, expanded or not (Umbraco's advisory GHSA-wr57-hqmp-fgvh leaked protected content through expansion).
/// </summary>
[Collection(ContentChangeTests.ContentChanges)]
public sealed class ProtectedContentTests(SiteFactory site)
{
    private const string Secret = "SECRET-members-only-text";

    private IPublicAccessService Access => site.Services.GetRequiredService<IPublicAccessService>();

    [Fact]
    public async Task Protected_content_is_refused_and_never_leaks_through_lists_items_or_expanded_pickers()
    {
        var protectedSlug = "members-api-" + Guid.NewGuid().ToString("N")[..8];
        var protectedKey = await site.PublishNewsAsync(protectedSlug, new Dictionary<string, (string, string)>
        {
            ["zh-CN"] = ("会员专享 " + Secret, "会员正文 " + Secret),
            ["en-US"] = ("Members only " + Secret, "Members-only body " + Secret),
        });
        var pickerSlug = "picks-protected-" + Guid.NewGuid().ToString("N")[..8];
        var pickerKey = await site.SaveNewsDraftAsync(Guid.NewGuid(), pickerSlug, new Dictionary<string, (string, string)>
        {
            ["zh-CN"] = ("公开新闻", "公开正文"),
            ["en-US"] = ("Public article", "Public body"),
        }, new PropertyValue("relatedSession", null, ContentUdi.Create(protectedKey)));
        await site.PublishAsync(pickerKey, "zh-CN", "en-US");

        // Before protection the picker shows the content: the test below is not passing by accident.
        var open = await site.GetAsync($"content/item/{pickerKey}?expand=properties[$all]", DeliveryApi.English);
        Assert.Contains(Secret, open.Body, StringComparison.Ordinal);

        Assert.True(await Access.ProtectAsync(new PublicAccessRule(protectedKey, ["Partner schools"]), "test", CancellationToken.None));
        try
        {
            foreach (var language in new[] { DeliveryApi.English, DeliveryApi.Chinese })
            {
                var byId = await site.GetAsync($"content/item/{protectedKey}", language);
                var byPath = await site.GetAsync($"content/item/news/{protectedSlug}", language);
                Assert.Equal(HttpStatusCode.Unauthorized, byId.Status);
                Assert.Equal(HttpStatusCode.Unauthorized, byPath.Status);
                Assert.DoesNotContain(Secret, byId.Body, StringComparison.Ordinal);
                Assert.DoesNotContain(Secret, byPath.Body, StringComparison.Ordinal);

                foreach (var path in new[]
                {
                    $"content/item/{pickerKey}",
                    $"content/item/{pickerKey}?expand=properties[$all]",
                    $"content/item/{pickerKey}?expand=properties[relatedSession[properties[$all]]]&fields=properties[relatedSession[properties[$all]]]",
                    $"content/items?id={pickerKey}&id={protectedKey}&expand=properties[$all]",
                    "content?fetch=children:/news&take=1000&expand=properties[$all]",
                    $"content?filter=name:{Secret}",
                    "content?take=1000",
                    $"content?fetch=children:{protectedKey}",
                    $"content?fetch=ancestors:/news/{protectedSlug}",
                })
                {
                    var response = await site.GetAsync(path, language, ("Preview", "true"), DeliveryApi.Key);
                    var cached = await site.GetAsync(path, language);
                    Assert.DoesNotContain(Secret, response.Body, StringComparison.Ordinal);
                    Assert.DoesNotContain(Secret, cached.Body, StringComparison.Ordinal);
                    if (cached.Status == HttpStatusCode.OK)
                    {
                        Assert.DoesNotContain(protectedKey.ToString(), cached.Body, StringComparison.OrdinalIgnoreCase);
                    }
                }

                var picker = await site.GetAsync($"content/item/{pickerKey}?expand=properties[$all]", language);
                Assert.Equal(HttpStatusCode.OK, picker.Status);
                Assert.Equal(System.Text.Json.JsonValueKind.Null, picker.Json.GetProperty("properties").GetProperty("relatedSession").ValueKind);
            }
        }
        finally
        {
            await Access.UnprotectAsync(protectedKey, "test", CancellationToken.None);
        }

        var after = await site.GetAsync($"content/item/{pickerKey}?expand=properties[$all]", DeliveryApi.English);
        Assert.Contains(Secret, after.Body, StringComparison.Ordinal);
    }
}
