using Lambada.Runtime;
using Lambada.Testing;

namespace Lambada.Tests.Runtime;

/// <summary>A <see cref="TestHandlers"/> method served in the background against a test Runtime API until disposed; the host's own log lines are kept.</summary>
internal sealed class RunningHost : IAsyncDisposable
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(20);
    private readonly CancellationTokenSource _stop = new();
    private readonly StringWriter _log = new();
    // Its methods lock the wrapper itself (MethodImplOptions.Synchronized), so reading under that lock is safe.
    private readonly TextWriter _synchronizedLog;
    private readonly Task<int> _serving;

    public RunningHost(RuntimeApiTestServer server, string method)
    {
        _synchronizedLog = TextWriter.Synchronized(_log);
        _serving = LambadaHost.ServeAsync(server.Address, $"{typeof(TestHandlers).FullName}::{method}", typeof(TestHandlers).Assembly, _synchronizedLog, _stop.Token);
    }

    /// <summary>What the host wrote to its log (stderr in Lambda) so far.</summary>
    public string Log { get { lock (_synchronizedLog) return _log.ToString(); } }

    public async ValueTask DisposeAsync()
    {
        _stop.Cancel();
        Assert.AreEqual(0, await _serving.WaitAsync(Patience), "the host stopped cleanly");
        _stop.Dispose();
    }
}
