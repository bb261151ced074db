using Lambada.Runtime.Handlers;
using Lambada.Runtime.Local.Serve;

namespace Lambada.Tests.Runtime;

/// <summary><c>serve</c> in this process on a free loopback port, for the given handler types, with an HttpClient on it; stopped on dispose.</summary>
internal sealed class ServeTestServer : IAsyncDisposable
{
    private readonly CancellationTokenSource _stop = new();
    private readonly StringWriter _errors = new();
    private readonly TextWriter _synchronizedErrors;
    private readonly LocalServer _server;
    private readonly Task _running;

    public ServeTestServer(params Type[] handlerTypes)
    {
        _synchronizedErrors = TextWriter.Synchronized(_errors);
        _server = LocalServer.Start(new FunctionCatalog(handlerTypes), manifest: null, port: 0, _synchronizedErrors);
        _running = _server.RunAsync(_stop.Token);
        Client = new HttpClient { BaseAddress = new Uri(_server.BaseAddress), Timeout = TimeSpan.FromSeconds(30) };
    }

    public HttpClient Client { get; }

    public LocalServer Server => _server;

    /// <summary>What the server wrote to stderr so far.</summary>
    public string Errors { get { lock (_synchronizedErrors) return _errors.ToString(); } }

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        await _stop.CancelAsync();
        await _running.WaitAsync(TimeSpan.FromSeconds(20));
        _server.Dispose();
        _stop.Dispose();
    }
}
