using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;

namespace Site.Tests.TestSupport;

/// <summary>
/// Kestrel's request body limit in the test host. TestServer has no IHttpMaxRequestBodySizeFeature and reads bodies of
/// any size, so without this a body over the limit would pass here and fail on a real server. As in Kestrel: 30,000,000
/// bytes unless the app sets another limit before the body is read; a Content-Length over the limit, or reading past
/// it, throws a 413 BadHttpRequestException.
/// </summary>
internal sealed class KestrelBodyLimit : IStartupFilter
{
    public const long DefaultLimit = 30_000_000;

    public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
    {
        app.Use((context, following) =>
        {
            var body = new LimitedBody(context.Request.Body, context.Request.ContentLength);
            context.Request.Body = body;
            context.Features.Set<IHttpMaxRequestBodySizeFeature>(body);
            // The pipe reader (form parsing reads through it) must read the limited body too.
            context.Features.Set<IRequestBodyPipeFeature>(new RequestBodyPipeFeature(context));
            return following(context);
        });
        next(app);
    };

    private sealed class LimitedBody(Stream inner, long? contentLength) : Stream, IHttpMaxRequestBodySizeFeature
    {
        private long? _limit = DefaultLimit;
        private long _read;
        private bool _started;

        public bool IsReadOnly => _started;

        public long? MaxRequestBodySize
        {
            get => _limit;
            set => _limit = _started ? throw new InvalidOperationException("The request body has been read.") : value;
        }

        public override bool CanRead => true;
        public override bool CanSeek => false;
        public override bool CanWrite => false;
        public override long Length => throw new NotSupportedException();
        public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

        public override int Read(byte[] buffer, int offset, int count)
        {
            Start();
            return Count(inner.Read(buffer, offset, count));
        }

        public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
        {
            Start();
            return Count(await inner.ReadAsync(buffer, cancellationToken));
        }

        public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
            ReadAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

        public override void Flush()
        {
        }

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
        public override void SetLength(long value) => throw new NotSupportedException();
        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

        /// <summary>Kestrel refuses a declared length over the limit on the first read, before reading anything.</summary>
        private void Start()
        {
            _started = true;
            if (contentLength > _limit)
            {
                throw TooLarge();
            }
        }

        private int Count(int read)
        {
            _read += read;
            return _read > _limit ? throw TooLarge() : read;
        }

        private BadHttpRequestException TooLarge() =>
            new($"Request body too large. The max request body size is {_limit} bytes.", StatusCodes.Status413PayloadTooLarge);
    }
}
