using System.Diagnostics;
using Lambada.Build;
using Lambada.Build.Deployment;
using Lambada.Build.Diagnostics;
using Lambada.Build.Model;
using Lambada.Testing;
using OutcomeKind = Lambada.Build.Deployment.OutcomeKind;

namespace Lambada.Bench.Deploy;

/// <summary>One timed <see cref="FunctionDeploy.RunAsync"/>: wall time, requests, and how many functions ended in each outcome.</summary>
internal sealed record PhaseResult(double Milliseconds, int Requests, int Mutating, int LoggedByMoto, IReadOnlyDictionary<OutcomeKind, int> Outcomes)
{
    public int Count(OutcomeKind kind) => Outcomes.GetValueOrDefault(kind);
}

/// <summary>Lambada's deploy in-process, through the entry point the DeployFunctions task calls, against moto.</summary>
internal sealed class LambadaDeploys(MotoServer moto, string region)
{
    public async Task<PhaseResult> RunAsync(FunctionsManifest manifest, Packages.Package package, int parallelism)
    {
        var environment = new Dictionary<string, string?> { ["AWS_ENDPOINT_URL"] = moto.Endpoint, ["AWS_REGION"] = region };
        var loggedBefore = MotoRequestLog.Mark(moto);
        var clock = Stopwatch.StartNew();
        // New clients per phase: the request counters start at zero (and the connection pool is cold, as in a build).
        var outcome = await FunctionDeploy.RunAsync(new FunctionDeploy.Request
        {
            Manifest = manifest,
            PackagePath = package.Path,
            CodeSha256 = package.CodeSha256,
            Options = new DeployOptions { Project = "bench", Region = region, Parallelism = parallelism },
            Environment = name => environment.GetValueOrDefault(name),
        }, new SilentLog(), CancellationToken.None).ConfigureAwait(false);
        var elapsed = clock.Elapsed.TotalMilliseconds;
        var result = outcome.Result ?? throw new InvalidOperationException("deploy failed: " + string.Join("; ", outcome.Diagnostics));
        await Task.Delay(200).ConfigureAwait(false); // moto logs a request just after answering it
        var failed = result.Outcomes.FirstOrDefault(o => o.Kind == OutcomeKind.Failed);
        if (failed is not null)
            throw new InvalidOperationException($"deploy failed for {failed.Name}: {failed.Error?.Code} {failed.ErrorMessage}");
        var outcomes = result.Outcomes.GroupBy(o => o.Kind).ToDictionary(g => g.Key, g => g.Count());
        return new PhaseResult(elapsed, result.Requests, result.MutatingRequests, MotoRequestLog.Since(moto, loggedBefore).Count, outcomes);
    }

    private sealed class SilentLog : IDeployLog
    {
        public void Info(string message) { }

        public void Warning(DiagnosticDescriptor descriptor, FunctionDefinition function, string message) { }
    }
}
