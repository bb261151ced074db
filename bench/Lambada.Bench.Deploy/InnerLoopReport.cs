using System.Text;

namespace Lambada.Bench.Deploy;

/// <summary>Section 5 of <c>docs/benchmarks.md</c>: edit → deployed, Lambada against the hand floor.</summary>
internal static class InnerLoopReport
{
    public const string Block = "inner-loop";

    public static string Markdown(InnerLoop.Result r, string machine, string loadBefore, string loadAfter)
    {
        var handTotal = r.Hand.Select(h => h.TotalMs).ToList();
        var t = new StringBuilder();
        t.AppendLine("## 5. The inner loop: edit → deployed, Lambada vs. the hand-made floor");
        t.AppendLine();
        t.AppendLine($"Measured {DateTime.UtcNow:yyyy-MM-dd HH:mm} UTC; {machine}. `dotnet run -c Release --project bench/Lambada.Bench.Deploy -- inner-loop`.");
        t.AppendLine();
        t.AppendLine($"""
            **Method.** Against the benchmark's own `moto_server`, two copies of `samples/LambdaShell` and the projects it
            references, each with its own functions ({r.Functions.Count}: {string.Join(", ", r.Functions.Select(n => $"`{n}`"))}; the floor's are
            `{InnerLoop.FloorPrefix}…`, created once with `aws lambda create-function`). Before every timed run the same kind of one-line edit goes into
            the first handler of that copy (`var time = context.RemainingTime - Limits.ReplyMargin - TimeSpan.FromMilliseconds(n);`,
            a new `n` each time, so every run has new code), then, as a person types it, with `AWS_ENDPOINT_URL` set to moto:

            - **Lambada:** `dotnet build samples/LambdaShell -p:LambadaDeploy=true -nodeReuse:false -tl:off -v:m` — whatever the targets do (compile,
              scan, package, deploy) is in the time.
            - **Hand floor:** `dotnet publish samples/LambdaShell -c Release -r linux-x64 -o publish -nodeReuse:false -tl:off -v:m`, then
              `zip -q -r LambdaShell.zip .` in `publish/`, then `aws lambda update-function-code --zip-file fileb://LambdaShell.zip --endpoint-url …`
              once per function ({r.Functions.Count} calls, one after the other), each a new AWS CLI process.

            Each run is checked to have updated the code of every function of its variant (moto's log). First build and
            publish untimed, then {r.WarmUps} untimed warm-up round(s), then {r.LambadaMs.Count} timed runs per variant, alternating A B, B A, …; whole
            processes, wall clock.
            """);
        t.AppendLine();
        t.AppendLine("| variant | median ms | min ms | max ms |");
        t.AppendLine("|---|---:|---:|---:|");
        t.AppendLine($"| Lambada: `dotnet build -p:LambadaDeploy=true` after the edit | {Stats.Ms(Stats.Median(r.LambadaMs))} | {Stats.Ms(r.LambadaMs.Min())} | {Stats.Ms(r.LambadaMs.Max())} |");
        t.AppendLine($"| hand floor: publish + zip + update-function-code, in all | {Stats.Ms(Stats.Median(handTotal))} | {Stats.Ms(handTotal.Min())} | {Stats.Ms(handTotal.Max())} |");
        t.AppendLine($"| &nbsp;&nbsp;of it `dotnet publish -c Release -r linux-x64` | {Stats.Ms(Stats.Median(r.Hand.Select(h => h.PublishMs).ToList()))} | {Stats.Ms(r.Hand.Min(h => h.PublishMs))} | {Stats.Ms(r.Hand.Max(h => h.PublishMs))} |");
        t.AppendLine($"| &nbsp;&nbsp;of it `zip -r` | {Stats.Ms(Stats.Median(r.Hand.Select(h => h.ZipMs).ToList()))} | {Stats.Ms(r.Hand.Min(h => h.ZipMs))} | {Stats.Ms(r.Hand.Max(h => h.ZipMs))} |");
        t.AppendLine($"| &nbsp;&nbsp;of it {r.Functions.Count} × `aws lambda update-function-code` | {Stats.Ms(Stats.Median(r.Hand.Select(h => h.UploadMs).ToList()))} | {Stats.Ms(r.Hand.Min(h => h.UploadMs))} | {Stats.Ms(r.Hand.Max(h => h.UploadMs))} |");
        t.AppendLine();
        t.AppendLine($"Edit → deployed takes **{r.Ratio:F2}x** the hand floor's time (medians; {r.MinRatio:F2}x of the minimums; target ≤ {InnerLoop.Target:F1}x: **{(r.TargetMet ? "met" : "MISSED")}**). "
                     + $"Lambada's requests per run: {string.Join(", ", r.LambadaRequests.Distinct().Order())}. "
                     + $"Packages: Lambada's {r.LambadaPackageBytes / 1024.0:N0} KB, the floor's zip {r.HandPackageBytes / 1024.0:N0} KB. "
                     + $"Load average (1 min): {loadBefore} at the start, {loadAfter} at the end.");
        return t.ToString();
    }
}
