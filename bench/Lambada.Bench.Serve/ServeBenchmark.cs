using Lambada.Testing;
using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace Lambada.Bench.Serve;

/// <summary>
/// The same HTTP workload against two servers, each in its own child process of this program, started once and measured in
/// alternating rounds: sequential latency (one request at a time; p50, p99) and concurrent throughput (N clients over M requests).
/// Every answer's status and body are checked.
/// </summary>
public sealed class ServeBenchmark(ServeBenchmark.Settings settings)
{
    public const double Target = 2.0;

    public sealed record Settings(int WarmUp, int Sequential, int Concurrent, int Clients, int Rounds);

    public sealed record ServerFigures(string Name, double P50Us, double P99Us, double MeanUs, double RequestsPerSecond, IReadOnlyList<double> RoundThroughputs, double StartMs);

    public sealed record Result(Settings Settings, ServerFigures Floor, ServerFigures Lambada, int WrongAnswers, string LoadBefore, string LoadAfter)
    {
        public double LatencyRatio => Lambada.P50Us / Floor.P50Us;
        public double P99Ratio => Lambada.P99Us / Floor.P99Us;
        public double ThroughputRatio => Floor.RequestsPerSecond / Lambada.RequestsPerSecond;
        public bool TargetsMet => LatencyRatio <= Target && ThroughputRatio <= Target;
    }

    private int _wrong;

    public async Task<Result> RunAsync()
    {
        var loadBefore = BenchmarkDocs.LoadAverage();
        using var floor = ServerProcess.Start("floor");
        using var lambada = ServerProcess.Start("lambada");
        using var floorClient = Client(floor.BaseAddress);
        using var lambadaClient = Client(lambada.BaseAddress);

        await WarmUpAsync(floorClient);
        await WarmUpAsync(lambadaClient);

        var latencies = new Dictionary<string, List<double>> { ["floor"] = [], ["lambada"] = [] };
        var throughputs = new Dictionary<string, List<double>> { ["floor"] = [], ["lambada"] = [] };
        for (var round = 0; round < settings.Rounds; round++)
        {
            // Alternate which goes first, so neither always runs on the warmer (or busier) minute.
            var order = round % 2 == 0 ? new[] { ("floor", floorClient), ("lambada", lambadaClient) } : new[] { ("lambada", lambadaClient), ("floor", floorClient) };
            foreach (var (name, client) in order)
            {
                GC.Collect();
                latencies[name].AddRange(await SequentialAsync(client));
                throughputs[name].Add(await ConcurrentAsync(client));
            }
        }
        return new Result(settings,
            Figures("floor: HttpListener echo", latencies["floor"], throughputs["floor"], floor.StartMs),
            Figures("Lambada: serve", latencies["lambada"], throughputs["lambada"], lambada.StartMs),
            _wrong, loadBefore, BenchmarkDocs.LoadAverage());
    }

    private static HttpClient Client(string baseAddress) => new(new SocketsHttpHandler { MaxConnectionsPerServer = 64, UseProxy = false })
    {
        BaseAddress = new Uri(baseAddress),
        Timeout = TimeSpan.FromSeconds(30),
    };

    private async Task WarmUpAsync(HttpClient client)
    {
        for (var i = 0; i < settings.WarmUp; i++)
            await RequestAsync(client, i);
    }

    private async Task<List<double>> SequentialAsync(HttpClient client)
    {
        var samples = new List<double>(settings.Sequential);
        for (var i = 0; i < settings.Sequential; i++)
        {
            var started = Stopwatch.GetTimestamp();
            await RequestAsync(client, i);
            samples.Add(Stopwatch.GetElapsedTime(started).TotalMicroseconds);
        }
        return samples;
    }

    private async Task<double> ConcurrentAsync(HttpClient client)
    {
        var next = -1;
        var stopwatch = Stopwatch.StartNew();
        var clients = Enumerable.Range(0, settings.Clients).Select(_ => Task.Run(async () =>
        {
            int i;
            while ((i = Interlocked.Increment(ref next)) < settings.Concurrent)
                await RequestAsync(client, i);
        }));
        await Task.WhenAll(clients);
        return settings.Concurrent / stopwatch.Elapsed.TotalSeconds;
    }

    private async Task RequestAsync(HttpClient client, int i)
    {
        var id = "o" + i.ToString(System.Globalization.CultureInfo.InvariantCulture);
        using var answer = await client.GetAsync("/orders/" + id);
        var body = await answer.Content.ReadAsStringAsync();
        if (answer.StatusCode != HttpStatusCode.OK || body != Workload.Body(id))
            Interlocked.Increment(ref _wrong);
    }

    private static ServerFigures Figures(string name, List<double> latencies, List<double> throughputs, double startMs)
    {
        var sorted = latencies.Order().ToArray();
        var rounds = throughputs.Order().ToArray();
        return new ServerFigures(name, Percentile(sorted, 0.5), Percentile(sorted, 0.99), sorted.Average(), Percentile(rounds, 0.5), throughputs, startMs);
    }

    private static double Percentile(double[] sorted, double p)
    {
        var rank = p * (sorted.Length - 1);
        var low = (int)Math.Floor(rank);
        var high = (int)Math.Ceiling(rank);
        return sorted[low] + (sorted[high] - sorted[low]) * (rank - low);
    }

    /// <summary>This program started again as one of the servers; stopped with SIGTERM (and killed if that does not end it).</summary>
    private sealed class ServerProcess : IDisposable
    {
        private readonly Process _process;

        private ServerProcess(Process process, int port, double startMs)
        {
            _process = process;
            BaseAddress = $"http://127.0.0.1:{port}";
            StartMs = startMs;
        }

        public string BaseAddress { get; }

        /// <summary>From the process start to its "listening" line (runtime start-up included).</summary>
        public double StartMs { get; }

        public static ServerProcess Start(string kind)
        {
            var port = FreePort();
            var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
            foreach (var argument in new[] { typeof(ServeBenchmark).Assembly.Location, "server", kind, port.ToString(System.Globalization.CultureInfo.InvariantCulture) })
                start.ArgumentList.Add(argument);
            var stopwatch = Stopwatch.StartNew();
            var process = Process.Start(start)!;
            process.ErrorDataReceived += (_, e) => { if (e.Data is not null) Console.Error.WriteLine($"  [{kind}] {e.Data}"); };
            process.BeginErrorReadLine();
            while (process.StandardOutput.ReadLine() is { } line)
            {
                if (line.Contains("listening on", StringComparison.Ordinal))
                {
                    var startMs = stopwatch.Elapsed.TotalMilliseconds;
                    _ = process.StandardOutput.ReadToEndAsync(); // drain the rest (the route list)
                    return new ServerProcess(process, port, startMs);
                }
            }
            process.WaitForExit();
            throw new InvalidOperationException($"the {kind} server exited with {process.ExitCode} before listening");
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

        public void Dispose()
        {
            if (!_process.HasExited)
            {
                using (var kill = Process.Start("kill", ["-TERM", _process.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)]))
                    kill.WaitForExit();
                if (!_process.WaitForExit(10_000))
                    _process.Kill(entireProcessTree: true);
            }
            _process.Dispose();
        }
    }
}
