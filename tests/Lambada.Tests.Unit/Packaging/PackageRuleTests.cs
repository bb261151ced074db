using Lambada.Testing;

namespace Lambada.Tests.Packaging;

/// <summary>The rules that make one package possible for all functions of an assembly.</summary>
[TestClass]
public sealed class PackageRuleTests
{
    [TestMethod]
    public void Functions_on_different_architectures_are_reported()
    {
        var source = FixtureScan.ClassWith("""
                [LambadaFunction(Name = "intel", Architecture = LambadaArchitecture.X86_64)] public void A() { }

                [LambadaFunction(Name = "graviton", Architecture = LambadaArchitecture.Arm64)] public void B() { }
            """);
        var outcome = FixtureScan.Run(source);

        var diagnostic = outcome.Diagnostics.Single();
        Assert.AreEqual("LMB0201", diagnostic.Code);
        Assert.AreEqual(FixtureScan.LinesOf(source, "graviton").Single(), diagnostic.Location!.Line);
        StringAssert.Contains(diagnostic.Message, "intel");
    }

    [TestMethod]
    public void Functions_that_agree_on_architecture_pass()
    {
        var source = FixtureScan.ClassWith("""
                [LambadaFunction(Name = "one", Architecture = LambadaArchitecture.Arm64)] public void A() { }
                [LambadaFunction(Name = "two", Architecture = LambadaArchitecture.Arm64)] public void B() { }
            """);

        Assert.IsTrue(FixtureScan.Run(source).Succeeded);
    }

    [TestMethod]
    public void A_managed_and_a_provided_function_in_one_assembly_are_reported()
    {
        var source = FixtureScan.ClassWith("""
                [LambadaFunction(Name = "managed")] public void A() { }

                [LambadaFunction(Name = "provided", Runtime = LambadaRuntime.ProvidedAl2023)] public void B() { }
            """);
        var outcome = FixtureScan.Run(source);

        var diagnostic = outcome.Diagnostics.Single();
        Assert.AreEqual("LMB0204", diagnostic.Code);
        Assert.AreEqual(FixtureScan.LinesOf(source, "\"provided\"").Single(), diagnostic.Location!.Line);
    }
}
