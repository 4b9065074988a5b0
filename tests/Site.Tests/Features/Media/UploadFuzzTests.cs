using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;
using CsCheck;
using Site.Core.Tests.TestSupport;
using Site.Core.Workflow;
using Site.Tests.Features.BackOffice;
using Site.Tests.TestSupport;

namespace Site.Tests.Features.Media;

/// <summary>
/// Property-based: multipart uploads the site cannot use (no or a wrong boundary, garbage parts, wrong content types,
/// sizes that lie, bodies cut short) to the management API and to the media screen are refused with a 4xx
/// ProblemDetails or a page in the editor's language, never a 500. Anything that does upload is deleted again.
/// </summary>
public sealed class UploadFuzzTests(SiteFactory site)
{
    private const string FilePrefix = "fuzz-";

    private static readonly byte[] Png = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52];

    private static readonly Gen<byte[]> FileBytes = Gen.Frequency(
        (2, (IGen<byte[]>)Gen.Byte.Array[0, 256]),
        (2, Gen.Byte.Array[0, 64].Select(tail => Png.Concat(tail).ToArray())),
        (1, Gen.Byte.Array[0, 64].Select(tail => "GIF89a"u8.ToArray().Concat(tail).ToArray())),
        (1, Gen.Const("<svg onload=alert(1)><script>alert(1)</script></svg>"u8.ToArray())),
        (1, Gen.Const(Array.Empty<byte>())));

    private static readonly Gen<string> Disposition = Gen.Select(
        Gen.OneOf("file", "File", "Alt[en-US]", "Alt[zh-CN]", "focalLeft", "FocalTop", "__RequestVerificationToken", "", "file\"; x=\""),
        Gen.OneOf("photo.png", "photo.PNG", "a.pdf", "../../etc/passwd", "con.png", ".png", "", "x.png\0.exe", "照片.jpg", "a\\b.png", new string('a', 300) + ".png", "x.svg", "x.html"),
        Gen.Int[0, 5],
        (name, file, form) => form switch
        {
            0 => $"Content-Disposition: form-data; name=\"{name}\"; filename=\"{FilePrefix}{file}\"",
            1 => $"Content-Disposition: form-data; name=\"{name}\"",
            2 => $"Content-Disposition: form-data; name=\"{name}\"; filename*=UTF-8''{Uri.EscapeDataString(FilePrefix + file.Replace("\0", "", StringComparison.Ordinal))}",
            3 => "Content-Disposition: attachment",
            4 => "not a header line",
            _ => $"Content-Disposition: form-data; name={name}; filename={FilePrefix}{file}",
        });

    private static readonly Gen<string?> PartType = Gen.OneOf<string?>(null, "image/png", "application/pdf", "text/html", "image/svg+xml", "application/octet-stream", "garbage", "image/png; charset=\"");

    private static readonly Gen<byte[]> Part = Gen.Select(Disposition, PartType, FileBytes, (disposition, type, bytes) =>
    {
        var head = disposition + "\r\n" + (type is null ? "" : "Content-Type: " + type + "\r\n") + "\r\n";
        return Encoding.UTF8.GetBytes(head).Concat(bytes).ToArray();
    });

    /// <summary>A request body and its content type: parts between boundaries, then ways to break it.</summary>
    private static readonly Gen<(byte[] Body, string? ContentType, long? DeclaredLength)> Body = Gen.Select(
        Gen.OneOf("b0undary", "----WebKitFormBoundary7MA4YWxkTrZu0gW", "x", new string('b', 200), "with space"),
        Part.Array[0, 4],
        Gen.Int[0, 6],
        Gen.Int[0, 5],
        Gen.Int[0, 4],
        Gen.Int[0, 10_000],
        (boundary, parts, ending, header, length, cut) =>
        {
            var body = new List<byte>();
            foreach (var part in parts)
            {
                body.AddRange(Encoding.ASCII.GetBytes("--" + boundary + "\r\n"));
                body.AddRange(part);
                body.AddRange("\r\n"u8.ToArray());
            }

            switch (ending)
            {
                case 0 or 1 or 2:
                    body.AddRange(Encoding.ASCII.GetBytes("--" + boundary + "--\r\n"));
                    break;
                case 3:
                    // Cut short: no closing boundary, and the end of a part missing.
                    body.RemoveRange(body.Count - Math.Min(body.Count, cut % 40), Math.Min(body.Count, cut % 40));
                    break;
                case 4:
                    body.AddRange(Encoding.ASCII.GetBytes("--" + boundary + "\r\n"));
                    break;
                default:
                    body.InsertRange(0, "garbage before the first boundary\r\n"u8.ToArray());
                    break;
            }

            var contentType = header switch
            {
                0 or 1 => $"multipart/form-data; boundary={(boundary.Contains(' ', StringComparison.Ordinal) ? "\"" + boundary + "\"" : boundary)}",
                2 => "multipart/form-data",
                3 => "multipart/form-data; boundary=other",
                4 => "multipart/mixed; boundary=" + boundary,
                _ => null,
            };
            long? declared = length switch
            {
                0 => body.Count + 1 + (cut % 1000),
                1 => Math.Max(0, body.Count - 1 - (cut % 1000)),
                _ => null,
            };
            return (body.ToArray(), contentType, declared);
        });

    private static ByteArrayContent Content((byte[] Body, string? ContentType, long? DeclaredLength) body)
    {
        var content = new ByteArrayContent(body.Body);
        if (body.ContentType is not null)
        {
            content.Headers.TryAddWithoutValidation("Content-Type", body.ContentType);
        }

        if (body.DeclaredLength is { } length)
        {
            content.Headers.ContentLength = length;
        }

        return content;
    }

    [Fact]
    public async Task Any_multipart_body_to_the_management_api_is_a_problem_or_an_upload_never_a_500()
    {
        using var api = await BackOfficeApi.ClientAsync(site, BackOfficeGroups.Editors);
        try
        {
            await Body.SampleAsync(async body =>
            {
                using var content = Content(body);
                using var response = await api.PostAsync(new Uri(BackOfficeApi.Prefix + "/media", UriKind.Relative), content);
                await HttpFuzz.AssertHandledAsync(response, api: true, Describe(body));
            }, iter: Fuzz.Iterations(150), threads: 1, print: Describe);
        }
        finally
        {
            await DeleteUploadsAsync(api);
        }
    }

    [Fact]
    public async Task Any_multipart_body_to_the_media_screen_is_a_page_in_the_editors_language_never_a_500()
    {
        using var editor = await BackOfficeScreens.SignInAsync(site, BackOfficeGroups.Editors);
        var (_, screen) = await editor.GetAsync("/umbraco/media");
        var token = screen.QuerySelector("form[action='/umbraco/media'] input[name=__RequestVerificationToken]")?.GetAttribute("value") ?? "";
        using var api = await BackOfficeApi.ClientAsync(site, BackOfficeGroups.Editors);
        try
        {
            // Half the bodies carry the form's antiforgery token as their first part, so they reach the upload itself.
            await Gen.Select(Body, Gen.Bool).SampleAsync(async (body, withToken) =>
            {
                var sent = withToken && body.ContentType?.StartsWith("multipart/form-data; boundary=", StringComparison.Ordinal) == true
                    ? body with { Body = [.. Encoding.ASCII.GetBytes($"--{Boundary(body.ContentType)}\r\nContent-Disposition: form-data; name=\"__RequestVerificationToken\"\r\n\r\n{token}\r\n"), .. body.Body] }
                    : body;
                using var content = Content(sent);
                using var response = await editor.Http.PostAsync(new Uri("/umbraco/media", UriKind.Relative), content);
                await HttpFuzz.AssertHandledAsync(response, api: false, Describe(sent));
            }, iter: Fuzz.Iterations(100), threads: 1, print: t => Describe(t.Item1));
        }
        finally
        {
            await DeleteUploadsAsync(api);
        }
    }

    private static string Boundary(string contentType) => contentType["multipart/form-data; boundary=".Length..].Trim('"');

    private static string Describe((byte[] Body, string? ContentType, long? DeclaredLength) body) =>
        $"Content-Type: {body.ContentType}, declared length {body.DeclaredLength?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "none"}, {body.Body.Length} bytes: "
        + Encoding.UTF8.GetString(body.Body[..Math.Min(body.Body.Length, 600)]);

    /// <summary>Deletes what the fuzzing uploaded (the file names say so): other tests see the library as it was.</summary>
    private static async Task DeleteUploadsAsync(HttpClient api)
    {
        var list = await api.GetFromJsonAsync<JsonObject>(new Uri(BackOfficeApi.Prefix + "/media?take=200", UriKind.Relative));
        foreach (var item in list!["items"]!.AsArray())
        {
            if (item!["name"]!.GetValue<string>().StartsWith(FilePrefix, StringComparison.Ordinal))
            {
                await api.DeleteApiAsync("/media/" + item["id"]!.GetValue<string>());
            }
        }
    }
}
