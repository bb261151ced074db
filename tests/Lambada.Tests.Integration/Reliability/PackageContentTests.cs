using Lambada.Testing;
using Lambada.Tests.Packaging;

namespace Lambada.Tests.Reliability;

/// <summary>
/// Issue 10, row "appsettings.Development.json with CopyToOutputDirectory ships inside the Lambda package": a project
/// that copies its development settings, a dotenv file, a user-secrets file and an IDE .user file to its output,
/// packaged for real with <c>dotnet build -t:LambadaPackage</c>, then again with a LambadaPackageInclude opt-in.
/// </summary>
[TestClass]
[TestCategory("Reliability")]
public sealed class PackageContentTests
{
    private const string Name = "PackageContent";
    private static readonly string[] LeftOut = ["appsettings.Development.json", ".env", "secrets.json", Name + ".csproj.user"];

    private static FixtureProject? _project;
    private static ProcessResult _package = new(-1, "");
    private static string[] _packaged = [];
    private static ProcessResult _optIn = new(-1, "");
    private static string[] _packagedWithOptIn = [];

    [ClassInitialize]
    public static void Package(TestContext _)
    {
        _project = new FixtureProject(Name, new Dictionary<string, string>
        {
            ["Functions.cs"] = """
                using Lambada;
                namespace PackageContent;
                public static class Functions
                {
                    [LambadaFunction(Name = "content_fn")] public static string Echo(string input) => input;
                }
                """,
            ["appsettings.json"] = """{ "Greeting": "hello" }""",
            ["appsettings.Development.json"] = """{ "ConnectionStrings": { "Db": "Server=localhost;Password=dev-only" } }""",
            [".env"] = "API_KEY=dev-only\n",
            ["secrets.json"] = """{ "ApiKey": "dev-only" }""",
            // What Visual Studio writes; MSBuild imports it, so it must be a project.
            [Name + ".csproj.user"] = "<Project><PropertyGroup><ActiveDebugProfile>local</ActiveDebugProfile></PropertyGroup></Project>",
        }, $"""
            <EnableDefaultNoneItems>false</EnableDefaultNoneItems>
          </PropertyGroup>
          <ItemGroup>
            <None Include="appsettings.json;appsettings.Development.json;.env;secrets.json;{Name}.csproj.user" CopyToOutputDirectory="PreserveNewest" />
          </ItemGroup>
          <ItemGroup Condition="'$(ShipDevelopmentSettings)' == 'true'">
            <LambadaPackageInclude Include="appsettings.Development.json" />
          </ItemGroup>
          <PropertyGroup>
          """);
        _package = _project.Build("-t:LambadaPackage");
        _packaged = Entries();
        _optIn = _project.Build("-t:LambadaPackage", "-p:ShipDevelopmentSettings=true");
        _packagedWithOptIn = Entries();
    }

    [ClassCleanup]
    public static void CleanUp() => _project?.Dispose();

    [TestMethod]
    public void AppSettings_Development_json_with_CopyToOutputDirectory_does_not_ship_in_the_Lambda_package()
    {
        Assert.AreEqual(0, _package.ExitCode, _package.ToString());
        foreach (var file in LeftOut)
        {
            Assert.IsTrue(File.Exists(Path.Combine(_project!.Directory, "bin", "Debug", "net10.0", file)), $"{file} is copied to the build output");
            CollectionAssert.DoesNotContain(_packaged, file);
        }
        CollectionAssert.Contains(_packaged, "appsettings.json");
        CollectionAssert.Contains(_packaged, Name + ".dll");
    }

    [TestMethod]
    public void The_build_log_warns_LMB0206_for_each_file_left_out_naming_it_and_how_to_ship_it()
    {
        Assert.AreEqual(0, _package.ExitCode, _package.ToString());
        foreach (var file in LeftOut)
        {
            var line = _package.Output.Split('\n').FirstOrDefault(l => l.Contains($"warning LMB0206: {file} is not put in the package of {Name}", StringComparison.Ordinal));
            Assert.IsNotNull(line, $"{file}\n{_package.Output}");
            StringAssert.StartsWith(line.Trim(), _project!.ProjectFile, "the warning points at the project, where the opt-in goes");
            StringAssert.Contains(line, $"<LambadaPackageInclude Include=\"{file}\" />");
        }
        Assert.IsFalse(_package.Output.Contains("LMB0206: appsettings.json", StringComparison.Ordinal), _package.Output);
    }

    [TestMethod]
    public void A_LambadaPackageInclude_item_ships_the_named_file_and_still_leaves_out_the_others()
    {
        Assert.AreEqual(0, _optIn.ExitCode, _optIn.ToString());
        CollectionAssert.Contains(_packagedWithOptIn, "appsettings.Development.json");
        foreach (var file in LeftOut.Skip(1))
            CollectionAssert.DoesNotContain(_packagedWithOptIn, file);
        Assert.IsFalse(_optIn.Output.Contains("LMB0206: appsettings.Development.json", StringComparison.Ordinal), _optIn.Output);
        StringAssert.Contains(_optIn.Output, "LMB0206: .env");
    }

    private static string[] Entries() => File.Exists(PackagePaths.Zip(_project!))
        ? PythonZip.Entries(PackagePaths.Zip(_project!)).Select(e => e.Name).ToArray()
        : [];
}
