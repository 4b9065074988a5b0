using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using AngleSharp.Html.Parser;

namespace Site.Tests.TestSupport;

/// <summary>What every fuzzed request must get back, and query strings made of hostile text.</summary>
public static class HttpFuzz
{
    /// <summary>
    /// Percent-encodes text as a browser would (UTF-8; a lone surrogate becomes U+FFFD on the way, as it must), except
    /// that a value starting with "%raw:" is sent as written, so broken escapes ("%", "%zz", "%C0%AF") reach the server.
    /// </summary>
    public static string Encode(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        if (value.StartsWith("%raw:", StringComparison.Ordinal))
        {
            return new string([.. value[5..].Where(c => c is > ' ' and < '\u007f' and not '#' and not '&')]);
        }

        var builder = new StringBuilder();
        foreach (var b in Encoding.UTF8.GetBytes(value))
        {
            if (b is (>= (byte)'a' and <= (byte)'z') or (>= (byte)'A' and <= (byte)'Z') or (>= (byte)'0' and <= (byte)'9') or (byte)'-' or (byte)'_' or (byte)'.' or (byte)'~')
            {
                builder.Append((char)b);
            }
            else
            {
                builder.Append('%').Append(b.ToString("X2", System.Globalization.CultureInfo.InvariantCulture));
            }
        }

        return builder.ToString();
    }

    /// <summary>
    /// A path segment: as <see cref="Encode"/> without NUL, which Kestrel refuses (400) before the site sees the request
    /// and the test server cannot carry at all.
    /// </summary>
    public static string EncodePath(string value) => Encode(value.Replace("\0", "", StringComparison.Ordinal).Replace("%00", "", StringComparison.Ordinal));

    public static string Query(IEnumerable<(string Name, string Value)> parameters) =>
        string.Join('&', parameters.Select(p => Encode(p.Name) + "=" + Encode(p.Value)));

    /// <summary>
    /// Never a 5xx. An API's refusal is a ProblemDetails whose status is the response's; a page's refusal is an HTML
    /// page with its language set. Returns the body.
    /// </summary>
    public static async Task<string> AssertHandledAsync(HttpResponseMessage response, bool api, string request)
    {
        ArgumentNullException.ThrowIfNull(response);
        var body = await response.Content.ReadAsStringAsync();
        var status = (int)response.StatusCode;
        Assert.True(status < 500, $"{status} for {request}: {Cut(body)}");
        if (status < 400)
        {
            return body;
        }

        var type = response.Content.Headers.ContentType?.MediaType;
        if (api)
        {
            Assert.True(type == "application/problem+json", $"{status} {type} for {request}: {Cut(body)}");
            using var problem = JsonDocument.Parse(body);
            Assert.Equal(status, problem.RootElement.GetProperty("status").GetInt32());
        }
        else
        {
            Assert.True(type == "text/html", $"{status} {type} for {request}: {Cut(body)}");
            var page = new HtmlParser().ParseDocument(body);
            Assert.False(string.IsNullOrEmpty(page.DocumentElement.GetAttribute("lang")), $"{status} page without a language for {request}");
            Assert.NotNull(page.QuerySelector("h1"));
        }

        return body;
    }

    private static string Cut(string text) => text.Length > 2000 ? text[..2000] : text;

    /// <summary>A header value as sent, unchecked (clients send malformed ones too); false when HttpClient cannot carry it at all.</summary>
    public static bool TryAddHeader(HttpHeaders headers, string name, string value)
    {
        ArgumentNullException.ThrowIfNull(headers);
        return !value.Any(c => c is '\r' or '\n' or '\0') && headers.TryAddWithoutValidation(name, value);
    }
}
