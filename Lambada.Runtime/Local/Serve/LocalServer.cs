using System.Diagnostics.CodeAnalysis;
using System.Net;
using System.Net.Sockets;
using Lambada.Runtime.Handlers;

namespace Lambada.Runtime.Local.Serve;

/// <summary>
/// <c>serve</c>: an HTTP server on 127.0.0.1 (System.Net.HttpListener: in the framework, so users' packages take no
/// ASP.NET dependency) that answers every <c>[LambadaHttp]</c> route, every <c>[LambadaUrl]</c> function under
/// <c>/_url/{name}/</c>, and the Lambda Invoke API, by building payload-v2 events and calling the functions in this process.
/// Precedence: the Invoke API's path, then <c>/_url/</c>, then the routes (most specific first, <c>$default</c> last); nothing
/// else → 404 <c>{"message":"Not Found"}</c>.
/// </summary>
[RequiresUnreferencedCode(Trimming.Reason), RequiresDynamicCode(Trimming.Reason)]
internal sealed class LocalServer : IDisposable
{
    private const int MaxBindAttempts = 20;

    private readonly TextWriter _errors;
    private readonly RouteTable _routes;
    private readonly InvokeApi _invoke;
    private readonly Dictionary<string, UrlCors> _cors;
    private readonly HttpListener _listener;
    private readonly TimeProvider _clock;

    private LocalServer(FunctionCatalog catalog, LocalManifest? manifest, TextWriter errors, HttpListener listener, int port, TimeProvider clock)
    {
        _errors = errors;
        _listener = listener;
        _clock = clock;
        Port = port;
        var functions = catalog.Functions.Select(f => new ServedFunction(f, manifest?.Function(f.Name), errors)).ToArray();
        _routes = new RouteTable(functions, errors);
        _invoke = new InvokeApi(functions.ToDictionary(f => f.Name, StringComparer.Ordinal), errors);
        _cors = functions.Where(f => f.Entry.Url is not null).ToDictionary(f => f.Name, f => new UrlCors(f.Entry.Url!), StringComparer.Ordinal);
    }

    /// <summary>The port it listens on (the one the OS picked, for port 0).</summary>
    public int Port { get; }

    public string BaseAddress => $"http://127.0.0.1:{Port}";

    public RouteTable Routes => _routes;

    /// <summary>Starts listening on 127.0.0.1:<paramref name="port"/>; 0 takes a free port.</summary>
    /// <exception cref="HttpListenerException">The port is taken or cannot be bound.</exception>
    public static LocalServer Start(FunctionCatalog catalog, LocalManifest? manifest, int port, TextWriter errors, TimeProvider? clock = null)
    {
        for (var attempt = 1; ; attempt++)
        {
            var chosen = port == 0 ? FreePort() : port;
            var listener = new HttpListener { IgnoreWriteExceptions = true };
            listener.Prefixes.Add($"http://127.0.0.1:{chosen}/");
            // Requests to http://localhost:N carry that Host; HttpListener answers them only under a prefix that names it.
            // The managed listener binds it to the loopback address too, never to all interfaces.
            listener.Prefixes.Add($"http://localhost:{chosen}/");
            try
            {
                listener.Start();
                return new LocalServer(catalog, manifest, errors, listener, chosen, clock ?? TimeProvider.System);
            }
            catch (HttpListenerException) when (port == 0 && attempt < MaxBindAttempts)
            {
                // Another process took the free port between the probe and the bind: take another.
                listener.Close();
            }
            catch
            {
                listener.Close();
                throw;
            }
        }
    }

    /// <summary>Serves until <paramref name="stop"/> fires; each request is handled on its own task.</summary>
    public async Task RunAsync(CancellationToken stop)
    {
        using var registration = stop.Register(() => _listener.Stop());
        var inFlight = new HashSet<Task>();
        while (!stop.IsCancellationRequested)
        {
            HttpListenerContext context;
            try
            {
                context = await _listener.GetContextAsync().ConfigureAwait(false);
            }
            catch (Exception) when (stop.IsCancellationRequested)
            {
                break;
            }
            catch (HttpListenerException e)
            {
                await _errors.WriteLineAsync($"lambada serve: {e.Message}").ConfigureAwait(false);
                continue;
            }
            var task = Task.Run(() => HandleAsync(context, stop), CancellationToken.None);
            lock (inFlight)
                inFlight.Add(task);
            _ = task.ContinueWith(t => { lock (inFlight) inFlight.Remove(t); }, TaskScheduler.Default);
        }
        Task[] pending;
        lock (inFlight)
            pending = [.. inFlight];
        await Task.WhenAll(pending).WaitAsync(TimeSpan.FromSeconds(5), CancellationToken.None).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
    }

    private async Task HandleAsync(HttpListenerContext context, CancellationToken stop)
    {
        var request = context.Request;
        try
        {
            var answer = await AnswerAsync(request, stop).ConfigureAwait(false);
            await answer.WriteAsync(context.Response, request.HttpMethod == "HEAD").ConfigureAwait(false);
        }
        catch (Exception e) when (e is HttpListenerException or IOException or ObjectDisposedException)
        {
            // The client went away, or the server is stopping: nothing to answer.
        }
        catch (Exception e)
        {
            await _errors.WriteLineAsync($"lambada serve: {request.HttpMethod} {request.RawUrl} failed: {e}").ConfigureAwait(false);
            try
            {
                await HttpAnswer.InternalError().WriteAsync(context.Response, head: false).ConfigureAwait(false);
            }
            catch (Exception again) when (again is HttpListenerException or IOException or ObjectDisposedException or InvalidOperationException)
            {
                context.Response.Abort();
            }
        }
    }

    private async Task<HttpAnswer> AnswerAsync(HttpListenerRequest request, CancellationToken stop)
    {
        var rawUrl = request.RawUrl ?? "/";
        var question = rawUrl.IndexOf('?', StringComparison.Ordinal);
        var rawPath = question < 0 ? rawUrl : rawUrl[..question];
        var body = await ReadBodyAsync(request, stop).ConfigureAwait(false);
        var method = request.HttpMethod;

        if (method == "POST" && InvokeApi.NameOf(rawPath) is { } name)
            return await _invoke.InvokeAsync(name, request.Headers["X-Amz-Invocation-Type"], body, stop).ConfigureAwait(false);

        if (_routes.MatchUrl(rawPath) is var (urlFunction, urlPath))
        {
            var cors = _cors[urlFunction.Name];
            var origin = request.Headers["Origin"];
            if (cors.Configured && UrlCors.IsPreflight(method, h => request.Headers[h]))
                return cors.Preflight(origin);
            var accountId = urlFunction.Entry.Url!.Auth == LambadaAuth.None ? "anonymous" : LocalAccount;
            var target = new EventTarget(RouteTemplate.Default, urlPath, null, urlFunction.Name, accountId, _clock.GetUtcNow());
            return cors.Apply(await CallAsync(urlFunction, HttpEvent.Build(request, body, target), stop).ConfigureAwait(false), origin);
        }

        if (_routes.MatchRoute(method, rawPath) is { } route)
        {
            var target = new EventTarget(route.RouteKey, rawPath, route.PathParameters, LocalApiId, LocalAccount, _clock.GetUtcNow());
            return await CallAsync(route.Function, HttpEvent.Build(request, body, target), stop).ConfigureAwait(false);
        }
        return HttpAnswer.NotFound();
    }

    /// <summary>The account id a local event names for a caller that is not anonymous (no caller is checked locally).</summary>
    public const string LocalAccount = "000000000000";

    /// <summary>The <c>apiId</c> of a local route's event.</summary>
    public const string LocalApiId = "local";

    private async Task<HttpAnswer> CallAsync(ServedFunction function, byte[] payload, CancellationToken stop)
    {
        byte[] output;
        try
        {
            output = await function.InvokeAsync(payload, stop).ConfigureAwait(false);
        }
        catch (Exception e)
        {
            await _errors.WriteLineAsync($"lambada serve: {function.Name} failed: {e}").ConfigureAwait(false);
            return HttpAnswer.InternalError();
        }
        var answer = HttpAnswer.FromOutput(output);
        if (answer is null)
            await _errors.WriteLineAsync($"lambada serve: {function.Name} answered what is not a payload-v2 response (not JSON, or a bad statusCode or base64 body); 500").ConfigureAwait(false);
        return answer ?? HttpAnswer.InternalError();
    }

    private static async Task<byte[]> ReadBodyAsync(HttpListenerRequest request, CancellationToken stop)
    {
        if (!request.HasEntityBody)
            return [];
        using var buffer = new MemoryStream();
        await request.InputStream.CopyToAsync(buffer, stop).ConfigureAwait(false);
        return buffer.ToArray();
    }

    private static int FreePort()
    {
        var probe = new TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        try
        {
            return ((IPEndPoint)probe.LocalEndpoint).Port;
        }
        finally
        {
            probe.Stop();
        }
    }

    public void Dispose() => _listener.Close();
}
