using System.IO.Compression;
using System.Text.Json;
using System.Xml.Linq;
using Lambada.Testing;

namespace Lambada.Tests.Packaging;

/// <summary>
/// The sample's code packaged as the sample is. A copy in a temp folder, because the sample's own obj/ is shared
/// with other tests running at the same time and packaging restores for linux-x64.
/// </summary>
[TestClass]
public sealed class SamplePackageTests
{
    private static FixtureProject? _project;
    private static ProcessResult _package = new(-1, "");

    private static FixtureProject Project => _project!;

    [ClassInitialize]
    public static void Package(TestContext _)
    {
        var sample = Path.Combine(RepoPaths.Root, "samples", "LambdaShell");
        var sources = Directory.EnumerateFiles(sample, "*.cs").ToDictionary(f => Path.GetFileName(f), File.ReadAllText);
        // FixtureProject takes properties only; the sample's package reference closes and reopens the group.
        _project = new FixtureProject("LambdaShell", sources, $"""
            <OutputType>Exe</OutputType>
            <RootNamespace>LambdaShell</RootNamespace>
          </PropertyGroup>
          <ItemGroup>
            <PackageReference Include="AWSSDK.S3" Version="{CentralVersion("AWSSDK.S3")}" />
          </ItemGroup>
          <PropertyGroup>
          """);
        _package = Project.Build("-t:LambadaPackage");
    }

    [ClassCleanup]
    public static void CleanUp() => _project?.Dispose();

    [TestMethod]
    public void The_sample_package_holds_the_publish_output_and_nothing_else()
    {
        Assert.AreEqual(0, _package.ExitCode, _package.ToString());
        var zip = PackagePaths.Zip(Project);
        var entries = PythonZip.Entries(zip);
        var names = entries.Select(e => e.Name).ToArray();

        CollectionAssert.IsSubsetOf(
            new[] { "LambdaShell.dll", "LambdaShell.runtimeconfig.json", "LambdaShell.deps.json", "Lambada.Runtime.dll", "AWSSDK.S3.dll" },
            names);
        Assert.IsFalse(names.Any(n => n.Contains("obj/", StringComparison.Ordinal) || n.EndsWith("secrets.json", StringComparison.Ordinal)), string.Join(", ", names));
        Assert.IsFalse(names.Contains("LambdaShell"), "dotnet10 starts the dll: no apphost");
        var publish = Path.Combine(Path.GetDirectoryName(zip)!, "publish");
        CollectionAssert.AreEquivalent(
            Directory.EnumerateFiles(publish, "*", SearchOption.AllDirectories).Select(f => Path.GetRelativePath(publish, f).Replace('\\', '/')).ToArray(),
            names);

        Console.WriteLine($"sample package: {new FileInfo(zip).Length} bytes, {entries.Count} entries, CodeSha256 {File.ReadAllText(PackagePaths.Hash(Project))}");
    }

    [TestMethod]
    public void The_sample_CodeSha256_matches_Python_hashlib()
    {
        Assert.AreEqual(0, _package.ExitCode, _package.ToString());

        Assert.AreEqual(PythonZip.CodeSha256(PackagePaths.Zip(Project)), File.ReadAllText(PackagePaths.Hash(Project)));
    }

    // The package Lambada built, served by @vercel/fun — a Runtime API implementation we did not write. fun runs
    // runtime "provided" only, so a copy of the dotnet10 package gets a bootstrap that starts the dll.
    [TestMethod]
    public void The_packaged_lb_runCommand_answers_echo_and_uname_through_vercel_fun()
    {
        var result = VercelFun.Invoke(PackageWithBootstrap(), "[\"echo hello\", \"uname -s\"]", FunctionVariables());

        Assert.AreEqual(200, result.StatusCode);
        Assert.IsNull(result.FunctionError, result.Payload);
        var lines = JsonSerializer.Deserialize<Dictionary<string, string[]>>(result.Payload)!;
        CollectionAssert.AreEqual(new[] { "echo hello", "uname -s" }, lines.Keys.ToArray());
        CollectionAssert.AreEqual(new[] { "+ echo hello", "hello" }, lines["echo hello"]);
        CollectionAssert.AreEqual(new[] { "+ uname -s", "Linux" }, lines["uname -s"]);
    }

    [TestMethod]
    public void A_bad_event_comes_back_through_vercel_fun_as_a_handled_error()
    {
        var result = VercelFun.Invoke(PackageWithBootstrap(), "{\"not\": \"a list\"}", FunctionVariables());

        Assert.AreEqual("Handled", result.FunctionError, result.Payload);
        using var error = JsonDocument.Parse(result.Payload);
        Assert.AreEqual("Runtime.SerializationError", error.RootElement.GetProperty("errorType").GetString());
    }

    private static Dictionary<string, string> FunctionVariables() => new()
    {
        ["LAMBADA_HANDLER"] = "LambdaShell.ShellFunctions::RunCommands",
        // fun starts bootstrap with only the function's variables; dotnet is wherever this machine has it.
        ["PATH"] = Environment.GetEnvironmentVariable("PATH") ?? "/usr/bin:/bin",
    };

    private static string PackageWithBootstrap()
    {
        Assert.AreEqual(0, _package.ExitCode, _package.ToString());
        var copy = Path.Combine(Project.Directory, $"fun-{Guid.NewGuid():N}.zip");
        File.Copy(PackagePaths.Zip(Project), copy);
        using var archive = ZipFile.Open(copy, ZipArchiveMode.Update);
        var bootstrap = archive.CreateEntry("bootstrap");
        bootstrap.ExternalAttributes = (PackagePaths.RegularFileType | PackagePaths.Executable) << 16;
        using var writer = new StreamWriter(bootstrap.Open()) { NewLine = "\n" };
        writer.Write("#!/bin/sh\nexec dotnet \"$(dirname \"$0\")/LambdaShell.dll\"\n");
        return copy;
    }

    private static string CentralVersion(string package) =>
        XDocument.Load(Path.Combine(RepoPaths.Root, "Directory.Packages.props"))
            .Descendants("PackageVersion")
            .Single(p => (string?)p.Attribute("Include") == package)
            .Attribute("Version")!.Value;
}
