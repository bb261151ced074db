using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using Lambada.Runtime;
using Lambada.Runtime.Api;
using Lambada.Runtime.Context;
using Lambada.Runtime.Handlers;
using Lambada.Testing;

namespace Lambada.Tests.Runtime;

/// <summary>A Runtime API that went away: the host waits longer and longer between attempts, then exits, instead of spinning.</summary>
[TestClass]
public sealed class NextBackoffTests
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(20);

    private static readonly TimeSpan[] ExpectedPauses =
        [.. new[] { 100, 200, 400, 800, 1600, 3200, 5000, 5000, 5000, 5000, 5000 }.Select(ms => TimeSpan.FromMilliseconds(ms))];

    [TestMethod]
    public async Task Nothing_listening_the_host_backs_off_then_exits_1_with_a_clear_message()
    {
        var clock = new InstantTimers();
        var log = new StringWriter();
        using var api = new RuntimeApiClient($"127.0.0.1:{ClosedPort()}");

        var exitCode = await Loop(api, clock, log).RunAsync().WaitAsync(Patience);

        Assert.AreEqual(1, exitCode);
        CollectionAssert.AreEqual(ExpectedPauses, clock.Pauses.ToArray(), "one pause after each failure but the last");
        var lines = log.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.AreEqual(NextBackoff.GiveUpAfter, lines.Count(l => l.Contains("/runtime/invocation/next failed: HttpRequestException", StringComparison.Ordinal)), log.ToString());
        StringAssert.Contains(lines[^1], "ERROR\tLambada host: the Runtime API at 127.0.0.1:");
        StringAssert.Contains(lines[^1], "gave nothing to serve 12 times in a row; exiting (inside Lambda this means the sandbox is shutting down)");
    }

    [TestMethod]
    public async Task A_Runtime_API_answering_500_forever_is_asked_12_times_then_the_host_exits()
    {
        using var server = new RuntimeApiTestServer();
        for (var i = 0; i < 20; i++)
            server.EnqueueAnswer(new Dictionary<string, string>(), "", 500);
        var clock = new InstantTimers();
        using var api = new RuntimeApiClient(server.Address);

        var exitCode = await Loop(api, clock, new StringWriter()).RunAsync().WaitAsync(Patience);

        Assert.AreEqual(1, exitCode);
        Assert.AreEqual(NextBackoff.GiveUpAfter, server.NextRequests);
    }

    [TestMethod]
    public async Task An_event_served_resets_the_count()
    {
        using var server = new RuntimeApiTestServer();
        for (var i = 0; i < NextBackoff.GiveUpAfter - 1; i++)
            server.EnqueueAnswer(new Dictionary<string, string>(), "", 500);
        var served = server.Enqueue("\"x\"");
        for (var i = 0; i < NextBackoff.GiveUpAfter; i++)
            server.EnqueueAnswer(new Dictionary<string, string>(), "", 500);
        var clock = new InstantTimers();
        using var api = new RuntimeApiClient(server.Address);

        var exitCode = await Loop(api, clock, new StringWriter()).RunAsync().WaitAsync(Patience);

        Assert.AreEqual((OutcomeKind.Response, "\"x\""), ((await served).Kind, (await served).Text));
        Assert.AreEqual(1, exitCode);
        Assert.AreEqual(2 * NextBackoff.GiveUpAfter, server.NextRequests, "11 failures, the event, then 12 more failures");
        CollectionAssert.AreEqual(ExpectedPauses.Concat(ExpectedPauses).ToArray(), clock.Pauses.ToArray(), "the pauses start again from 0.1 s");
    }

    private static InvocationLoop Loop(RuntimeApiClient api, TimeProvider pauses, TextWriter log) =>
        new(api, new FunctionHandler(HandlerLookup.Find(typeof(TestHandlers).Assembly, $"{typeof(TestHandlers).FullName}::{nameof(TestHandlers.Echo)}")), TimeProvider.System, new HostLog(log), new NextBackoff(pauses));

    private static int ClosedPort()
    {
        using var probe = new TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        return ((IPEndPoint)probe.LocalEndpoint).Port;
    }

    /// <summary>Real time, except that every timer fires at once and its due time is recorded: the pauses asked for, without waiting them.</summary>
    private sealed class InstantTimers : TimeProvider
    {
        public ConcurrentQueue<TimeSpan> Pauses { get; } = new();

        public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period)
        {
            Pauses.Enqueue(dueTime);
            ThreadPool.QueueUserWorkItem(_ => callback(state));
            return new Fired();
        }

        private sealed class Fired : ITimer
        {
            public bool Change(TimeSpan dueTime, TimeSpan period) => false;
            public void Dispose() { }
            public ValueTask DisposeAsync() => default;
        }
    }
}
