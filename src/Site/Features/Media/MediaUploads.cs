using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.Options;
using Site.Core;

namespace Site.Features.Media;

/// <summary>Marks an endpoint that takes a media upload: its body limit is the configured upload limit (Site:Media:MaxUploadBytes).</summary>
[AttributeUsage(AttributeTargets.Method | AttributeTargets.Class, Inherited = false)]
public sealed class MediaUploadAttribute : Attribute;

/// <summary>
/// The body limit of upload endpoints. The server's default (Kestrel: about 28 MB) knows nothing of the media limit, so
/// each upload endpoint gets its own: the largest file accepted plus room for the fields around it.
/// </summary>
public static class MediaUploads
{
    /// <summary>Alt text in two languages, the focal point, the antiforgery token and the multipart boundaries.</summary>
    public const long FormAllowance = 1024 * 1024;

    /// <summary>The largest file the endpoint accepts, or null when it takes no uploads.</summary>
    public static long? MaxFileBytes(Endpoint? endpoint, IServiceProvider services)
    {
        ArgumentNullException.ThrowIfNull(services);
        return endpoint?.Metadata.GetMetadata<MediaUploadAttribute>() is null
            ? null
            : services.GetRequiredService<IOptions<SiteCoreOptions>>().Value.Media.MaxUploadBytes;
    }

    /// <summary>After authorization (no one unknown gets their body read), before the endpoint and its antiforgery check.</summary>
    public static WebApplication UseMediaUploadLimits(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        app.Use(async (context, next) =>
        {
            if (MaxFileBytes(context.GetEndpoint(), context.RequestServices) is { } maxFile)
            {
                var limit = maxFile + FormAllowance;
                if (context.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } size)
                {
                    size.MaxRequestBodySize = limit;
                }

                // The same refusal the server gives on reading, given before reading, whatever the server.
                if (context.Request.ContentLength > limit)
                {
                    throw new BadHttpRequestException($"The request body is larger than {limit} bytes.", StatusCodes.Status413PayloadTooLarge);
                }

                if (context.Request.HasFormContentType)
                {
                    // Read here, so that a body over the limit or a broken form is reported as what it is, not as a
                    // missing antiforgery token (the token check reads the form and hides why it could not).
                    await context.Request.ReadFormAsync(context.RequestAborted).ConfigureAwait(false);
                }
            }

            await next(context).ConfigureAwait(false);
        });
        return app;
    }
}
