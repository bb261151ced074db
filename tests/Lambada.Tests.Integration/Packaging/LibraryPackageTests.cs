using Lambada.Testing;

namespace Lambada.Tests.Packaging;

/// <summary>
/// A class library with a function, packaged for real with <c>dotnet build -t:LambadaPackage</c>: published as
/// an executable for linux-x64, framework-dependent, into a deterministic zip.
/// </summary>
[TestClass]
public sealed class LibraryPackageTests
{
    private static TempDirectory? _helper;
    private static FixtureProject? _project;
    private static ProcessResult _plainBuild = new(-1, "");
    private static ProcessResult _package = new(-1, "");

    private static FixtureProject Project => _project!;

    [ClassInitialize]
    public static void Package(TestContext _)
    {
        // A referenced library must stay a library in the publish; only the packaged project becomes an executable and
        // gets the generated binding, even when the library uses Lambada too.
        _helper = new TempDirectory("helper");
        File.WriteAllText(_helper.File("Helper.csproj"), $"""
            <Project Sdk="Microsoft.NET.Sdk">
              <PropertyGroup>
                <TargetFramework>net10.0</TargetFramework>
                <LambadaTaskAssembly>{RepoPaths.TaskAssembly}</LambadaTaskAssembly>
                <LambadaTaskHost>true</LambadaTaskHost>
              </PropertyGroup>
              <Import Project="{RepoPaths.BuildProps}" />
              <Import Project="{RepoPaths.BuildTargets}" />
            </Project>
            """);
        File.WriteAllText(_helper.File("Greeting.cs"), "namespace Helper; public static class Greeting { public static string For(string name) => \"hello \" + name; }");
        _project = new FixtureProject("PackagedLib", new Dictionary<string, string>
        {
            ["Functions.cs"] = """
                using Lambada;

                namespace PackagedLib;

                public static class Functions
                {
                    [LambadaFunction(Name = "greet")] public static string Greet(string name) => Helper.Greeting.For(name);

                    // Summary is in no signature, so the generated JSON context does not know it: reflection writes it.
                    [LambadaFunction(Name = "summarize")] public static object Summarize(List<string> names) => new Summary(names.Count, names.FirstOrDefault());
                }

                public sealed record Summary(int Count, string? First);
                """,
        }, $"""
          </PropertyGroup>
          <ItemGroup>
            <ProjectReference Include="{_helper.File("Helper.csproj")}" />
          </ItemGroup>
          <PropertyGroup>
          """);
        _plainBuild = Project.Build();
        _package = Project.Build("-t:LambadaPackage");
    }

    [ClassCleanup]
    public static void CleanUp()
    {
        _project?.Dispose();
        _helper?.Dispose();
    }

    [TestMethod]
    public void A_plain_build_does_not_package()
    {
        Assert.AreEqual(0, _plainBuild.ExitCode, _plainBuild.ToString());
        Assert.IsFalse(_plainBuild.Output.Contains("CodeSha256", StringComparison.Ordinal), _plainBuild.Output);
    }

    [TestMethod]
    public void The_library_is_published_as_an_executable()
    {
        Assert.AreEqual(0, _package.ExitCode, _package.ToString());
        var names = PythonZip.Entries(PackagePaths.Zip(Project)).Select(e => e.Name).ToArray();

        CollectionAssert.IsSubsetOf(
            new[] { "PackagedLib.dll", "PackagedLib.deps.json", "PackagedLib.runtimeconfig.json", "Lambada.Runtime.dll", "Lambada.Attributes.dll", "Helper.dll" },
            names);
        Assert.IsFalse(names.Any(n => n.StartsWith("obj/", StringComparison.Ordinal) || n.Contains("/obj/", StringComparison.Ordinal)), string.Join(", ", names));
        Assert.IsFalse(names.Contains("bootstrap"));
        Assert.IsFalse(names.Contains("PackagedLib") || names.Contains("Helper"), "dotnet10 starts the dll: no apphost");
        CollectionAssert.AreEqual(names.Order(StringComparer.Ordinal).ToArray(), names);
    }

    [TestMethod]
    public void Entry_modes_and_timestamps_read_back_right_with_Python()
    {
        Assert.AreEqual(0, _package.ExitCode, _package.ToString());
        var entries = PythonZip.Entries(PackagePaths.Zip(Project));

        foreach (var entry in entries)
        {
            Assert.AreEqual(PackagePaths.Regular, entry.Mode, $"{entry.Name}: {Convert.ToString(entry.Mode, 8)}");
            Assert.AreEqual(PackagePaths.RegularFileType, entry.FileType, entry.Name);
            Assert.AreEqual(PackagePaths.Unix, entry.CreateSystem, entry.Name);
            CollectionAssert.AreEqual(new[] { 1980, 1, 1, 0, 0, 0 }, entry.DateTime, entry.Name);
        }
    }

    [TestMethod]
    public void The_recorded_CodeSha256_is_base64_of_the_SHA256_of_the_zip()
    {
        Assert.AreEqual(0, _package.ExitCode, _package.ToString());

        var recorded = File.ReadAllText(PackagePaths.Hash(Project));

        Assert.AreEqual(PythonZip.CodeSha256(PackagePaths.Zip(Project)), recorded);
        StringAssert.Contains(_package.Output, recorded);
    }

    [TestMethod]
    public void Two_packages_of_one_build_are_byte_identical()
    {
        Assert.AreEqual(0, _package.ExitCode, _package.ToString());
        var zip = PackagePaths.Zip(Project);
        var first = File.ReadAllBytes(zip);
        File.Delete(zip);

        var again = Project.Build("-t:LambadaPackage");

        Assert.AreEqual(0, again.ExitCode, again.ToString());
        CollectionAssert.AreEqual(first, File.ReadAllBytes(zip));
    }

    [TestMethod]
    public void An_unchanged_project_is_not_packaged_again()
    {
        Assert.AreEqual(0, _package.ExitCode, _package.ToString());
        var written = File.GetLastWriteTimeUtc(PackagePaths.Zip(Project));

        var again = Project.Build("-t:LambadaPackage", "-v:n");

        Assert.AreEqual(0, again.ExitCode, again.ToString());
        StringAssert.Contains(again.Output, "Skipping target \"_LambadaPublishAndZip\"");
        Assert.AreEqual(written, File.GetLastWriteTimeUtc(PackagePaths.Zip(Project)));
    }

    [TestMethod]
    public void LambadaPlan_packages_after_build_also_when_the_package_target_is_asked_for()
    {
        Assert.AreEqual(0, _package.ExitCode, _package.ToString());
        using var aws = new Lambada.Tests.Deployment.DeployFixture();

        var afterBuild = Project.Build(aws.BuildEnvironment, "-p:LambadaPlan=true", "-v:n");
        var both = Project.Build(aws.BuildEnvironment, "-t:LambadaPackage", "-p:LambadaPlan=true");

        Assert.AreEqual(0, afterBuild.ExitCode, afterBuild.ToString());
        StringAssert.Contains(afterBuild.Output, "Skipping target \"_LambadaPublishAndZip\"");
        StringAssert.Contains(afterBuild.Output, "Lambada: plan done");
        Assert.AreEqual(0, both.ExitCode, both.ToString());
    }

    [TestMethod]
    public void LMB0308_a_plan_without_a_region_says_what_to_set_and_changes_nothing()
    {
        Assert.AreEqual(0, _package.ExitCode, _package.ToString());
        var nowhere = new Dictionary<string, string?>
        {
            ["AWS_REGION"] = null,
            ["AWS_DEFAULT_REGION"] = null,
            ["AWS_PROFILE"] = null,
            ["AWS_ACCESS_KEY_ID"] = "AKIDEXAMPLE",
            ["AWS_SECRET_ACCESS_KEY"] = "not-used",
            ["AWS_CONFIG_FILE"] = "/nonexistent/lambada-tests/config",
            ["AWS_SHARED_CREDENTIALS_FILE"] = "/nonexistent/lambada-tests/credentials",
            ["AWS_EC2_METADATA_DISABLED"] = "true",
        };

        var plan = Project.Build(nowhere, "-p:LambadaPlan=true");

        Assert.AreNotEqual(0, plan.ExitCode, plan.ToString());
        StringAssert.Contains(plan.Output, "error LMB0308: PackagedLib: No AWS region is set.");
        // Located at the project, where the property goes, not in Lambada's targets inside the NuGet cache.
        var error = plan.Output.Split('\n').First(l => l.Contains("error LMB0308", StringComparison.Ordinal)).Trim();
        StringAssert.StartsWith(error, Project.ProjectFile + " : error LMB0308");
        StringAssert.Contains(plan.Output, "Nothing was changed.");
    }

    [TestMethod]
    public void The_extracted_package_runs_the_function_through_the_generated_Main()
    {
        Assert.AreEqual(0, _package.ExitCode, _package.ToString());
        using var extracted = new TempDirectory("extracted");
        PythonZip.Extract(PackagePaths.Zip(Project), extracted.Path);

        var result = ProcessRunner.Run("dotnet", [extracted.File("PackagedLib.dll"), "greet", "\"bob\""]);

        Assert.AreEqual(0, result.ExitCode, result.ToString());
        Assert.AreEqual("\"hello bob\"", result.Output.Trim());
    }

    [TestMethod]
    public void The_packaged_assembly_has_the_generated_binding_and_reflection_still_writes_what_it_does_not_know()
    {
        Assert.AreEqual(0, _package.ExitCode, _package.ToString());
        using var extracted = new TempDirectory("extracted");
        PythonZip.Extract(PackagePaths.Zip(Project), extracted.Path);

        CollectionAssert.IsSubsetOf(new[] { "LambadaGeneratedBinding", "LambadaGeneratedJson" }, TypeNames(extracted.File("PackagedLib.dll")));
        CollectionAssert.DoesNotContain(TypeNames(Path.Combine(Project.Directory, "bin", "Debug", "net10.0", "PackagedLib.dll")), "LambadaGeneratedBinding",
            "the project's own build is compiled without the binding");
        CollectionAssert.DoesNotContain(TypeNames(extracted.File("Helper.dll")), "LambadaGeneratedBinding",
            "a referenced library that uses Lambada too is compiled without the packaged project's binding");

        var result = ProcessRunner.Run("dotnet", [extracted.File("PackagedLib.dll"), "summarize", """["ann","bob"]"""]);

        Assert.AreEqual(0, result.ExitCode, result.ToString());
        Assert.AreEqual("""{"Count":2,"First":"ann"}""", result.Output.Trim());
    }

    private static string[] TypeNames(string assembly)
    {
        using var pe = new System.Reflection.PortableExecutable.PEReader(File.OpenRead(assembly));
        var metadata = System.Reflection.Metadata.PEReaderExtensions.GetMetadataReader(pe);
        return metadata.TypeDefinitions.Select(t => metadata.GetString(metadata.GetTypeDefinition(t).Name)).ToArray();
    }
}
