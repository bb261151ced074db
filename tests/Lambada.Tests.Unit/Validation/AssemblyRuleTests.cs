using Lambada.Build.Model;
using Lambada.Testing;

namespace Lambada.Tests.Validation;

/// <summary>Rules that look at several functions, the project or the assembly as a whole.</summary>
[TestClass]
public sealed class AssemblyRuleTests
{
    [TestMethod]
    public void Duplicate_names_are_reported_at_both_attributes()
    {
        var source = FixtureScan.ClassWith("""
                [LambadaFunction(Name = "same")] public void A() { }

                [LambadaFunction(Name = "same")] public void B() { }
            """);
        var outcome = FixtureScan.Run(source);

        var duplicates = outcome.Diagnostics.Where(d => d.Code == "LMB0102").ToArray();
        CollectionAssert.AreEquivalent(FixtureScan.LinesOf(source, "[LambadaFunction"), duplicates.Select(d => d.Location!.Line).ToArray());
        StringAssert.Contains(duplicates[0].Message, "Fixture.Functions::B");
        StringAssert.Contains(duplicates[1].Message, "Fixture.Functions::A");
        Assert.AreEqual(2, outcome.Diagnostics.Count);
    }

    [TestMethod]
    public void Overloaded_handlers_are_reported_at_both_attributes()
    {
        var source = FixtureScan.ClassWith("""
                [LambadaFunction(Name = "first")] public void Handle(string input) { }

                [LambadaFunction(Name = "second")] public void Handle(int input) { }
            """);
        var outcome = FixtureScan.Run(source);

        CollectionAssert.AreEquivalent(new[] { "LMB0149", "LMB0149" }, outcome.Diagnostics.Select(d => d.Code).ToArray());
        CollectionAssert.AreEquivalent(FixtureScan.LinesOf(source, "[LambadaFunction"), outcome.Diagnostics.Select(d => d.Location!.Line).ToArray());
    }

    [TestMethod]
    public void A_framework_without_a_Lambda_runtime_is_reported()
    {
        var source = FixtureScan.ClassWith("[LambadaFunction] public void A() { }");
        var outcome = FixtureScan.Run(source, targetFramework: ".NETCoreApp,Version=v9.0");

        Assert.AreEqual("LMB0160", outcome.Diagnostics.Single().Code);
        StringAssert.Contains(outcome.Diagnostics.Single().Message, "net9.0");
    }

    [TestMethod]
    public void A_self_contained_project_runs_any_framework_on_provided_al2023()
    {
        var source = FixtureScan.ClassWith("[LambadaFunction] public void A() { }");
        var outcome = FixtureScan.Run(source, new ProjectOptions { SelfContained = true }, targetFramework: ".NETCoreApp,Version=v9.0");

        Assert.IsTrue(outcome.Succeeded, string.Join("; ", outcome.Diagnostics));
        Assert.AreEqual("provided.al2023", outcome.Manifest.Functions.Single().Runtime);
        Assert.AreEqual("bootstrap", outcome.Manifest.Functions.Single().Handler);
    }

    [TestMethod]
    public void An_invalid_project_default_is_reported_against_every_function_that_uses_it()
    {
        var source = FixtureScan.ClassWith("""
                [LambadaFunction] public void A() { }
                [LambadaFunction(MemorySize = 1024)] public void B() { }
            """);
        var outcome = FixtureScan.Run(source, new ProjectOptions { DefaultMemorySize = 64 });

        var memory = outcome.Diagnostics.Single();
        Assert.AreEqual("LMB0103", memory.Code);
        StringAssert.StartsWith(memory.Message, "A: MemorySize 64 MB");
    }

    [TestMethod]
    public void Every_problem_of_one_build_is_reported_at_once()
    {
        var source = FixtureScan.ClassWith("""
                [LambadaFunction(Name = "bad name", MemorySize = 1, Timeout = 1000)]
                [LambadaEnvironment("AWS_REGION", "x")]
                internal void A(ref int x) { }
            """);
        var outcome = FixtureScan.Run(source);

        CollectionAssert.AreEquivalent(
            new[] { "LMB0101", "LMB0103", "LMB0104", "LMB0111", "LMB0140", "LMB0144" },
            outcome.Diagnostics.Select(d => d.Code).ToArray());
    }

    [TestMethod]
    public void A_file_that_is_not_an_assembly_is_reported()
    {
        using var dir = new TempDirectory("unreadable");
        File.WriteAllText(dir.File("Broken.dll"), "not a PE file");

        var outcome = Build.FunctionScan.Run(dir.File("Broken.dll"), dir.File("functions.json"), ScanOptions.Default, ProjectOptions.None);

        Assert.AreEqual("LMB0002", outcome.Diagnostics.Single().Code);
        Assert.IsFalse(File.Exists(dir.File("functions.json")));
    }

    [TestMethod]
    public void An_attribute_whose_enum_cannot_be_resolved_is_an_error_not_a_silently_empty_attribute()
    {
        using var dir = new TempDirectory("unresolved");
        var source = FixtureScan.ClassWith("[LambadaFunction(Name = \"x\", Architecture = LambadaArchitecture.Arm64)] public void A() { }");
        var dll = CSharpCompiler.Compile(dir.Path, "Fixture", new Dictionary<string, string> { ["Functions.cs"] = source });
        File.Delete(dir.File("Lambada.Attributes.dll"));

        var outcome = Build.FunctionScan.Run(dll, dir.File("functions.json"), ScanOptions.Default, ProjectOptions.None);

        var diagnostic = outcome.Diagnostics.Single();
        Assert.AreEqual("LMB0003", diagnostic.Code);
        Assert.AreEqual(FixtureScan.LinesOf(source, "[LambadaFunction").Single(), diagnostic.Location!.Line);
    }
}
