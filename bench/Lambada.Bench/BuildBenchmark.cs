using System.Globalization;
using System.Text.RegularExpressions;

namespace Lambada.Bench;

/// <summary>
/// Measurement 2: the time Lambada adds to an incremental no-op <c>dotnet build</c> of the sample, against the
/// same build with Lambada's targets switched off (<c>-p:LambadaEnabled=false</c>).
/// </summary>
/// <remarks>
/// Each variant builds in its own snapshot of the repository (the projects the sample needs, without bin/obj),
/// so it neither races other builds of the working tree nor sees files change under it, and the variants
/// cannot undo each other's outputs. Both are built until they are no-ops, then alternated A B, B A, …; every
/// timed build is checked to have written no assembly, PDB or manifest, and one detailed build of each
/// variant shows which targets ran. Lambada off also means no generated <c>Main</c>, so the baseline's snapshot gets
/// the same entry point as a hand-written file (<see cref="BaselineMain"/>): both variants compile the same program.
/// </remarks>
public sealed partial class BuildBenchmark(BuildBenchmark.Settings settings)
{
    public sealed record Settings(string RepoRoot, int Runs = 8, int WarmUps = 2, bool NodeReuse = false);

    public sealed record Result(
        Settings Settings,
        string Command,
        Samples Enabled,
        Samples Disabled,
        Verification EnabledCheck,
        Verification DisabledCheck,
        IReadOnlyList<string> NotNoOps)
    {
        public double Ratio => Enabled.Median / Disabled.Median;
        public double AddedMs => Enabled.Median - Disabled.Median;
    }

    /// <summary>What a detailed build of one variant showed.</summary>
    public sealed record Verification(int CoreCompileRan, int CoreCompileSkipped, string LambadaScan, IReadOnlyList<(string Target, double Ms, int Calls)> LambadaTargets)
    {
        public double LambadaTargetsMs => LambadaTargets.Sum(t => t.Ms);
    }

    public const double Target = 1.05;
    private const string SampleProject = "samples/LambdaShell/LambdaShell.csproj";
    private static readonly string[] SnapshotFolders = ["Lambada.Attributes", "Lambada.Runtime", "Lambada.Build", "samples/LambdaShell"];

    /// <summary>What a project without Lambada's targets writes itself: the generated Main, by hand.</summary>
    private const string BaselineMain = """
        // The no-op build benchmark's baseline builds with LambadaEnabled=false, which generates no Main; this is the same one, by hand.
        internal static class BaselineMain
        {
            public static global::System.Threading.Tasks.Task<int> Main(string[] args) =>
                global::Lambada.Runtime.LambadaHost.RunAsync(args, typeof(BaselineMain).Assembly);
        }
        """;

    public Result Run()
    {
        var id = Guid.NewGuid().ToString("N")[..8];
        // Two identical snapshots, one per variant: in a shared folder, a build with LambadaEnabled=false has
        // IncrementalClean delete obj/…/lambada/functions.json (no Lambada target lists it in FileWrites any more),
        // so the next build with Lambada on would rescan instead of being a no-op.
        var roots = new Dictionary<bool, string>
        {
            [true] = Path.Combine(Path.GetTempPath(), $"lambada-bench-build-{id}-on"),
            [false] = Path.Combine(Path.GetTempPath(), $"lambada-bench-build-{id}-of"),
        };
        try
        {
            foreach (var (on, root) in roots)
            {
                Console.WriteLine($"Snapshot for Lambada {(on ? "on" : "off")}: {root} …");
                Snapshot(settings.RepoRoot, root);
                if (!on)
                    File.WriteAllText(Path.Combine(root, "samples", "LambdaShell", "BaselineMain.cs"), BaselineMain);
                Check(ChildProcess.Run(ChildProcess.Dotnet(root, ["restore", SampleProject, "-nodeReuse:false"])), "restore");
            }

            Console.WriteLine($"Warm-up: {settings.WarmUps} builds of each variant (the first compiles everything) …");
            for (var i = 0; i < settings.WarmUps; i++)
                foreach (var (on, root) in roots)
                    Check(Build(root, on), $"warm-up build (Lambada {(on ? "on" : "off")})");

            var enabledCheck = Verify(roots[true], enabled: true);
            var disabledCheck = Verify(roots[false], enabled: false);

            var enabled = new Samples("dotnet build, Lambada on (default)");
            var disabled = new Samples("dotnet build -p:LambadaEnabled=false");
            var notNoOps = new List<string>();
            Console.WriteLine($"Measuring {settings.Runs} builds of each variant, alternating A B, B A, …");
            for (var run = 0; run < settings.Runs; run++)
            {
                var order = run % 2 == 0 ? new[] { true, false } : [false, true];
                foreach (var on in order)
                {
                    var before = Fingerprint(roots[on]);
                    var (exitCode, output, ms) = Build(roots[on], on);
                    Check((exitCode, output), on ? "build (Lambada on)" : "build (Lambada off)");
                    var changed = Changed(before, Fingerprint(roots[on]));
                    if (changed.Count > 0)
                        notNoOps.Add($"run {run + 1} ({(on ? "on" : "off")}): wrote {string.Join(", ", changed.Select(f => Path.GetRelativePath(roots[on], f)))}");
                    (on ? enabled : disabled).Add(ms);
                    Console.WriteLine($"  run {run + 1,2} Lambada {(on ? "on " : "off")}: {ms,8:F0} ms{(changed.Count > 0 ? "  (NOT a no-op)" : "")}");
                }
            }

            return new Result(settings, string.Join(' ', ["dotnet", .. BuildArguments(enabled: true)]),
                enabled, disabled, enabledCheck, disabledCheck, notNoOps);
        }
        finally
        {
            // Build nodes are not reused, so nothing holds files in the snapshots any more.
            foreach (var root in roots.Values)
                try { Directory.Delete(root, recursive: true); } catch (IOException) { } catch (UnauthorizedAccessException) { }
        }
    }

    private IEnumerable<string> BuildArguments(bool enabled, params string[] extra)
    {
        yield return "build";
        yield return SampleProject;
        yield return "--no-restore";
        yield return settings.NodeReuse ? "-nodeReuse:true" : "-nodeReuse:false";
        yield return "-tl:off";
        if (!enabled)
            yield return "-p:LambadaEnabled=false";
        foreach (var argument in extra)
            yield return argument;
    }

    private (int ExitCode, string Output, double Ms) Build(string root, bool enabled, params string[] extra) =>
        ChildProcess.Timed(ChildProcess.Dotnet(root, BuildArguments(enabled, extra)));

    private static void Check((int ExitCode, string Output) result, string what) =>
        Check((result.ExitCode, result.Output, 0), what);

    private static void Check((int ExitCode, string Output, double Ms) result, string what)
    {
        if (result.ExitCode != 0)
            throw new InvalidOperationException($"{what} failed with exit code {result.ExitCode}:\n{result.Output}");
    }

    /// <summary>One detailed build: did any CoreCompile run, was LambadaScan skipped, how long did Lambada's own targets take.</summary>
    private Verification Verify(string root, bool enabled)
    {
        var before = Fingerprint(root);
        var result = Build(root, enabled, "-v:d", "-clp:PerformanceSummary");
        Check(result, "detailed build");
        var output = result.Output;
        var changed = Changed(before, Fingerprint(root));
        if (changed.Count > 0)
            throw new InvalidOperationException($"The warmed-up build (Lambada {(enabled ? "on" : "off")}) is not a no-op; it wrote:\n  " +
                string.Join("\n  ", changed));

        var skipped = Regex.Matches(output, "Skipping target \"CoreCompile\" because all output files are up-to-date").Count;
        var ran = Regex.Matches(output, "Building target \"CoreCompile\" completely").Count
                  + Regex.Matches(output, "Building target \"CoreCompile\" partially").Count;
        var scan = output.Contains("Skipping target \"LambadaScan\" because all output files are up-to-date", StringComparison.Ordinal) ? "skipped (up to date)"
            : output.Contains("Target \"LambadaScan\" skipped, due to false condition", StringComparison.Ordinal) ? "not run (condition false)"
            : output.Contains("Building target \"LambadaScan\"", StringComparison.Ordinal) ? "RAN"
            : "did not run";

        // "Target Performance Summary:" lines look like "        0 ms  _LambadaPaths                              1 calls".
        var summaryAt = output.LastIndexOf("Target Performance Summary:", StringComparison.Ordinal);
        var targets = new List<(string, double, int)>();
        if (summaryAt >= 0)
            foreach (Match m in PerformanceLine().Matches(output[summaryAt..]))
                if (m.Groups["name"].Value.Contains("Lambada", StringComparison.Ordinal))
                    targets.Add((m.Groups["name"].Value, double.Parse(m.Groups["ms"].Value, CultureInfo.InvariantCulture), int.Parse(m.Groups["calls"].Value, CultureInfo.InvariantCulture)));
        return new Verification(ran, skipped, scan, targets);
    }

    [GeneratedRegex(@"^\s*(?<ms>\d+(\.\d+)?) ms\s+(?<name>\S+)\s+(?<calls>\d+) calls", RegexOptions.Multiline)]
    private static partial Regex PerformanceLine();

    private static void Snapshot(string repoRoot, string destination)
    {
        Directory.CreateDirectory(destination);
        foreach (var file in Directory.EnumerateFiles(repoRoot))
        {
            var name = Path.GetFileName(file);
            if (name.EndsWith(".props", StringComparison.OrdinalIgnoreCase) || name.EndsWith(".targets", StringComparison.OrdinalIgnoreCase)
                || name.Equals("global.json", StringComparison.OrdinalIgnoreCase) || name.Equals("nuget.config", StringComparison.OrdinalIgnoreCase))
                File.Copy(file, Path.Combine(destination, name));
        }
        foreach (var folder in SnapshotFolders)
            CopyTree(Path.Combine(repoRoot, folder), Path.Combine(destination, folder));
    }

    private static void CopyTree(string source, string destination)
    {
        Directory.CreateDirectory(destination);
        foreach (var file in Directory.EnumerateFiles(source))
            File.Copy(file, Path.Combine(destination, Path.GetFileName(file)));
        foreach (var directory in Directory.EnumerateDirectories(source))
        {
            var name = Path.GetFileName(directory);
            if (name is not ("bin" or "obj" or ".vs" or "TestResults"))
                CopyTree(directory, Path.Combine(destination, name));
        }
    }

    /// <summary>Build products whose rewrite would mean the build was not a no-op: assemblies, PDBs, the manifest.</summary>
    private static Dictionary<string, DateTime> Fingerprint(string root) =>
        Directory.EnumerateFiles(root, "*", SearchOption.AllDirectories)
            .Where(f => f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal)
                        || f.Contains($"{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}", StringComparison.Ordinal))
            .Where(f => Path.GetExtension(f) is ".dll" or ".pdb" or ".exe" || Path.GetFileName(f) == "functions.json" || string.IsNullOrEmpty(Path.GetExtension(f)))
            .ToDictionary(f => f, File.GetLastWriteTimeUtc);

    private static List<string> Changed(Dictionary<string, DateTime> before, Dictionary<string, DateTime> after) =>
        after.Where(a => !before.TryGetValue(a.Key, out var time) || time != a.Value).Select(a => a.Key)
            .Concat(before.Keys.Where(k => !after.ContainsKey(k)))
            .ToList();
}
