using System.Text;

namespace Lambada.Bench.Deploy;

/// <summary>The end-to-end block of section 4: a no-op <c>dotnet build -p:LambadaDeploy=true</c> against a no-op build.</summary>
internal static class MsBuildReport
{
    public const string Block = "deploy-msbuild";

    public static string Markdown(MsBuildDeploy.Result r, string machine, string loadBefore, string loadAfter)
    {
        var deploy = Stats.Median(r.DeployMs);
        var build = Stats.Median(r.BuildMs);
        var requests = string.Join(", ", r.DeployRequests.Distinct().Order());
        var t = new StringBuilder();
        t.AppendLine("### End to end: a no-op `dotnet build -p:LambadaDeploy=true` of the sample");
        t.AppendLine();
        t.AppendLine($"Measured {DateTime.UtcNow:yyyy-MM-dd HH:mm} UTC; {machine}. `dotnet run -c Release --project bench/Lambada.Bench.Deploy -- {r.Subcommand}`.");
        t.AppendLine();
        t.AppendLine($"""
            `samples/LambdaShell` (2 functions, roles `*/lambda_s3_full` and `lambda_basic_execution`, created with the CLI) in two
            copies of the sample and the projects it references ({r.Copies}), each restored, built, packaged and (the deploying copy)
            deployed once untimed (that deploy: {r.FirstDeployRequests} AWS request(s)). Then {r.DeployMs.Count} timed builds per variant, alternating,
            `dotnet build … --no-restore -nodeReuse:false -tl:off -v:m` with and without `-p:LambadaDeploy=true`; whole
            `dotnet` processes, wall clock. {(r.TaskHost
                ? "The sample sets `LambadaTaskHost=true`, but node reuse is off (`MSBUILDDISABLENODEREUSE=1`), so Lambada's tasks run in the build's own process, as in a user's project."
                : "The sample runs Lambada's tasks in the build's own process (no `LambadaTaskHost=true`).")}
            """);
        t.AppendLine();
        t.AppendLine("| variant | median ms | min ms | max ms | AWS requests |");
        t.AppendLine("|---|---:|---:|---:|---:|");
        t.AppendLine($"| `dotnet build -p:LambadaDeploy=true`, nothing changed | {Stats.Ms(deploy)} | {Stats.Ms(r.DeployMs.Min())} | {Stats.Ms(r.DeployMs.Max())} | {requests} |");
        t.AppendLine($"| `dotnet build`, nothing changed | {Stats.Ms(build)} | {Stats.Ms(r.BuildMs.Min())} | {Stats.Ms(r.BuildMs.Max())} | 0 |");
        t.AppendLine();
        var minRatio = r.DeployMs.Min() / r.BuildMs.Min();
        t.AppendLine($"A no-op deploy adds **{deploy - build:+0;-0} ms** (median) to a no-op build: **{deploy / build:F2}x** of the medians, "
                     + $"{minRatio:F2}x of the minimums (target ≤ {MsBuildDeploy.Target:F2}x: **{(r.TargetMet ? "met" : "MISSED")}**). "
                     + $"Load average (1 min): {loadBefore} at the start, {loadAfter} at the end.");
        return t.ToString();
    }
}
