using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace Lambada.Bench;

/// <summary>
/// A lean Lambda Runtime API for the runtime benchmark, on a free 127.0.0.1 port: raw sockets and
/// HTTP/1.1 keep-alive, so it costs the measured process as little as possible. It hands out the same small
/// event <see cref="Invocations"/> times (then holds <c>/next</c> open, as Lambda does between invocations),
/// and timestamps every response posted back. One instance serves one process.
/// </summary>
public sealed class BenchRuntimeApi : IDisposable
{
    /// <summary>The event: a JSON string, which the echo handler and the floor both send back unchanged.</summary>
    public static readonly byte[] Event = "\"hello from the bench\""u8.ToArray();

    private static readonly byte[] Accepted = "HTTP/1.1 202 Accepted\r\nContent-Type: application/json\r\nContent-Length: 15\r\n\r\n{\"status\":\"OK\"}"u8.ToArray();
    private static readonly byte[] NotFound = "HTTP/1.1 404 Not Found\r\nContent-Length: 0\r\n\r\n"u8.ToArray();

    private readonly TcpListener _listener = new(IPAddress.Loopback, 0);
    private readonly CancellationTokenSource _stop = new();
    private readonly long[] _responseTimes;
    private readonly TaskCompletionSource _allAnswered = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly TaskCompletionSource _firstAnswered = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly TaskCompletionSource _warmedUp = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly int _warmUp;
    private int _handedOut;
    private int _answered;
    private int _wrongBodies;

    /// <param name="invocations">How many events to hand out.</param>
    /// <param name="warmUp">After how many responses <see cref="WarmedUp"/> completes.</param>
    public BenchRuntimeApi(int invocations, int warmUp = 1)
    {
        Invocations = invocations;
        _warmUp = Math.Clamp(warmUp, 1, invocations);
        _responseTimes = new long[invocations];
        _listener.Start();
        _ = AcceptAsync();
    }

    public int Invocations { get; }

    /// <summary>The value of <c>AWS_LAMBDA_RUNTIME_API</c>.</summary>
    public string Address => $"127.0.0.1:{((IPEndPoint)_listener.LocalEndpoint).Port}";

    /// <summary>Completes when the first response arrives.</summary>
    public Task FirstResponse => _firstAnswered.Task;

    /// <summary>Completes when the warm-up responses have arrived.</summary>
    public Task WarmedUp => _warmedUp.Task;

    /// <summary>Completes when every invocation has been answered.</summary>
    public Task AllResponses => _allAnswered.Task;

    public int Answered => Volatile.Read(ref _answered);

    /// <summary>Responses whose body was not the event echoed back.</summary>
    public int WrongBodies => Volatile.Read(ref _wrongBodies);

    /// <summary>The <see cref="Stopwatch.GetTimestamp"/> at which response <paramref name="index"/> (0-based) had been read.</summary>
    public long ResponseTimestamp(int index) => _responseTimes[index];

    private async Task AcceptAsync()
    {
        try
        {
            while (!_stop.IsCancellationRequested)
            {
                var socket = await _listener.AcceptSocketAsync(_stop.Token).ConfigureAwait(false);
                socket.NoDelay = true;
                _ = ServeAsync(socket);
            }
        }
        catch (Exception e) when (e is OperationCanceledException or ObjectDisposedException or SocketException)
        {
        }
    }

    private async Task ServeAsync(Socket socket)
    {
        var buffer = new byte[16 * 1024];
        var filled = 0;
        try
        {
            using (socket)
            {
                while (true)
                {
                    // Read until the end of the headers.
                    int headerEnd;
                    while ((headerEnd = buffer.AsSpan(0, filled).IndexOf("\r\n\r\n"u8)) < 0)
                    {
                        if (filled == buffer.Length)
                            Array.Resize(ref buffer, buffer.Length * 2);
                        var read = await socket.ReceiveAsync(buffer.AsMemory(filled), _stop.Token).ConfigureAwait(false);
                        if (read == 0)
                            return;
                        filled += read;
                    }
                    var head = Encoding.ASCII.GetString(buffer, 0, headerEnd);
                    var contentLength = ContentLength(head);
                    var total = headerEnd + 4 + contentLength;
                    while (filled < total)
                    {
                        if (total > buffer.Length)
                            Array.Resize(ref buffer, Math.Max(total, buffer.Length * 2));
                        var read = await socket.ReceiveAsync(buffer.AsMemory(filled), _stop.Token).ConfigureAwait(false);
                        if (read == 0)
                            return;
                        filled += read;
                    }

                    var requestLine = head.AsSpan(0, head.IndexOf('\r') is var eol and >= 0 ? eol : head.Length);
                    byte[] reply;
                    if (requestLine.StartsWith("GET ") && requestLine.Contains("/runtime/invocation/next", StringComparison.Ordinal))
                    {
                        var n = Interlocked.Increment(ref _handedOut);
                        if (n > Invocations)
                        {
                            // Like Lambda between invocations: /next stays open until the process is killed.
                            await Task.Delay(Timeout.Infinite, _stop.Token).ConfigureAwait(false);
                            return;
                        }
                        reply = Next(n);
                    }
                    else if (requestLine.StartsWith("POST ") && requestLine.EndsWith("/response HTTP/1.1", StringComparison.Ordinal))
                    {
                        var now = Stopwatch.GetTimestamp();
                        var index = Interlocked.Increment(ref _answered) - 1;
                        if (index < Invocations)
                            _responseTimes[index] = now;
                        if (!buffer.AsSpan(headerEnd + 4, contentLength).SequenceEqual(Event))
                            Interlocked.Increment(ref _wrongBodies);
                        if (index == 0)
                            _firstAnswered.TrySetResult();
                        if (index == _warmUp - 1)
                            _warmedUp.TrySetResult();
                        if (index == Invocations - 1)
                            _allAnswered.TrySetResult();
                        reply = Accepted;
                    }
                    else
                    {
                        reply = NotFound;
                    }
                    await socket.SendAsync(reply, _stop.Token).ConfigureAwait(false);

                    // Keep whatever of the next request has already arrived.
                    Buffer.BlockCopy(buffer, total, buffer, 0, filled - total);
                    filled -= total;
                }
            }
        }
        catch (Exception e) when (e is OperationCanceledException or ObjectDisposedException or SocketException)
        {
        }
    }

    private static byte[] Next(int n)
    {
        var deadline = DateTimeOffset.UtcNow.AddMinutes(15).ToUnixTimeMilliseconds();
        var head = string.Create(CultureInfo.InvariantCulture,
            $"HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nLambda-Runtime-Aws-Request-Id: bench-{n:D8}\r\n"
            + $"Lambda-Runtime-Deadline-Ms: {deadline}\r\nLambda-Runtime-Invoked-Function-Arn: arn:aws:lambda:us-east-1:123456789012:function:bench_echo\r\n"
            + $"Lambda-Runtime-Trace-Id: Root=1-00000000-{n:D24};Sampled=0\r\nContent-Length: {Event.Length}\r\n\r\n");
        var reply = new byte[Encoding.ASCII.GetByteCount(head) + Event.Length];
        var written = Encoding.ASCII.GetBytes(head, reply);
        Event.CopyTo(reply, written);
        return reply;
    }

    private static int ContentLength(string head)
    {
        foreach (var line in head.Split("\r\n"))
            if (line.StartsWith("Content-Length:", StringComparison.OrdinalIgnoreCase))
                return int.Parse(line.AsSpan("Content-Length:".Length).Trim(), CultureInfo.InvariantCulture);
        if (head.Contains("Transfer-Encoding: chunked", StringComparison.OrdinalIgnoreCase))
            throw new NotSupportedException("chunked request bodies are not expected from either runtime");
        return 0;
    }

    public void Dispose()
    {
        _stop.Cancel();
        _listener.Stop();
        _stop.Dispose();
    }
}
