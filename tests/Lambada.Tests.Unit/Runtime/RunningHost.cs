using Lambada.Runtime;
using Lambada.Testing;

namespace Lambada.Tests.Runtime;

/// <summary>A <see cref="TestHandlers"/> method served in the background against a test Runtime API until disposed; the host's own log lines are kept.</summary>
internal sealed class RunningHost : IAsyncDisposable
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(20);
    private readonly CancellationTokenSource stop = new();
    private readonly StringWriter log = new();
    // Its methods lock the wrapper itself (MethodImplOptions.Synchronized), so reading under that lock is safe.
    private readonly TextWriter synchronizedLog;
    private readonly Task<int> serving;

    public RunningHost(RuntimeApiTestServer server, string method)
    {
        synchronizedLog = TextWriter.Synchronized(log);
        serving = LambadaHost.ServeAsync(server.Address, $"{typeof(TestHandlers).FullName}::{method}", typeof(TestHandlers).Assembly, synchronizedLog, stop.Token);
    }

    /// <summary>What the host wrote to its log (stderr in Lambda) so far.</summary>
    public string Log { get { lock (synchronizedLog) return log.ToString(); } }

    public async ValueTask DisposeAsync()
    {
        stop.Cancel();
        Assert.AreEqual(0, await serving.WaitAsync(Patience), "the host stopped cleanly");
        stop.Dispose();
    }
}
