using Lambada.Testing;

namespace Lambada.Tests.Consumer;

/// <summary>
/// Another task in the same build, loaded into the same MSBuild process first, with an older Mono.Cecil and AWSSDK.Core: MSBuild gives
/// each task assembly its own load context (resolving from the task's own folder), so neither breaks the other.
/// </summary>
[TestClass]
public sealed class TaskIsolationTests
{
    private const string RivalCecil = "0.11.3";
    private const string RivalSdk = "3.7.402";

    [TestMethod]
    public void A_task_with_another_Mono_Cecil_and_AWSSDK_Core_in_the_same_build_process_does_not_break_Lambada()
    {
        using var rival = new TempDirectory("rival-task");
        File.WriteAllText(Path.Combine(rival.Path, "RivalTask.csproj"), $"""
            <Project Sdk="Microsoft.NET.Sdk">
              <PropertyGroup>
                <TargetFramework>net8.0</TargetFramework>
                <CopyLocalLockFileAssemblies>true</CopyLocalLockFileAssemblies>
                <ManagePackageVersionsCentrally>false</ManagePackageVersionsCentrally>
              </PropertyGroup>
              <ItemGroup>
                <PackageReference Include="Mono.Cecil" Version="{RivalCecil}" />
                <PackageReference Include="AWSSDK.Core" Version="{RivalSdk}" />
                <PackageReference Include="Microsoft.Build.Utilities.Core" Version="17.11.48" ExcludeAssets="runtime" />
              </ItemGroup>
            </Project>
            """);
        File.WriteAllText(Path.Combine(rival.Path, "RivalTask.cs"), """
            public sealed class RivalTask : Microsoft.Build.Utilities.Task
            {
                [Microsoft.Build.Framework.Required] public string AssemblyPath { get; set; } = "";

                public override bool Execute()
                {
                    using var module = Mono.Cecil.ModuleDefinition.ReadModule(AssemblyPath);
                    var cecil = typeof(Mono.Cecil.ModuleDefinition).Assembly;
                    Log.LogMessage(Microsoft.Build.Framework.MessageImportance.High,
                        $"rival: Mono.Cecil {cecil.GetName().Version} from {cecil.Location} read {module.Types.Count} types");
                    var credentials = new Amazon.Runtime.BasicAWSCredentials("rival", "rival");
                    var sdk = credentials.GetType().Assembly;
                    Log.LogMessage(Microsoft.Build.Framework.MessageImportance.High, $"rival: AWSSDK.Core {sdk.GetName().Version} from {sdk.Location}");
                    return true;
                }
            }
            """);
        var rivalBuild = ProcessRunner.Run("dotnet", ["build", Path.Combine(rival.Path, "RivalTask.csproj"), "-c", "Release", "-o", Path.Combine(rival.Path, "out"), "-nodeReuse:false"],
            environment: new Dictionary<string, string?> { ["MSBUILDDISABLENODEREUSE"] = "1" });
        Assert.AreEqual(0, rivalBuild.ExitCode, rivalBuild.ToString());

        // LambadaTaskHost=false: Lambada's task loads into the same MSBuild process as the rival's, which runs first.
        using var project = new FixtureProject("isolated", new Dictionary<string, string>
        {
            ["Functions.cs"] = """
                using Lambada;
                namespace Isolated;
                public class Functions
                {
                    [LambadaFunction(Name = "isolated_fn")]
                    public string Echo(string input) => input;
                }
                """,
        }, $"""
            <LambadaTaskHost>false</LambadaTaskHost>
          </PropertyGroup>
          <UsingTask TaskName="RivalTask" AssemblyFile="{Path.Combine(rival.Path, "out", "RivalTask.dll")}" />
          <Target Name="RunRival" AfterTargets="CoreCompile" BeforeTargets="LambadaScan">
            <RivalTask AssemblyPath="@(IntermediateAssembly->'%(FullPath)')" />
          </Target>
          <PropertyGroup>
          """);

        using var aws = new Lambada.Tests.Deployment.DeployFixture();

        var build = project.Build(aws.BuildEnvironment, "-v:diag", "-p:LambadaPlan=true");

        Assert.AreEqual(0, build.ExitCode, build.ToString());
        var rivalLine = build.Output.Split('\n').First(l => l.Contains("rival: Mono.Cecil", StringComparison.Ordinal));
        StringAssert.Contains(rivalLine, $"rival: Mono.Cecil {RivalCecil}.0 from {Path.Combine(rival.Path, "out")}");
        var lambadaLine = build.Output.Split('\n').First(l => l.Contains("Lambada: Mono.Cecil", StringComparison.Ordinal));
        StringAssert.Contains(lambadaLine, $"Lambada: Mono.Cecil 0.11.6.0 from {Path.GetDirectoryName(RepoPaths.TaskAssembly)}");
        Assert.IsTrue(File.Exists(project.ManifestPath), "Lambada's scan still wrote the manifest");
        var rivalSdk = build.Output.Split('\n').First(l => l.Contains("rival: AWSSDK.Core", StringComparison.Ordinal));
        StringAssert.Contains(rivalSdk, $"rival: AWSSDK.Core 3.3.0.0 from {Path.Combine(rival.Path, "out")}");
        var lambadaSdk = build.Output.Split('\n').First(l => l.Contains("Lambada: AWSSDK.Core", StringComparison.Ordinal));
        StringAssert.Contains(lambadaSdk, $"Lambada: AWSSDK.Core 4.0.0.0 from {Path.GetDirectoryName(RepoPaths.TaskAssembly)}");
        StringAssert.Contains(build.Output, "Lambada: plan done: 1 planned");
    }
}
