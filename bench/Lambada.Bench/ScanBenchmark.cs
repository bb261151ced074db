using System.Diagnostics;
using Lambada.Build;
using Lambada.Build.Manifest;
using Lambada.Build.Model;
using Lambada.Build.Scanning;
using Lambada.Build.Validation;
using Lambada.Testing;
using Mono.Cecil;

namespace Lambada.Bench;

/// <summary>
/// Measurement 1: scan + validate (Scan → Manifest model → Validate, in memory) of a generated assembly with
/// 1,000 functions, against merely opening that assembly with Cecil and enumerating its types and methods.
/// The whole <see cref="FunctionScan.Run"/>, which also writes <c>functions.json</c>, is a reference row.
/// </summary>
public sealed class ScanBenchmark(ScanBenchmark.Settings settings)
{
    public sealed record Settings(int Functions = 1000, int Classes = 50, int Files = 10, int WarmUp = 10, int Iterations = 40, int ColdRuns = 7);

    public sealed record Result(
        Settings Settings,
        long AssemblyBytes,
        int Types,
        int Methods,
        int FunctionsFound,
        int Warnings,
        Samples Baseline,
        Samples BaselineWithSymbols,
        Samples ScanValidate,
        Samples Full,
        Samples ScanOnly,
        Samples ManifestPart,
        Samples ValidatePart,
        Samples WritePart,
        Samples WithoutPdb,
        Samples ColdBaseline,
        Samples ColdFull)
    {
        public double Ratio => ScanValidate.Median / Baseline.Median;
        public double ColdRatio => ColdFull.Median / ColdBaseline.Median;
    }

    public const double Target = 10.0;

    public Result Run()
    {
        var directory = Path.Combine(Path.GetTempPath(), "lambada-bench-scan-" + Guid.NewGuid().ToString("N")[..8]);
        try
        {
            Console.WriteLine($"Generating and compiling {settings.Functions} functions in {settings.Classes} classes, {settings.Files} files …");
            var sources = FunctionSources.Generate(settings.Functions, settings.Classes, settings.Files);
            var dll = CSharpCompiler.Compile(directory, "Bench.Functions", sources);
            var manifestPath = Path.Combine(directory, "obj", "lambada", "functions.json");

            var (types, methods, _) = OpenAndEnumerate(dll);
            var check = FunctionScan.Run(dll, manifestPath, ScanOptions.Default, ProjectOptions.None);
            AssertValid(check, settings.Functions);

            var baseline = new Samples("Cecil: open + enumerate types and methods (baseline)");
            var baselineSymbols = new Samples("Cecil: open + read PDB + enumerate (reference)");
            var scanValidate = new Samples("scan + validate: Scan → Manifest model → Validate (measured)");
            var full = new Samples("FunctionScan.Run: the same + write functions.json (reference)");
            var scanOnly = new Samples("  part: AssemblyScanner.Scan");
            var manifestPart = new Samples("  part: ManifestBuilder.Build");
            var validatePart = new Samples("  part: FunctionValidator.Validate");
            var writePart = new Samples("  part: ManifestWriter.Write");
            var withoutPdb = new Samples("FunctionScan.Run, same assembly without its PDB (reference)");
            var noPdbDll = CopyWithoutPdb(dll, Path.Combine(directory, "nopdb"));

            Console.WriteLine($"Warm-up: {settings.WarmUp} rounds; measuring {settings.Iterations} rounds (order alternates each round) …");
            for (var round = -settings.WarmUp; round < settings.Iterations; round++)
            {
                var measuring = round >= 0;
                var steps = new Action[]
                {
                    () => Sample(measuring ? baseline : null, () => OpenAndEnumerate(dll)),
                    () => Sample(measuring ? baselineSymbols : null, () => OpenWithSymbolsAndEnumerate(dll)),
                    () => AssertValid(Sample(measuring ? scanValidate : null, () => ScanAndValidate(dll)), settings.Functions),
                    () => AssertValid(Sample(measuring ? full : null, () => FunctionScan.Run(dll, manifestPath, ScanOptions.Default, ProjectOptions.None)), settings.Functions),
                    () => Parts(dll, manifestPath, measuring ? (scanOnly, manifestPart, validatePart, writePart) : null),
                    () => AssertValid(Sample(measuring ? withoutPdb : null, () => FunctionScan.Run(noPdbDll, manifestPath, ScanOptions.Default, ProjectOptions.None)), settings.Functions),
                };
                foreach (var step in round % 2 == 0 ? steps : Enumerable.Reverse(steps))
                    step();
            }

            var (coldBaseline, coldFull) = Cold(dll, manifestPath);
            return new Result(settings, new FileInfo(dll).Length, types, methods, check.Manifest.Functions.Count,
                check.Diagnostics.Count(d => !d.IsError), baseline, baselineSymbols, scanValidate, full, scanOnly, manifestPart, validatePart, writePart,
                withoutPdb, coldBaseline, coldFull);
        }
        finally
        {
            try { Directory.Delete(directory, recursive: true); } catch (IOException) { } catch (UnauthorizedAccessException) { }
        }
    }

    /// <summary>Release builds with <c>DebugType=none</c> have no PDB; the scan then searches the sources for each function's declaration.</summary>
    private static string CopyWithoutPdb(string dll, string directory)
    {
        Directory.CreateDirectory(directory);
        foreach (var file in Directory.EnumerateFiles(Path.GetDirectoryName(dll)!, "*.dll"))
            File.Copy(file, Path.Combine(directory, Path.GetFileName(file)));
        return Path.Combine(directory, Path.GetFileName(dll));
    }

    /// <summary>The baseline: what any attribute scanner has to do at least — open the module and walk every method's attribute list.</summary>
    public static (int Types, int Methods, int Attributes) OpenAndEnumerate(string dll)
    {
        using var module = ModuleDefinition.ReadModule(dll, new ReaderParameters { InMemory = true });
        return Enumerate(module);
    }

    /// <summary>A second reference, not the target's baseline: the same walk after attaching the portable PDB the scan reads for source locations.</summary>
    public static (int Types, int Methods, int Attributes) OpenWithSymbolsAndEnumerate(string dll)
    {
        using var module = ModuleDefinition.ReadModule(dll, new ReaderParameters { InMemory = true });
        var bytes = File.ReadAllBytes(Path.ChangeExtension(dll, ".pdb"));
        module.ReadSymbols(new Mono.Cecil.Cil.PortablePdbReaderProvider().GetSymbolReader(module, new MemoryStream(bytes)), throwIfSymbolsAreNotMaching: true);
        return Enumerate(module);
    }

    private static (int Types, int Methods, int Attributes) Enumerate(ModuleDefinition module)
    {
        int types = 0, methods = 0, attributes = 0;
        foreach (var type in module.GetTypes())
        {
            types++;
            foreach (var method in type.Methods)
            {
                methods++;
                if (method.HasCustomAttributes)
                    attributes += method.CustomAttributes.Count;
            }
        }
        return (types, methods, attributes);
    }

    /// <summary>What the target measures: the scan and every rule, without writing the manifest file.</summary>
    private static FunctionScan.Outcome ScanAndValidate(string dll)
    {
        var scan = AssemblyScanner.Scan(dll, ScanOptions.Default);
        var manifest = ManifestBuilder.Build(scan, ProjectOptions.None);
        return new FunctionScan.Outcome(manifest, FunctionValidator.Validate(scan, manifest));
    }

    /// <summary>The stages one by one, each after a full GC so none pays for the garbage of the one before.</summary>
    private static void Parts(string dll, string manifestPath, (Samples Scan, Samples Manifest, Samples Validate, Samples Write)? into)
    {
        var scan = Sample(into?.Scan, () => AssemblyScanner.Scan(dll, ScanOptions.Default));
        var manifest = Sample(into?.Manifest, () => ManifestBuilder.Build(scan, ProjectOptions.None));
        var diagnostics = Sample(into?.Validate, () => FunctionValidator.Validate(scan, manifest));
        Sample(into?.Write, () => { ManifestWriter.Write(manifestPath, manifest); return 0; });
        if (diagnostics.Any(d => d.IsError) || manifest.Functions.Count != scan.Functions.Count)
            throw new InvalidOperationException("the parts disagree with FunctionScan.Run");
    }

    // Each sample is the mean of a few back-to-back runs: single runs of a millisecond-scale baseline are
    // mostly timer and scheduler noise on a shared 2-core machine, and the runs' own GC cost belongs in them.
    private const int RunsPerSample = 5;

    private static T Sample<T>(Samples? into, Func<T> action)
    {
        Measure.Settle();
        if (into is not null)
            return into.Time(action, RunsPerSample);
        return action();
    }

    /// <summary>The scan must see every generated function and find nothing wrong — otherwise it would measure something else.</summary>
    private static void AssertValid(FunctionScan.Outcome outcome, int expected)
    {
        if (!outcome.Succeeded)
            throw new InvalidOperationException("The generated functions are not all valid:\n" + string.Join("\n", outcome.Diagnostics.Where(d => d.IsError).Take(20)));
        if (outcome.Manifest.Functions.Count != expected)
            throw new InvalidOperationException($"Expected {expected} functions in the manifest, found {outcome.Manifest.Functions.Count}.");
    }

    // Cold: the build runs the task in a short-lived task host (LambadaTaskHost=true), so each scan also pays for
    // JIT and first use. Each cold sample is one call in a fresh process of this program, timed inside it
    // (runtime start-up excluded), alternating baseline and scan.
    private (Samples Baseline, Samples Full) Cold(string dll, string manifestPath)
    {
        var baseline = new Samples("Cecil baseline, first call in a fresh process");
        var full = new Samples("FunctionScan.Run, first call in a fresh process");
        Console.WriteLine($"Cold: {settings.ColdRuns} fresh processes per variant …");
        for (var run = 0; run < settings.ColdRuns; run++)
        {
            var order = run % 2 == 0 ? new[] { "baseline", "full" } : ["full", "baseline"];
            foreach (var variant in order)
                (variant == "baseline" ? baseline : full).Add(RunChild(variant, dll, manifestPath, settings.Functions));
        }
        return (baseline, full);
    }

    private static double RunChild(string variant, string dll, string manifestPath, int expected)
    {
        var start = ChildProcess.SelfStartInfo(["cold-once", variant, dll, manifestPath, expected.ToString(System.Globalization.CultureInfo.InvariantCulture)]);
        var (exitCode, output) = ChildProcess.Run(start);
        if (exitCode != 0)
            throw new InvalidOperationException($"cold-once {variant} failed ({exitCode}):\n{output}");
        var line = output.Split('\n').Select(l => l.Trim()).Last(l => l.StartsWith("ms=", StringComparison.Ordinal));
        return double.Parse(line[3..], System.Globalization.CultureInfo.InvariantCulture);
    }

    /// <summary>The child side of a cold sample: one call, timed, printed as <c>ms=…</c>.</summary>
    public static int ColdOnce(string variant, string dll, string manifestPath, int expected)
    {
        var stopwatch = Stopwatch.StartNew();
        if (variant == "baseline")
            OpenAndEnumerate(dll);
        else
            AssertValid(FunctionScan.Run(dll, manifestPath, ScanOptions.Default, ProjectOptions.None), expected);
        var elapsed = stopwatch.Elapsed.TotalMilliseconds;
        Console.WriteLine("ms=" + elapsed.ToString("R", System.Globalization.CultureInfo.InvariantCulture));
        return 0;
    }
}
