using System.Diagnostics;
using Lambada.Testing;

namespace Lambada.Bench.Deploy;

/// <summary>
/// A private copy of <c>samples/LambdaShell</c> and the projects it references (without bin/obj), so a variant's builds
/// neither race other builds of the working tree nor undo another variant's outputs; and its commands, run and timed.
/// </summary>
public sealed class SampleCopy
{
    private static readonly string[] Copied = ["Directory.Build.props", "Directory.Packages.props", "global.json", "Lambada.Attributes", "Lambada.Runtime", "Lambada.Build", "samples/LambdaShell"];

    private SampleCopy(string root) => Root = root;

    public string Root { get; }
    public string ProjectDirectory => Path.Combine(Root, "samples", "LambdaShell");
    public string Project => Path.Combine(ProjectDirectory, "LambdaShell.csproj");

    public static SampleCopy Create(string repoRoot, string workDirectory, string name)
    {
        var root = Path.Combine(workDirectory, name);
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
        return new SampleCopy(root);
    }

    private static void CopyDirectory(string source, string target)
    {
        Directory.CreateDirectory(target);
        foreach (var file in Directory.GetFiles(source))
            File.Copy(file, Path.Combine(target, Path.GetFileName(file)));
        foreach (var directory in Directory.GetDirectories(source).Where(d => Path.GetFileName(d) is not ("bin" or "obj")))
            CopyDirectory(directory, Path.Combine(target, Path.GetFileName(directory)));
    }

    /// <summary>The manifest the last build's scan wrote (wherever the targets put the intermediate output).</summary>
    public string ManifestPath() =>
        Directory.GetFiles(Path.Combine(ProjectDirectory, "obj"), "functions.json", SearchOption.AllDirectories)
            .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}publish{Path.DirectorySeparatorChar}", StringComparison.Ordinal))
            .OrderByDescending(File.GetLastWriteTimeUtc)
            .First();

    /// <summary>The package the last deploy build zipped.</summary>
    public string? PackagePath() =>
        Directory.GetFiles(Path.Combine(ProjectDirectory, "obj"), "LambdaShell.zip", SearchOption.AllDirectories)
            .OrderByDescending(File.GetLastWriteTimeUtc)
            .FirstOrDefault();

    /// <summary>Runs a program in this copy with the benchmark's AWS settings (moto, test keys); wall milliseconds. Throws when it fails.</summary>
    public double Run(string fileName, IEnumerable<string> arguments, string endpoint, string region, string? workingDirectory = null)
    {
        var start = new ProcessStartInfo(fileName) { WorkingDirectory = workingDirectory ?? Root };
        foreach (var argument in arguments)
            start.ArgumentList.Add(argument);
        start.WithCleanEnvironment();
        // Node reuse is off (-nodeReuse:false); saying so in the environment too lets the targets run Lambada's tasks in-process
        // despite the sample's LambadaTaskHost=true, as they run in a user's project.
        start.Environment["MSBUILDDISABLENODEREUSE"] = "1";
        start.Environment["AWS_ACCESS_KEY_ID"] = "testing";
        start.Environment["AWS_SECRET_ACCESS_KEY"] = "testing";
        start.Environment["AWS_REGION"] = region;
        start.Environment["AWS_DEFAULT_REGION"] = region;
        start.Environment["AWS_ENDPOINT_URL"] = endpoint;
        start.Environment["AWS_PAGER"] = "";
        var clock = Stopwatch.StartNew();
        var result = ProcessRunner.Run(start, Timeout.InfiniteTimeSpan);
        var ms = clock.Elapsed.TotalMilliseconds;
        if (result.ExitCode != 0)
            throw new InvalidOperationException($"{fileName} {string.Join(' ', arguments)} failed ({result.ExitCode}):\n{result.Output}");
        return ms;
    }
}
