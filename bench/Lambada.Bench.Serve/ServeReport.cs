using Lambada.Testing;
using System.Globalization;
using System.Text;

namespace Lambada.Bench.Serve;

/// <summary>Prints the figures and writes them into <c>docs/benchmarks.md</c> between this benchmark's markers (nothing else changes).</summary>
public static class ServeReport
{
    public const string Name = "serve";
    public const string Command = "dotnet run -c Release --project bench/Lambada.Bench.Serve";

    public static void Print(ServeBenchmark.Result r)
    {
        Console.WriteLine();
        Console.WriteLine($"6. Local serve vs. HttpListener echo floor (GET /orders/{{id}}; sequential {r.Settings.Rounds} x {r.Settings.Sequential:N0}, concurrent {r.Settings.Rounds} x {r.Settings.Concurrent:N0} over {r.Settings.Clients} clients)");
        Console.WriteLine($"  {"server",-28} {"p50 µs",9} {"p99 µs",9} {"mean µs",9} {"req/s",9} {"start ms",9}");
        foreach (var s in new[] { r.Floor, r.Lambada })
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  {s.Name,-28} {s.P50Us,9:F0} {s.P99Us,9:F0} {s.MeanUs,9:F0} {s.RequestsPerSecond,9:F0} {s.StartMs,9:F0}"));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"  latency p50 Lambada / floor {r.LatencyRatio:F2}x (p99 {r.P99Ratio:F2}x); throughput floor / Lambada {r.ThroughputRatio:F2}x; target <= {ServeBenchmark.Target:F1}x: {(r.TargetsMet ? "met" : "MISSED")}"));
        Console.WriteLine($"  load average: {r.LoadBefore} at the start, {r.LoadAfter} at the end");
        if (r.WrongAnswers > 0)
            Console.WriteLine($"  WRONG answers: {r.WrongAnswers}");
    }

    public static string Markdown(ServeBenchmark.Result r)
    {
        var t = new StringBuilder();
        var inv = CultureInfo.InvariantCulture;
        t.AppendLine("## 6. Local `serve`: request latency and throughput vs. an HttpListener echo floor");
        t.AppendLine();
        t.AppendLine(inv, $"Measured {DateTime.UtcNow:yyyy-MM-dd HH:mm} UTC; {BenchmarkDocs.Machine()}. `{Command}`.");
        t.AppendLine();
        t.AppendLine("The workload: `GET /orders/{id}` answering a ~35-byte JSON object that names the id, from one `HttpClient` in the");
        t.AppendLine("benchmark's process to a server in a child process on 127.0.0.1. **Lambada**: `serve` (`LambadaHost.RunAsync([\"serve\", …])`)");
        t.AppendLine("of `bench/Lambada.Bench.Serve/OrderFunction.cs`, a `[LambadaHttp(\"GET /orders/{id}\")]` function taking `LambadaHttpRequest`:");
        t.AppendLine("route matching, a payload-v2 event written as JSON, the function called through the host's handler (event deserialised,");
        t.AppendLine("response serialised), the payload-v2 answer parsed back into HTTP. **Floor**: the least HttpListener server that answers");
        t.AppendLine("the same bytes (`FloorServer.cs`), with the same one-task-per-request loop. Both run at once, measured in alternating rounds;");
        t.AppendLine("every answer's status and body are checked.");
        t.AppendLine();
        t.AppendLine("| server | p50 µs | p99 µs | mean µs | requests/s (8 clients) | start to listening, ms |");
        t.AppendLine("|---|---:|---:|---:|---:|---:|");
        foreach (var s in new[] { r.Floor, r.Lambada })
            t.AppendLine(inv, $"| {s.Name} | {s.P50Us:F0} | {s.P99Us:F0} | {s.MeanUs:F0} | {s.RequestsPerSecond:F0} | {s.StartMs:F0} |");
        t.AppendLine();
        t.AppendLine(inv, $"Sequential latency: {r.Settings.Rounds} x {r.Settings.Sequential:N0} requests per server after {r.Settings.WarmUp:N0} warm-up requests; throughput: median of {r.Settings.Rounds} rounds of {r.Settings.Concurrent:N0} requests over {r.Settings.Clients} concurrent clients.");
        t.AppendLine(inv, $"Latency p50 Lambada / floor **{r.LatencyRatio:F2}x** (p99 {r.P99Ratio:F2}x); throughput floor / Lambada **{r.ThroughputRatio:F2}x**; target ≤ {ServeBenchmark.Target:F1}x: **{(r.TargetsMet ? "met" : "MISSED")}**.");
        t.AppendLine(inv, $"Wrong answers: {r.WrongAnswers}. Load average (1 min): {r.LoadBefore} at the start, {r.LoadAfter} at the end (2 cores: client and server share them).");
        t.AppendLine();
        t.AppendLine("Options: `--requests N` (sequential, per round; default 5,000), `--concurrent N` (default 20,000), `--clients N` (default 8),");
        t.AppendLine("`--rounds N` (default 3), `--warm-up N` (default 1,000), `--no-docs`, `--smoke`. It exits with 1 when a ratio misses the target.");
        return t.ToString();
    }
}
