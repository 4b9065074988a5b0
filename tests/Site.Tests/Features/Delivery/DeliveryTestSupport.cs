using System.Net.Http.Headers;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Site.Core.Content;
using Site.Core.Publishing;
using Site.Tests.TestSupport;

namespace Site.Tests.Features.Delivery;

/// <summary>Calls the Delivery API of a test host and reads its JSON.</summary>
public static class DeliveryApi
{
    public const string Root = "/umbraco/delivery/api/v2";

    public static async Task<DeliveryResponse> GetDeliveryAsync(this HttpClient client, string path, params (string Name, string Value)[] headers)
    {
        ArgumentNullException.ThrowIfNull(client);
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri(path.StartsWith('/') ? path : Root + "/" + path, UriKind.Relative));
        foreach (var (name, value) in headers)
        {
            request.Headers.TryAddWithoutValidation(name, value);
        }

        var response = await client.SendAsync(request);
        var body = await response.Content.ReadAsStringAsync();
        return new DeliveryResponse(response, body);
    }

    public static async Task<DeliveryResponse> GetAsync(this SiteFactory site, string path, params (string Name, string Value)[] headers)
    {
        ArgumentNullException.ThrowIfNull(site);
        using var client = site.CreateBrowserClient();
        return await client.GetDeliveryAsync(path, headers);
    }

    public static PublishedSnapshot Snapshot(this SiteFactory site) =>
        site.Services.GetRequiredService<IPublishedSnapshotAccessor>().Current;

    public static (string Name, string Value) English => ("Accept-Language", "en-us");

    public static (string Name, string Value) Chinese => ("Accept-Language", "zh-cn");

    public static (string Name, string Value) Key => ("Api-Key", SiteFactory.DeliveryApiKey);

    /// <summary>Saves a news article as a draft (nothing published) and returns its key.</summary>
    public static async Task<Guid> SaveNewsDraftAsync(this SiteFactory site, Guid key, string slug, IReadOnlyDictionary<string, (string Title, string Body)> cultures, params PropertyValue[] extra)
    {
        ArgumentNullException.ThrowIfNull(site);
        ArgumentNullException.ThrowIfNull(cultures);
        var newsIndex = site.Snapshot().OfType("newsIndex").Single();
        var values = new List<PropertyValue> { new("publishDate", null, "2026-02-01") };
        values.AddRange(extra);
        foreach (var (culture, (title, body)) in cultures)
        {
            values.Add(new PropertyValue("title", culture, title));
            values.Add(new PropertyValue("bodyText", culture, body));
            values.Add(new PropertyValue("umbracoUrlName", culture, slug));
        }

        var data = new ContentData(cultures.ToDictionary(c => c.Key, c => c.Value.Title), values);
        var saved = await site.Services.GetRequiredService<IContentService>()
            .SaveAsync(new ContentEdit(key, newsIndex.Key, "newsArticle", data), "test", CancellationToken.None);
        Assert.True(saved.Succeeded, string.Join("; ", saved.Errors.Select(e => e.Message.ToString())));
        return key;
    }

    public static async Task PublishAsync(this SiteFactory site, Guid key, params string[] cultures)
    {
        ArgumentNullException.ThrowIfNull(site);
        var published = await site.Services.GetRequiredService<IPublishingService>().PublishAsync(key, cultures, "test", CancellationToken.None);
        Assert.True(published.Succeeded, string.Join("; ", published.Errors.Select(e => e.Message.ToString())));
    }
}

/// <summary>A response with its body; <see cref="Json"/> parses it.</summary>
public sealed class DeliveryResponse(HttpResponseMessage response, string body)
{
    public HttpResponseMessage Message { get; } = response;

    public System.Net.HttpStatusCode Status => Message.StatusCode;

    public string Body { get; } = body;

    public JsonElement Json => JsonDocument.Parse(Body).RootElement;

    public string? Header(string name) =>
        Message.Headers.TryGetValues(name, out var values) || Message.Content.Headers.TryGetValues(name, out values) ? string.Join(", ", values) : null;

    public MediaTypeHeaderValue? ContentType => Message.Content.Headers.ContentType;

    public IReadOnlyList<string> Names => [.. Json.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("name").GetString()!)];

    public IReadOnlyList<string> Paths => [.. Json.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("route").GetProperty("path").GetString()!)];

    /// <summary>Asserts a 400 ProblemDetails that names the parameter.</summary>
    public void AssertBadRequest(string parameter)
    {
        Assert.True(Status == System.Net.HttpStatusCode.BadRequest, $"expected 400, got {(int)Status}: {Body}");
        Assert.Equal("application/problem+json", ContentType?.MediaType);
        Assert.Equal(400, Json.GetProperty("status").GetInt32());
        Assert.Equal(parameter, Json.GetProperty("parameter").GetString());
        Assert.False(string.IsNullOrWhiteSpace(Json.GetProperty("detail").GetString()));
    }
}
