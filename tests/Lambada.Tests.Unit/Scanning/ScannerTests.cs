using Lambada.Build.Model;
using Lambada.Testing;

namespace Lambada.Tests.Scanning;

[TestClass]
public sealed class ScannerTests
{
    [TestMethod]
    public void Named_arguments_enums_and_companions_are_read_exactly()
    {
        var source = FixtureScan.ClassWith("""
                [LambadaFunction(Name = "fn", MemorySize = 1024, Timeout = 60, Role = "arn:aws:iam::123456789012:role/r",
                    Description = "does things", Alias = "live", Runtime = LambadaRuntime.Dotnet10,
                    Architecture = LambadaArchitecture.Arm64, EphemeralStorage = 2048, ReservedConcurrency = 5)]
                [LambadaEnvironment("STAGE", "prod")]
                [LambadaEnvironment("GREETING", "héllo")]
                [LambadaTag("team", "data")]
                public string Handle(string input) => input;
            """);

        var outcome = FixtureScan.Run(source);

        Assert.IsTrue(outcome.Succeeded, string.Join("; ", outcome.Diagnostics));
        var f = outcome.Manifest.Functions.Single();
        Assert.AreEqual("fn", f.Name);
        Assert.AreEqual("Fixture.Functions::Handle", f.Method);
        Assert.AreEqual("Fixture", f.Handler);
        Assert.AreEqual(1024, f.MemorySize);
        Assert.AreEqual(60, f.Timeout);
        Assert.AreEqual("arn:aws:iam::123456789012:role/r", f.Role);
        Assert.AreEqual("does things", f.Description);
        Assert.AreEqual("live", f.Alias);
        Assert.AreEqual("dotnet10", f.Runtime);
        Assert.AreEqual("arm64", f.Architecture);
        Assert.AreEqual(2048, f.EphemeralStorage);
        Assert.AreEqual(5, f.ReservedConcurrency);
        CollectionAssert.AreEqual(new Dictionary<string, string> { ["STAGE"] = "prod", ["GREETING"] = "héllo" }, f.Environment.ToDictionary());
        CollectionAssert.AreEqual(new Dictionary<string, string> { ["team"] = "data" }, f.Tags.ToDictionary());
        Assert.AreEqual(FixtureScan.LinesOf(source, "[LambadaFunction").Single(), f.Source!.Line);
        Assert.AreEqual(5, f.Source.Column, "the column of '[' in the attribute");
    }

    [TestMethod]
    public void Unset_values_take_the_built_in_defaults_and_the_method_name()
    {
        var outcome = FixtureScan.Run(FixtureScan.ClassWith("[LambadaFunction] public void Ping() { }"));

        var f = outcome.Manifest.Functions.Single();
        Assert.AreEqual("Ping", f.Name);
        Assert.AreEqual(512, f.MemorySize);
        Assert.AreEqual(30, f.Timeout);
        Assert.AreEqual("lambda_basic_execution", f.Role);
        Assert.AreEqual("", f.Description);
        Assert.AreEqual("dotnet10", f.Runtime);
        Assert.AreEqual("x86_64", f.Architecture);
        Assert.AreEqual(512, f.EphemeralStorage);
        Assert.IsNull(f.ReservedConcurrency);
        Assert.IsNull(f.Alias);
    }

    [TestMethod]
    public void Defaults_layer_function_over_msbuild_over_assembly_attribute_over_built_in()
    {
        var source = FixtureScan.ClassWith("""
                [LambadaFunction] public void UsesDefaults() { }
                [LambadaFunction(MemorySize = 2048, Role = "own_role", Architecture = LambadaArchitecture.X86_64)] public void Overrides() { }
            """).Replace("namespace Fixture;", """
            [assembly: LambadaDefaults(MemorySize = 256, Timeout = 20, Role = "assembly_role", Architecture = LambadaArchitecture.Arm64, EphemeralStorage = 1024)]
            namespace Fixture;
            """);

        var outcome = FixtureScan.Run(source, new ProjectOptions { DefaultTimeout = 45 });

        var byName = outcome.Manifest.Functions.ToDictionary(f => f.Name);
        var d = byName["UsesDefaults"];
        Assert.AreEqual((256, 45, "assembly_role", "arm64", 1024), (d.MemorySize, d.Timeout, d.Role, d.Architecture, d.EphemeralStorage));
        var o = byName["Overrides"];
        Assert.AreEqual((2048, 45, "own_role", "x86_64"), (o.MemorySize, o.Timeout, o.Role, o.Architecture));
    }

    [TestMethod]
    public void Nested_types_are_named_as_reflection_names_them()
    {
        var outcome = FixtureScan.Run(FixtureScan.ClassWith("public class Inner { [LambadaFunction] public void A() { } }"));

        Assert.AreEqual("Fixture.Functions+Inner::A", outcome.Manifest.Functions.Single().Method);
    }

    [TestMethod]
    public void Async_methods_are_located_at_their_attribute_through_the_state_machine()
    {
        var source = FixtureScan.ClassWith("""
                public void Other() { }

                [LambadaFunction(Name = "async_fn")]
                public async Task<int> A(int x)
                {
                    await Task.Yield();
                    return x;
                }
            """);

        var f = FixtureScan.Run(source).Manifest.Functions.Single();

        Assert.AreEqual(FixtureScan.LinesOf(source, "[LambadaFunction").Single(), f.Source!.Line);
    }

    [TestMethod]
    public void Without_a_pdb_functions_are_still_found_without_a_location()
    {
        using var dir = new TempDirectory("nopdb");
        var dll = CSharpCompiler.Compile(dir.Path, "Fixture", new Dictionary<string, string>
        {
            ["Functions.cs"] = FixtureScan.ClassWith("[LambadaFunction(MemorySize = 1)] public void A() { }"),
        }, emitPdb: false);

        var outcome = Build.FunctionScan.Run(dll, dir.File("functions.json"), ScanOptions.Default, ProjectOptions.None);

        var diagnostic = outcome.Diagnostics.Single();
        Assert.AreEqual("LMB0103", diagnostic.Code);
        Assert.IsNull(diagnostic.Location);
        StringAssert.StartsWith(diagnostic.ToString(), "error LMB0103: A: MemorySize 1 MB");
    }

    [TestMethod]
    public void A_stale_pdb_is_ignored_rather_than_trusted()
    {
        using var dir = new TempDirectory("stalepdb");
        var v1 = FixtureScan.ClassWith("[LambadaFunction] public void A() { }");
        var dll = CSharpCompiler.Compile(dir.Path, "Fixture", new Dictionary<string, string> { ["Functions.cs"] = v1 });
        var stalePdb = File.ReadAllBytes(Path.ChangeExtension(dll, ".pdb"));
        CSharpCompiler.Compile(dir.Path, "Fixture", new Dictionary<string, string> { ["Functions.cs"] = "\n\n\n" + v1.Replace("A()", "B()") });
        File.WriteAllBytes(Path.ChangeExtension(dll, ".pdb"), stalePdb);

        var outcome = Build.FunctionScan.Run(dll, dir.File("functions.json"), ScanOptions.Default, ProjectOptions.None);

        Assert.AreEqual("B", outcome.Manifest.Functions.Single().Name);
        Assert.IsNull(outcome.Manifest.Functions.Single().Source);
    }

    [TestMethod]
    public void The_scan_leaves_no_file_open_so_the_build_can_overwrite_the_dll_at_once()
    {
        using var dir = new TempDirectory("nolock");
        var dll = CSharpCompiler.Compile(dir.Path, "Fixture", new Dictionary<string, string>
        {
            ["Functions.cs"] = FixtureScan.ClassWith("[LambadaFunction(Architecture = LambadaArchitecture.Arm64)] public void A() { }"),
        });
        var pdb = Path.ChangeExtension(dll, ".pdb");
        var attributes = dir.File("Lambada.Attributes.dll");

        var outcome = Build.FunctionScan.Run(dll, dir.File("functions.json"), ScanOptions.Default, ProjectOptions.None);

        Assert.AreEqual("arm64", outcome.Manifest.Functions.Single().Architecture, "the enum was resolved through Lambada.Attributes.dll");
        var open = OpenFiles().Where(f => f == dll || f == pdb || f == attributes).ToArray();
        Assert.AreEqual(0, open.Length, "still open: " + string.Join(", ", open));
        File.WriteAllBytes(dll, [1, 2, 3]);
        File.WriteAllBytes(pdb, [1, 2, 3]);
        File.Delete(attributes);
    }

    // Linux never refuses to overwrite an open file, so look at this process's descriptors instead.
    private static IEnumerable<string> OpenFiles() =>
        new DirectoryInfo("/proc/self/fd").EnumerateFileSystemInfos()
            .Select(fd => { try { return fd.LinkTarget; } catch (IOException) { return null; } })
            .OfType<string>();
}
