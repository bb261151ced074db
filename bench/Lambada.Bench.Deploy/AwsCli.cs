using System.Diagnostics;
using System.Text.Json;

namespace Lambada.Bench.Deploy;

/// <summary>
/// The baseline: what a deploy script does with the AWS CLI — one <c>aws</c> process per call, against the same moto.
/// Sequential, as a plain shell loop runs them, or a fixed number at a time, as <c>xargs -P</c> does.
/// </summary>
internal sealed class AwsCli(string endpoint, string region)
{
    public const string RoleName = "bench-role";

    private const string TrustPolicy =
        """{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":{"Service":"lambda.amazonaws.com"},"Action":"sts:AssumeRole"}]}""";

    public string RoleArn => $"arn:aws:iam::123456789012:role/{RoleName}";

    public async Task CreateRoleAsync(string name = RoleName)
    {
        await RunAsync(["iam", "create-role", "--role-name", name, "--assume-role-policy-document", TrustPolicy]).ConfigureAwait(false);
        await RunAsync(["iam", "attach-role-policy", "--role-name", name,
            "--policy-arn", "arn:aws:iam::aws:policy/service-role/AWSLambdaBasicExecutionRole"]).ConfigureAwait(false);
    }

    /// <summary>First deploy: one <c>create-function</c> per function, with the same settings Lambada sends.</summary>
    public IReadOnlyList<string[]> CreateCommands(IEnumerable<BenchFunction> functions, string zip) =>
        functions.Select(f => new[]
        {
            "lambda", "create-function", "--function-name", f.Name, "--runtime", BenchFunction.Runtime, "--handler", BenchFunction.Handler,
            "--role", RoleArn, "--zip-file", "fileb://" + zip, "--memory-size", f.MemorySize.ToString(), "--timeout", BenchFunction.Timeout.ToString(),
            "--architectures", "x86_64", "--environment", Environment(f), "--tags", """{"lambada:project":"bench"}""",
        }).ToList();

    /// <summary>Redeploy as a naive script does it, changed or not: new code, then the configuration, for every function.</summary>
    public IReadOnlyList<string[]> UpdateCommands(IEnumerable<BenchFunction> functions, string zip) =>
        functions.SelectMany(f => new[]
        {
            new[] { "lambda", "update-function-code", "--function-name", f.Name, "--zip-file", "fileb://" + zip },
            new[]
            {
                "lambda", "update-function-configuration", "--function-name", f.Name, "--runtime", BenchFunction.Runtime,
                "--handler", BenchFunction.Handler, "--role", RoleArn, "--memory-size", f.MemorySize.ToString(),
                "--timeout", BenchFunction.Timeout.ToString(), "--environment", Environment(f),
            },
        }).ToList();

    /// <summary>Runs the commands <paramref name="parallel"/> at a time (1 = a shell loop); wall milliseconds.</summary>
    public async Task<double> RunAllAsync(IReadOnlyList<string[]> commands, int parallel)
    {
        var clock = Stopwatch.StartNew();
        using var slots = new SemaphoreSlim(parallel);
        await Task.WhenAll(commands.Select(async c =>
        {
            await slots.WaitAsync().ConfigureAwait(false);
            try
            {
                await RunAsync(c).ConfigureAwait(false);
            }
            finally
            {
                slots.Release();
            }
        })).ConfigureAwait(false);
        return clock.Elapsed.TotalMilliseconds;
    }

    private static string Environment(BenchFunction f) =>
        JsonSerializer.Serialize(new { Variables = new Dictionary<string, string> { ["LAMBADA_HANDLER"] = f.Method } });

    /// <summary>One <c>aws</c> call against the benchmark's moto; throws when it fails.</summary>
    public async Task RunAsync(string[] arguments)
    {
        var start = new ProcessStartInfo("aws")
        {
            UseShellExecute = false,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        foreach (var argument in arguments)
            start.ArgumentList.Add(argument);
        start.ArgumentList.Add("--output");
        start.ArgumentList.Add("json");
        start.Environment["AWS_ACCESS_KEY_ID"] = "testing";
        start.Environment["AWS_SECRET_ACCESS_KEY"] = "testing";
        start.Environment["AWS_DEFAULT_REGION"] = region;
        start.Environment["AWS_ENDPOINT_URL"] = endpoint;
        start.Environment["AWS_PAGER"] = "";
        using var process = Process.Start(start) ?? throw new InvalidOperationException("could not start aws");
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync().ConfigureAwait(false);
        await Task.WhenAll(stdout, stderr).ConfigureAwait(false);
        if (process.ExitCode != 0)
            throw new InvalidOperationException($"aws {string.Join(' ', arguments.Take(3))} failed ({process.ExitCode}): {stderr.Result.Trim()}");
    }
}
