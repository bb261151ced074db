using System.Reflection;
using Lambada.Build.Model;
using Lambada.Runtime;
using NetArchTest.Rules;

namespace Lambada.Tests.Architecture;

/// <summary>
/// The layers of Lambada.Build (docs/architecture.md): Diagnostics and Model at the bottom, the stages in pipeline order above
/// them, Aws on its own, the three entry points on top, and the MSBuild tasks over those. A dependency that points up fails here.
/// </summary>
[TestClass]
public sealed class ArchitectureTests
{
    private const string Root = "Lambada.Build";
    private static readonly Assembly Build = typeof(FunctionModel).Assembly;

    /// <summary>The stages in pipeline order: each may use the ones before it (and the bottom layer), never one after it.</summary>
    private static readonly string[] Stages = ["Scanning", "Manifest", "Validation", "Binding", "Packaging", "Deployment"];

    private static readonly string[] EntryPoints = [$"{Root}.FunctionScan", $"{Root}.FunctionPackage", $"{Root}.FunctionDeploy"];

    [TestMethod]
    public void DiagnosticsDependOnNothingOfLambadas() =>
        AssertNoDependency("Diagnostics", Others("Diagnostics"));

    [TestMethod]
    public void ModelDependsOnlyOnDiagnostics() =>
        AssertNoDependency("Model", Others("Model", "Diagnostics"));

    [TestMethod]
    public void AwsDependsOnNothingOfLambadas() =>
        AssertNoDependency("Aws", Others("Aws"));

    [TestMethod]
    public void EachStageDependsOnlyOnTheStagesBeforeIt()
    {
        for (var i = 0; i < Stages.Length; i++)
        {
            var later = Stages.Skip(i + 1).Select(s => $"{Root}.{s}");
            var aws = Stages[i] == "Deployment" ? [] : new[] { $"{Root}.Aws" };
            AssertNoDependency(Stages[i], [.. later, .. aws, $"{Root}.Tasks", .. EntryPoints]);
        }
    }

    [TestMethod]
    public void TasksCallOnlyTheEntryPoints() =>
        AssertNoDependency("Tasks", [.. Stages.Where(s => s != "Deployment").Select(s => $"{Root}.{s}"), $"{Root}.Aws"]);

    [TestMethod]
    public void OnlyTasksReferenceMSBuild()
    {
        var result = Types.InAssembly(Build).That().DoNotResideInNamespace($"{Root}.Tasks")
            .ShouldNot().HaveDependencyOn("Microsoft.Build").GetResult();
        Assert.IsTrue(result.IsSuccessful, "These types use MSBuild outside Tasks/: " + Failing(result));
    }

    /// <summary>A task assembly's surface is its tasks: everything else is internal, so nobody builds on the engine's insides.</summary>
    [TestMethod]
    public void OnlyTheTasksArePublic()
    {
        var result = Types.InAssembly(Build).That().ArePublic().And().AreNotNested().Should().ResideInNamespace($"{Root}.Tasks").And().HaveNameEndingWith("Functions").GetResult();
        Assert.IsTrue(result.IsSuccessful, "Public outside the tasks: " + Failing(result));
    }

    [TestMethod]
    public void TheRuntimeNeverReferencesTheBuild()
    {
        var references = typeof(LambadaHost).Assembly.GetReferencedAssemblies().Select(a => a.Name).ToList();
        CollectionAssert.DoesNotContain(references, Build.GetName().Name);
    }

    /// <summary>Attribute names come from Lambada.Attributes at compile time only: the task must never load the user's copy of it.</summary>
    [TestMethod]
    public void TheBuildCompilesAgainstTheAttributesWithoutReferencingThem()
    {
        var references = Build.GetReferencedAssemblies().Select(a => a.Name).ToList();
        CollectionAssert.DoesNotContain(references, typeof(LambadaFunctionAttribute).Assembly.GetName().Name);
    }

    private static string[] Others(params string[] allowed) =>
        [.. Stages.Concat(["Diagnostics", "Model", "Aws", "Tasks"]).Except(allowed).Select(s => $"{Root}.{s}"), .. EntryPoints];

    private static void AssertNoDependency(string layer, string[] forbidden)
    {
        var result = Types.InAssembly(Build).That().ResideInNamespace($"{Root}.{layer}")
            .ShouldNot().HaveDependencyOnAny(forbidden).GetResult();
        Assert.IsTrue(result.IsSuccessful, $"{Root}.{layer} must not depend on {string.Join(", ", forbidden)}; these types do: {Failing(result)}");
    }

    private static string Failing(NetArchTest.Rules.TestResult result) => string.Join(", ", result.FailingTypeNames ?? []);
}
