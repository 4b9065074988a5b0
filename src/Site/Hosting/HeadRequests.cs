using System.IO.Pipelines;
using Microsoft.AspNetCore.Http.Features;

namespace Site.Hosting;

/// <summary>
/// HEAD for every GET route (RFC 9110 9.3.2): uptime monitors, link checkers and caches send it, and endpoint routing
/// answers 405 to a method a route does not name. The request is routed as GET and its body counted, not sent, so the
/// status and headers (Content-Type, ETag, Cache-Control, Last-Modified and a Content-Length) are those of the GET.
/// </summary>
public static class HeadRequests
{
    public static IApplicationBuilder UseHeadAsGet(this IApplicationBuilder app) =>
        app.Use(async (context, next) =>
        {
            if (!HttpMethods.IsHead(context.Request.Method))
            {
                await next(context).ConfigureAwait(false);
                return;
            }

            var prior = context.Features.GetRequiredFeature<IHttpResponseBodyFeature>();
            using var counted = new CountedBody(prior);
            context.Features.Set<IHttpResponseBodyFeature>(counted);
            context.Request.Method = HttpMethods.Get;
            // Whoever sends the headers must see HEAD again, so that the server writes no body (not even a chunk's end).
            context.Response.OnStarting(() =>
            {
                context.Request.Method = HttpMethods.Head;
                return Task.CompletedTask;
            });
            try
            {
                await next(context).ConfigureAwait(false);
                await counted.CompleteAsync().ConfigureAwait(false);
                var status = context.Response.StatusCode;
                if (!context.Response.HasStarted && context.Response.ContentLength is null
                    && status is not (StatusCodes.Status204NoContent or StatusCodes.Status304NotModified) && status >= 200)
                {
                    context.Response.ContentLength = counted.Length;
                }
            }
            finally
            {
                context.Features.Set(prior);
                context.Request.Method = HttpMethods.Head;
            }
        });

    /// <summary>A 405's Allow names what routing knows (GET); HEAD is answered too. Called by the error page, the one place every 405 passes.</summary>
    public static void AllowHead(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var headers = context.Response.Headers;
        if (headers.Allow.Count > 0)
        {
            var allowed = headers.Allow.ToString().Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
            if (allowed.Contains(HttpMethods.Get, StringComparer.OrdinalIgnoreCase) && !allowed.Contains(HttpMethods.Head, StringComparer.OrdinalIgnoreCase))
            {
                headers.Allow = string.Join(", ", [.. allowed, HttpMethods.Head]);
            }
        }
    }

    /// <summary>A response body that only counts what is written to it; files are measured, not read.</summary>
    private sealed class CountedBody(IHttpResponseBodyFeature prior) : IHttpResponseBodyFeature, IDisposable
    {
        private readonly CountingStream _stream = new();
        private PipeWriter? _writer;

        public long Length => _stream.Length;

        public Stream Stream => _stream;

        public PipeWriter Writer => _writer ??= PipeWriter.Create(_stream, new StreamPipeWriterOptions(leaveOpen: true));

        public void DisableBuffering()
        {
        }

        public Task StartAsync(CancellationToken cancellationToken = default) => prior.StartAsync(cancellationToken);

        public Task SendFileAsync(string path, long offset, long? count, CancellationToken cancellationToken = default)
        {
            _stream.Add(count ?? (new FileInfo(path).Length - offset));
            return Task.CompletedTask;
        }

        public async Task CompleteAsync()
        {
            if (_writer is not null)
            {
                await _writer.FlushAsync().ConfigureAwait(false);
            }
        }

        public void Dispose() => _stream.Dispose();
    }

    private sealed class CountingStream : Stream
    {
        private long _length;

        public override bool CanRead => false;

        public override bool CanSeek => false;

        public override bool CanWrite => true;

        public override long Length => _length;

        public override long Position { get => _length; set => throw new NotSupportedException(); }

        public void Add(long bytes) => _length += bytes;

        public override void Write(byte[] buffer, int offset, int count) => _length += count;

        public override void Write(ReadOnlySpan<byte> buffer) => _length += buffer.Length;

        public override Task WriteAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken)
        {
            _length += count;
            return Task.CompletedTask;
        }

        public override ValueTask WriteAsync(ReadOnlyMemory<byte> buffer, CancellationToken cancellationToken = default)
        {
            _length += buffer.Length;
            return ValueTask.CompletedTask;
        }

        public override void Flush()
        {
        }

        public override Task FlushAsync(CancellationToken cancellationToken) => Task.CompletedTask;

        public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();
    }
}
