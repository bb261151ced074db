using System.Diagnostics;
using System.Text;

namespace Lambada.Bench.Deploy;

/// <summary>
/// The end-to-end view: <c>dotnet build -p:LambadaDeploy=true</c> of the sample when nothing changed, against the same
/// no-op build without deploying. Each variant builds in its own copy of the sample and the projects it references
/// (as section 2 does), so switching the property never makes the other variant repackage.
/// </summary>
public sealed class MsBuildDeploy(string repoRoot, string workDirectory, MotoServer moto, AwsCli cli, string region)
{
    private static readonly string[] Copied = ["Directory.Build.props", "Directory.Packages.props", "global.json", "Lambada.Attributes", "Lambada.Runtime", "Lambada.Build", "samples/LambdaShell"];

    public sealed record Result(List<double> DeployMs, List<double> BuildMs, List<int> DeployRequests, int FirstDeployRequests);

    public async Task<Result> RunAsync(int runs)
    {
        await moto.ResetAsync().ConfigureAwait(false);
        await cli.CreateRoleAsync("lambda_basic_execution").ConfigureAwait(false);
        await cli.CreateRoleAsync("lambda_s3_full").ConfigureAwait(false);
        var deploying = Snapshot("deploy");
        var plain = Snapshot("plain");

        // First builds, untimed: restore, compile, package, and (deploying) create the sample's functions.
        var before = moto.LoggedRequests();
        Build(deploying, deploy: true, restore: true);
        var firstDeployRequests = moto.LoggedRequests() - before;
        Build(plain, deploy: false, restore: true);
        Build(deploying, deploy: true, restore: false);
        Build(plain, deploy: false, restore: false);

        var result = new Result([], [], [], firstDeployRequests);
        for (var i = 0; i < runs; i++)
        {
            foreach (var deploy in i % 2 == 0 ? new[] { true, false } : [false, true])
            {
                before = moto.LoggedRequests();
                var ms = Build(deploy ? deploying : plain, deploy, restore: false);
                if (deploy)
                {
                    await Task.Delay(200).ConfigureAwait(false);
                    result.DeployMs.Add(ms);
                    result.DeployRequests.Add(moto.LoggedRequests() - before);
                }
                else
                    result.BuildMs.Add(ms);
            }
        }
        return result;
    }

    private string Snapshot(string name)
    {
        var root = Path.Combine(workDirectory, "msbuild-" + name);
        foreach (var item in Copied)
        {
            var source = Path.Combine(repoRoot, item);
            var target = Path.Combine(root, item);
            if (File.Exists(source))
            {
                Directory.CreateDirectory(Path.GetDirectoryName(target)!);
                File.Copy(source, target);
            }
            else
                CopyDirectory(source, target);
        }
        return Path.Combine(root, "samples", "LambdaShell", "LambdaShell.csproj");
    }

    private static void CopyDirectory(string source, string target)
    {
        Directory.CreateDirectory(target);
        foreach (var file in Directory.GetFiles(source))
            File.Copy(file, Path.Combine(target, Path.GetFileName(file)));
        foreach (var directory in Directory.GetDirectories(source).Where(d => Path.GetFileName(d) is not ("bin" or "obj")))
            CopyDirectory(directory, Path.Combine(target, Path.GetFileName(directory)));
    }

    private double Build(string project, bool deploy, bool restore)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            UseShellExecute = false,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        foreach (var argument in new[] { "build", project, "-nodeReuse:false", "-tl:off", "-v:m" })
            start.ArgumentList.Add(argument);
        if (!restore)
            start.ArgumentList.Add("--no-restore");
        if (deploy)
            start.ArgumentList.Add("-p:LambadaDeploy=true");
        foreach (var key in start.Environment.Keys.Where(k => k.StartsWith("MSBuild", StringComparison.OrdinalIgnoreCase)).ToArray())
            start.Environment.Remove(key);
        start.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        start.Environment["DOTNET_NOLOGO"] = "1";
        start.Environment["AWS_ACCESS_KEY_ID"] = "testing";
        start.Environment["AWS_SECRET_ACCESS_KEY"] = "testing";
        start.Environment["AWS_REGION"] = region;
        start.Environment["AWS_ENDPOINT_URL"] = moto.Endpoint;
        var clock = Stopwatch.StartNew();
        using var process = Process.Start(start) ?? throw new InvalidOperationException("could not start dotnet");
        var output = new StringBuilder();
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        process.WaitForExit();
        var ms = clock.Elapsed.TotalMilliseconds;
        output.Append(stdout.Result).Append(stderr.Result);
        if (process.ExitCode != 0)
            throw new InvalidOperationException($"dotnet build {(deploy ? "-p:LambadaDeploy=true " : "")}failed ({process.ExitCode}):\n{output}");
        return ms;
    }
}
