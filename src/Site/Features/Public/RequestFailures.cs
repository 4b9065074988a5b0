using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Mvc.ModelBinding;

namespace Site.Features.Public;

/// <summary>
/// Requests that fail because of what the client sent (a body over the limit, a form that cannot be parsed, a missing
/// antiforgery token) are the client's error: their status, not 500. The exception handler asks here, and the error
/// page answers with it.
/// </summary>
internal static class RequestFailures
{
    /// <summary>The status for a failure caused by the request, or null for a failure of the site.</summary>
    public static int? StatusOf(Exception exception)
    {
        ArgumentNullException.ThrowIfNull(exception);
        int? fallback = null;
        // Wrappers (antiforgery, MVC's value providers) carry the reading failure inside: its status is the precise one.
        for (var current = exception; current is not null; current = current.InnerException)
        {
            switch (current)
            {
                case BadHttpRequestException bad:
                    return bad.StatusCode;
                case InvalidDataException when FromTheFramework(current):
                    return StatusCodes.Status400BadRequest;
                case IOException when IsFormReader(current):
                    // A multipart body that ends before its closing boundary (cut short, or another boundary than declared).
                    return StatusCodes.Status400BadRequest;
                case AntiforgeryValidationException or ValueProviderException:
                    fallback ??= StatusCodes.Status400BadRequest;
                    break;
            }
        }

        return fallback;
    }

    /// <summary>Paths of the JSON APIs, which answer errors with ProblemDetails rather than a page.</summary>
    public static bool IsApiPath(string? path) =>
        path is not null
        && (path.StartsWith("/umbraco/management/", StringComparison.OrdinalIgnoreCase)
            || path.StartsWith("/umbraco/delivery/", StringComparison.OrdinalIgnoreCase)
            || path.StartsWith("/api/", StringComparison.OrdinalIgnoreCase)
            || BackOffice.BackOfficeExtensions.IsScriptApi(path));

    /// <summary>Whole megabytes, as limits are stated (the media service's message says the same).</summary>
    public static long Megabytes(long bytes) => bytes / (1024 * 1024);

    /// <summary>
    /// Decompression and image codecs throw InvalidDataException too, for files of ours; only the framework's request
    /// parsers (forms, multipart sections) mean the client sent something unreadable.
    /// </summary>
    private static bool IsFormReader(Exception exception) =>
        exception.TargetSite?.DeclaringType?.Namespace == "Microsoft.AspNetCore.WebUtilities";

    private static bool FromTheFramework(Exception exception) =>
        exception.TargetSite?.DeclaringType?.Namespace?.StartsWith("Microsoft.AspNetCore.", StringComparison.Ordinal) == true;
}
