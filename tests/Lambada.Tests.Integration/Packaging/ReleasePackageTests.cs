using System.IO.Compression;
using Lambada.Testing;

namespace Lambada.Tests.Packaging;

/// <summary>
/// The package is built for Lambda, whatever the outer build is (Debug here): Release, with no XML docs, no apphost
/// and no PDBs by default; PDBs with LambadaIncludeSymbols=true; a Debug package with LambadaConfiguration=Debug.
/// </summary>
[TestClass]
public sealed class ReleasePackageTests
{
    private static FixtureProject? _project;
    private static readonly Dictionary<string, (ProcessResult Build, Dictionary<string, byte[]> Files)> Packages = [];

    [ClassInitialize]
    public static void Package(TestContext _)
    {
        _project = new FixtureProject("Shipped", new Dictionary<string, string>
        {
            ["Functions.cs"] = """
                using Lambada;

                namespace Shipped;

                /// <summary>Documented, so the build writes an XML doc file the package must leave out.</summary>
                public static class Functions
                {
                    /// <summary>Upper case.</summary>
                    [LambadaFunction(Name = "shipped")] public static string Shout(string text) => text.ToUpperInvariant();
                }
                """,
        }, "<OutputType>Exe</OutputType><GenerateDocumentationFile>true</GenerateDocumentationFile>");
        // One after the other on one project: a changed LambadaIncludeSymbols or LambadaConfiguration must repackage.
        foreach (var arguments in new[] { "", "-p:LambadaIncludeSymbols=true", "-p:LambadaConfiguration=Debug" })
        {
            var build = _project.Build(["-t:LambadaPackage", .. arguments.Length > 0 ? new[] { arguments } : []]);
            Packages[arguments] = (build, build.ExitCode == 0 ? Files(PackagePaths.Zip(_project)) : []);
        }
    }

    [ClassCleanup]
    public static void CleanUp() => _project?.Dispose();

    [TestMethod]
    public void The_outer_build_is_Debug_and_its_output_has_what_the_package_leaves_out()
    {
        var output = Path.Combine(_project!.Directory, "bin", "Debug", "net10.0");

        Assert.IsFalse(AssemblyBuild.IsOptimized(File.ReadAllBytes(Path.Combine(output, "Shipped.dll"))), "the premise: a Debug outer build");
        foreach (var file in new[] { "Shipped", "Shipped.pdb", "Shipped.xml", "Lambada.Runtime.pdb", "Lambada.Runtime.xml" })
            Assert.IsTrue(File.Exists(Path.Combine(output, file)), $"the premise: the build output has {file}");
    }

    [TestMethod]
    public void By_default_the_packaged_assembly_is_optimised()
    {
        var files = Package("");

        Assert.IsTrue(AssemblyBuild.IsOptimized(files["Shipped.dll"]), "JIT optimizer disabled: a Debug build was packaged");
    }

    [TestMethod]
    public void By_default_the_package_has_no_pdb_no_xml_doc_and_no_apphost()
    {
        var names = Package("").Keys;

        CollectionAssert.IsSubsetOf(new[] { "Shipped.dll", "Shipped.deps.json", "Shipped.runtimeconfig.json", "Lambada.Runtime.dll" }, names.ToArray());
        Assert.IsFalse(names.Any(n => n.EndsWith(".pdb", StringComparison.Ordinal) || n.EndsWith(".xml", StringComparison.Ordinal)), string.Join(", ", names));
        Assert.IsFalse(names.Contains("Shipped"), "a managed runtime starts the dll: the apphost is dead weight");
    }

    [TestMethod]
    public void LambadaIncludeSymbols_ships_the_pdbs_of_an_optimised_build()
    {
        var files = Package("-p:LambadaIncludeSymbols=true");

        CollectionAssert.IsSubsetOf(new[] { "Shipped.pdb", "Lambada.Runtime.pdb" }, files.Keys.ToArray());
        Assert.IsFalse(files.Keys.Any(n => n.EndsWith(".xml", StringComparison.Ordinal)), string.Join(", ", files.Keys));
        Assert.IsTrue(AssemblyBuild.IsOptimized(files["Shipped.dll"]));
    }

    [TestMethod]
    public void LambadaConfiguration_Debug_packages_a_Debug_build()
    {
        var files = Package("-p:LambadaConfiguration=Debug");

        Assert.IsFalse(AssemblyBuild.IsOptimized(files["Shipped.dll"]));
        Assert.IsFalse(files.Keys.Any(n => n.EndsWith(".pdb", StringComparison.Ordinal)), string.Join(", ", files.Keys));
    }

    private static Dictionary<string, byte[]> Package(string arguments)
    {
        var (build, files) = Packages[arguments];
        Assert.AreEqual(0, build.ExitCode, build.ToString());
        return files;
    }

    private static Dictionary<string, byte[]> Files(string zip)
    {
        using var archive = ZipFile.OpenRead(zip);
        return archive.Entries.ToDictionary(e => e.FullName, e =>
        {
            using var stream = e.Open();
            using var copy = new MemoryStream();
            stream.CopyTo(copy);
            return copy.ToArray();
        });
    }
}
