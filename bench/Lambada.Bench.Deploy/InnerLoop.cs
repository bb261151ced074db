using System.Text.RegularExpressions;
using Lambada.Build.Manifest;
using Lambada.Testing;

namespace Lambada.Bench.Deploy;

/// <summary>
/// Edit → deployed, in one run and against one moto: a one-line handler edit in a copy of the sample, then
/// Lambada (<c>dotnet build -p:LambadaDeploy=true</c>) against the hand-made floor (<c>dotnet publish -c Release -r linux-x64</c>,
/// <c>zip -r</c>, one <c>aws lambda update-function-code</c> per function). Each variant has its own copy of the sample and
/// the projects it references, and its own functions; runs alternate A B, B A, … Whatever the targets do is what is timed:
/// the benchmark only types the commands.
/// </summary>
internal sealed partial class InnerLoop(string repoRoot, string workDirectory, MotoServer moto, AwsCli cli, string region)
{
    /// <summary>The issue-11 target: edit → deployed at most this many times the hand floor (medians).</summary>
    public const double Target = 1.2;

    public const string FloorPrefix = "floor_";

    public sealed record HandRun(double PublishMs, double ZipMs, double UploadMs)
    {
        public double TotalMs => PublishMs + ZipMs + UploadMs;
    }

    public sealed record Result(
        IReadOnlyList<string> Functions,
        List<double> LambadaMs,
        List<int> LambadaRequests,
        List<HandRun> Hand,
        long LambadaPackageBytes,
        long HandPackageBytes,
        int WarmUps)
    {
        public double Ratio => Stats.Median(LambadaMs) / Stats.Median(Hand.Select(h => h.TotalMs).ToList());
        public double MinRatio => LambadaMs.Min() / Hand.Min(h => h.TotalMs);
        public bool TargetMet => Ratio <= Target;
    }

    /// <summary>The two copies, for the no-op measurement that follows the loop.</summary>
    public (SampleCopy Lambada, SampleCopy Hand)? Copies { get; private set; }

    public async Task<Result> RunAsync(int runs, int warmUps)
    {
        moto.Reset();
        await cli.CreateRoleAsync("lambda_basic_execution").ConfigureAwait(false);
        await cli.CreateRoleAsync("lambda_s3_full").ConfigureAwait(false);
        var lambada = SampleCopy.Create(repoRoot, workDirectory, "inner-lambada");
        var hand = SampleCopy.Create(repoRoot, workDirectory, "inner-hand");
        var handPublish = Path.Combine(hand.Root, "publish");
        var handZip = Path.Combine(hand.Root, "LambdaShell.zip");
        Copies = (lambada, hand);

        // Untimed: the first deploy creates the sample's functions; the floor's first publish creates its own, one per function.
        Console.WriteLine($"[{DateTime.UtcNow:HH:mm:ss}] inner loop: first deploy and first publish (untimed) …");
        LambadaDeploy(lambada);
        var functions = ManifestWriter.Read(lambada.ManifestPath()).Functions;
        HandPublishAndZip(hand, handPublish, handZip);
        foreach (var f in functions)
            await cli.RunAsync(
            [
                "lambda", "create-function", "--function-name", FloorPrefix + f.Name, "--runtime", f.Runtime ?? "dotnet10", "--handler", f.Handler,
                "--role", "arn:aws:iam::123456789012:role/lambda_basic_execution", "--zip-file", "fileb://" + handZip,
                "--environment", System.Text.Json.JsonSerializer.Serialize(new { Variables = new Dictionary<string, string> { ["LAMBADA_HANDLER"] = f.Method } }),
            ]).ConfigureAwait(false);

        var names = functions.Select(f => f.Name).ToList();
        var result = new Result(names, [], [], [], 0, 0, warmUps);
        var edit = 0;
        for (var i = -warmUps; i < runs; i++)
        {
            var measuring = i >= 0;
            foreach (var lambadaFirst in i % 2 == 0 ? new[] { true, false } : [false, true])
            {
                edit++;
                if (lambadaFirst)
                {
                    Edit(lambada, edit);
                    var before = MotoRequestLog.Mark(moto);
                    var codeBefore = CodeUpdates(names);
                    var ms = LambadaDeploy(lambada);
                    await Task.Delay(200).ConfigureAwait(false);
                    RequireNewCode("Lambada", names, codeBefore, CodeUpdates(names));
                    if (measuring)
                    {
                        result.LambadaMs.Add(ms);
                        result.LambadaRequests.Add(MotoRequestLog.Since(moto, before).Count);
                    }
                    Console.WriteLine($"  {(measuring ? $"run {i + 1}" : "warm-up")} Lambada: {ms,8:F0} ms");
                }
                else
                {
                    var floorNames = names.Select(n => FloorPrefix + n).ToList();
                    Edit(hand, edit);
                    var codeBefore = CodeUpdates(floorNames);
                    var run = HandPublishAndZip(hand, handPublish, handZip);
                    var upload = 0.0;
                    foreach (var name in floorNames)
                        upload += hand.Run("aws", ["lambda", "update-function-code", "--function-name", name, "--zip-file", "fileb://" + handZip,
                            "--endpoint-url", moto.Endpoint, "--output", "json"], moto.Endpoint, region);
                    await Task.Delay(200).ConfigureAwait(false);
                    RequireNewCode("the hand floor", floorNames, codeBefore, CodeUpdates(floorNames));
                    run = run with { UploadMs = upload };
                    if (measuring)
                        result.Hand.Add(run);
                    Console.WriteLine($"  {(measuring ? $"run {i + 1}" : "warm-up")} floor  : {run.TotalMs,8:F0} ms (publish {run.PublishMs:F0}, zip {run.ZipMs:F0}, update-function-code {run.UploadMs:F0})");
                }
            }
        }
        return result with
        {
            LambadaPackageBytes = lambada.PackagePath() is { } package ? new FileInfo(package).Length : 0,
            HandPackageBytes = new FileInfo(handZip).Length,
        };
    }

    /// <summary>The same kind of one-line edit in either copy: the first handler's reply margin changes by <paramref name="n"/> ms, so every build has new code.</summary>
    private static void Edit(SampleCopy copy, int n)
    {
        var file = Path.Combine(copy.ProjectDirectory, "ShellFunctions.cs");
        var text = File.ReadAllText(file);
        var edited = EditedLine().Replace(text, $"$1 - TimeSpan.FromMilliseconds({n});", 1);
        if (edited == text)
            throw new InvalidOperationException($"{file}: the line the benchmark edits (`var time = context.RemainingTime - Limits.ReplyMargin…;`) is not there any more");
        File.WriteAllText(file, edited);
    }

    [GeneratedRegex(@"(var time = context\.RemainingTime - Limits\.ReplyMargin)[^;\n]*;")]
    private static partial Regex EditedLine();

    private double LambadaDeploy(SampleCopy copy) =>
        copy.Run("dotnet", ["build", copy.Project, "-p:LambadaDeploy=true", "-nodeReuse:false", "-tl:off", "-v:m"], moto.Endpoint, region);

    private HandRun HandPublishAndZip(SampleCopy copy, string publish, string zip)
    {
        var publishMs = copy.Run("dotnet", ["publish", copy.Project, "-c", "Release", "-r", "linux-x64", "-o", publish, "-nodeReuse:false", "-tl:off", "-v:m"],
            moto.Endpoint, region);
        File.Delete(zip);
        var zipMs = copy.Run("zip", ["-q", "-r", zip, "."], moto.Endpoint, region, workingDirectory: publish);
        return new HandRun(publishMs, zipMs, 0);
    }

    private Dictionary<string, int> CodeUpdates(IEnumerable<string> names) =>
        names.ToDictionary(n => n, n => MotoRequestLog.Since(moto, 0).Count(r => r.Path.EndsWith($"/functions/{n}/code", StringComparison.Ordinal)));

    /// <summary>Each function must have had its code updated, or the run measured something other than a deploy.</summary>
    private static void RequireNewCode(string who, IEnumerable<string> names, Dictionary<string, int> before, Dictionary<string, int> after)
    {
        var missed = names.Where(n => after[n] <= before[n]).ToList();
        if (missed.Count > 0)
            throw new InvalidOperationException($"{who} did not update the code of {string.Join(", ", missed)} after the edit");
    }
}
