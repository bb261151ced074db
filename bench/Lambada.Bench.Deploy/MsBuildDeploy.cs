using Lambada.Testing;

namespace Lambada.Bench.Deploy;

/// <summary>
/// The end-to-end view: <c>dotnet build -p:LambadaDeploy=true</c> of the sample when nothing changed, against the same
/// no-op build without deploying. Each variant builds in its own copy of the sample and the projects it references
/// (as section 2 does), so switching the property never makes the other variant repackage. On its own (<c>msbuild</c>) it
/// makes two fresh copies; after the inner loop it reuses that benchmark's two (the deploying one, and the hand floor's as
/// the plain one), which saves their first builds.
/// </summary>
internal sealed class MsBuildDeploy(string repoRoot, string workDirectory, MotoServer moto, AwsCli cli, string region)
{
    /// <summary>The issue-11 target: a no-op deploy build at most this many times a plain no-op build (medians).</summary>
    public const double Target = 1.15;

    /// <param name="Copies">Where the two copies came from, for the report.</param>
    public sealed record Result(List<double> DeployMs, List<double> BuildMs, List<int> DeployRequests, int FirstDeployRequests, bool TaskHost, string Copies, string Subcommand)
    {
        public double Ratio => Stats.Median(DeployMs) / Stats.Median(BuildMs);
        public bool TargetMet => Ratio <= Target;
    }

    public async Task<Result> RunAsync(int runs)
    {
        moto.Reset();
        await cli.CreateRoleAsync("lambda_basic_execution").ConfigureAwait(false);
        await cli.CreateRoleAsync("lambda_s3_full").ConfigureAwait(false);
        var deploying = SampleCopy.Create(repoRoot, workDirectory, "msbuild-deploy");
        var plain = SampleCopy.Create(repoRoot, workDirectory, "msbuild-plain");
        return await RunAsync(deploying, plain, runs, "two fresh copies", "msbuild").ConfigureAwait(false);
    }

    /// <param name="deploying">A copy whose functions are deployed already or not (the first, untimed build creates them).</param>
    public async Task<Result> RunAsync(SampleCopy deploying, SampleCopy plain, int runs, string copies, string subcommand)
    {
        // First builds, untimed: restore, compile, package, and (deploying) create or update the sample's functions.
        var before = MotoRequestLog.Mark(moto);
        Build(deploying, deploy: true, restore: true);
        var firstDeployRequests = MotoRequestLog.Since(moto, before).Count;
        Build(plain, deploy: false, restore: true);
        Build(deploying, deploy: true, restore: false);
        Build(plain, deploy: false, restore: false);

        var taskHost = File.ReadAllText(deploying.Project).Contains("<LambadaTaskHost>true</LambadaTaskHost>", StringComparison.Ordinal);
        var result = new Result([], [], [], firstDeployRequests, taskHost, copies, subcommand);
        for (var i = 0; i < runs; i++)
        {
            foreach (var deploy in i % 2 == 0 ? new[] { true, false } : [false, true])
            {
                before = MotoRequestLog.Mark(moto);
                var ms = Build(deploy ? deploying : plain, deploy, restore: false);
                if (deploy)
                {
                    await Task.Delay(200).ConfigureAwait(false);
                    result.DeployMs.Add(ms);
                    result.DeployRequests.Add(MotoRequestLog.Since(moto, before).Count);
                }
                else
                    result.BuildMs.Add(ms);
            }
        }
        return result;
    }

    private double Build(SampleCopy copy, bool deploy, bool restore)
    {
        var arguments = new List<string> { "build", copy.Project, "-nodeReuse:false", "-tl:off", "-v:m" };
        if (!restore)
            arguments.Add("--no-restore");
        if (deploy)
            arguments.Add("-p:LambadaDeploy=true");
        return copy.Run("dotnet", arguments, moto.Endpoint, region);
    }
}
