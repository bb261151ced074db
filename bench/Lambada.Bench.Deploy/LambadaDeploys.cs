using System.Diagnostics;
using Lambada.Build.Aws.Http;
using Lambada.Build.Aws;
using Lambada.Build.Deployment;
using Lambada.Build.Model;
using Lambada.Testing;
using OutcomeKind = Lambada.Build.Deployment.OutcomeKind;

namespace Lambada.Bench.Deploy;

/// <summary>One timed <see cref="Deployer.RunAsync"/>: wall time, requests, and how many functions ended in each outcome.</summary>
public sealed record PhaseResult(double Milliseconds, int Requests, int Mutating, int LoggedByMoto, IReadOnlyDictionary<OutcomeKind, int> Outcomes)
{
    public int Count(OutcomeKind kind) => Outcomes.GetValueOrDefault(kind);
}

/// <summary>Lambada's deploy in-process, exactly as the DeployFunctions task wires it, against moto.</summary>
public sealed class LambadaDeploys(MotoServer moto, string region)
{
    public async Task<PhaseResult> RunAsync(FunctionsManifest manifest, Packages.Package package, int parallelism)
    {
        var environment = new Dictionary<string, string?> { ["AWS_ENDPOINT_URL"] = moto.Endpoint, ["AWS_REGION"] = region };
        var loggedBefore = MotoRequestLog.Mark(moto);
        var clock = Stopwatch.StartNew();
        // New clients per phase: the request counters start at zero (and the connection pool is cold, as in a build).
        using var aws = AwsClients.Create(region, null, name => environment.GetValueOrDefault(name), RetryPolicy.Default, _ => { });
        var waiter = new FunctionWaiter(aws.Lambda, _ => { }, TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(5), TimeSpan.FromMinutes(15));
        var options = new DeployOptions { Project = "bench", Region = region, Parallelism = parallelism };
        var result = await new Deployer(aws, options, waiter, new SilentLog()).RunAsync(manifest, package.Path, package.CodeSha256, CancellationToken.None)
            .ConfigureAwait(false);
        var elapsed = clock.Elapsed.TotalMilliseconds;
        await Task.Delay(200).ConfigureAwait(false); // moto logs a request just after answering it
        var failed = result.Outcomes.FirstOrDefault(o => o.Kind == OutcomeKind.Failed);
        if (failed is not null)
            throw new InvalidOperationException($"deploy failed for {failed.Name}: {failed.ErrorCode} {failed.ErrorMessage}");
        var outcomes = result.Outcomes.GroupBy(o => o.Kind).ToDictionary(g => g.Key, g => g.Count());
        return new PhaseResult(elapsed, result.Requests, result.MutatingRequests, MotoRequestLog.Since(moto, loggedBefore).Count, outcomes);
    }

    private sealed class SilentLog : IDeployLog
    {
        public void Info(string message) { }

        public void Warning(string code, string function, string message) { }
    }
}
