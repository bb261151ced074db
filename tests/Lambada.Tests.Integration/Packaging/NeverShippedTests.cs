using Lambada.Build;
using Lambada.Build.Packaging;
using Lambada.Testing;

namespace Lambada.Tests.Packaging;

/// <summary>
/// The files that never ship (LMB0206) and the LambadaPackageInclude opt-in (LMB0207), packaged from a real publish
/// folder on disk and read back with Python's zipfile.
/// </summary>
[TestClass]
public sealed class NeverShippedTests
{
    private static readonly string[] Runs = ["App.dll", "App.deps.json", "appsettings.json", "appsettings.Production.json"];

    private static readonly string[] Secrets =
    [
        "appsettings.Development.json", "appsettings.Local.json", "appsettings.Production.local.json", "App.csproj.user",
        ".env", ".env.production", "secrets.json", "config/.env", "Config2/APPSETTINGS.DEVELOPMENT.JSON",
    ];

    // Near misses of the patterns, which are ordinary files.
    private static readonly string[] LookAlikes = ["app.env", "secrets.json.md", "appsettings.Development.json.bak", "user", "environment.json", "my.user.json"];

    [TestMethod]
    public void Settings_and_secret_files_are_left_out_each_with_an_LMB0206_warning_and_everything_else_ships()
    {
        using var dir = new TempDirectory("never-shipped");
        var publish = Publish(dir, [.. Runs, .. Secrets, .. LookAlikes]);

        var outcome = FunctionPackage.Run(publish, "App", bootstrap: false, dir.File("App.zip"), project: "/src/App/App.csproj");

        Assert.IsTrue(outcome.Succeeded);
        CollectionAssert.AreEquivalent(Runs.Concat(LookAlikes).ToArray(), Names(dir.File("App.zip")));
        CollectionAssert.AreEquivalent(Secrets, outcome.Diagnostics.Select(d => d.Message.Split(' ')[0]).ToArray());
        foreach (var warning in outcome.Diagnostics)
        {
            Assert.AreEqual("LMB0206", warning.Code, warning.Message);
            Assert.IsFalse(warning.IsError);
            Assert.AreEqual("/src/App/App.csproj", warning.Location?.File);
            StringAssert.Contains(warning.Message, "is not put in the package of App");
            StringAssert.Contains(warning.Message, $"<LambadaPackageInclude Include=\"{warning.Message.Split(' ')[0]}\" />");
        }
    }

    [TestMethod]
    public void Each_warning_says_why_its_file_stays_behind()
    {
        using var dir = new TempDirectory("never-shipped");
        var publish = Publish(dir, ["App.dll", ".env", "secrets.json"]);

        var outcome = FunctionPackage.Run(publish, "App", bootstrap: false, dir.File("App.zip"));

        StringAssert.Contains(outcome.Diagnostics.Single(d => d.Message.StartsWith(".env ", StringComparison.Ordinal)).Message, "dotenv");
        StringAssert.Contains(outcome.Diagnostics.Single(d => d.Message.StartsWith("secrets.json ", StringComparison.Ordinal)).Message, "user-secrets");
    }

    [TestMethod]
    public void A_LambadaPackageInclude_ships_the_named_file_and_only_that_one()
    {
        using var dir = new TempDirectory("never-shipped");
        var publish = Publish(dir, ["App.dll", "appsettings.Development.json", ".env", "config/.env"]);

        var outcome = FunctionPackage.Run(publish, "App", bootstrap: false, dir.File("App.zip"), include: ["appsettings.Development.json", @"config\.env"]);

        CollectionAssert.AreEquivalent(new[] { "App.dll", "appsettings.Development.json", "config/.env" }, Names(dir.File("App.zip")));
        Assert.AreEqual(".env", outcome.Diagnostics.Single().Message.Split(' ')[0]);
        using var zip = System.IO.Compression.ZipFile.OpenRead(dir.File("App.zip"));
        using var shipped = new StreamReader(zip.GetEntry("appsettings.Development.json")!.Open());
        Assert.AreEqual("appsettings.Development.json", shipped.ReadToEnd());
    }

    [TestMethod]
    public void LMB0207_an_include_that_matches_no_published_file_is_a_warning_naming_it()
    {
        using var dir = new TempDirectory("never-shipped");
        var publish = Publish(dir, ["App.dll", "appsettings.Development.json"]);

        var outcome = FunctionPackage.Run(publish, "App", bootstrap: false, dir.File("App.zip"), include: ["appsettings.Developmnet.json"]);

        var unmatched = outcome.Diagnostics.Single(d => d.Code == "LMB0207");
        Assert.IsFalse(unmatched.IsError);
        StringAssert.Contains(unmatched.Message, "'appsettings.Developmnet.json'");
        StringAssert.Contains(unmatched.Message, "publish output of App");
        Assert.AreEqual("LMB0206", outcome.Diagnostics.Single(d => d != unmatched).Code, "the misspelt include puts nothing back");
    }

    [TestMethod]
    public void A_file_left_out_does_not_change_the_CodeSha256()
    {
        using var with = new TempDirectory("never-shipped");
        using var without = new TempDirectory("never-shipped");
        var first = FunctionPackage.Run(Publish(with, ["App.dll", "appsettings.json", ".env"]), "App", bootstrap: false, with.File("App.zip"));
        var second = FunctionPackage.Run(Publish(without, ["App.dll", "appsettings.json"]), "App", bootstrap: false, without.File("App.zip"));

        Assert.AreEqual(second.Package!.CodeSha256, first.Package!.CodeSha256);
        CollectionAssert.AreEqual(File.ReadAllBytes(without.File("App.zip")), File.ReadAllBytes(with.File("App.zip")));
    }

    [TestMethod]
    public void The_list_says_why_for_every_pattern()
    {
        foreach (var rule in NeverShipped.Rules)
            Assert.IsTrue(rule.Why.Length > 20, rule.Pattern);
        CollectionAssert.AreEquivalent(
            new[] { "appsettings.Development.json", "appsettings.Local.json", "appsettings.*.local.json", "*.user", ".env", ".env.*", "secrets.json" },
            NeverShipped.Rules.Select(r => r.Pattern).ToArray());
    }

    // Each file holds its own name, so a test can tell which one it read back.
    private static string Publish(TempDirectory dir, IEnumerable<string> files)
    {
        var publish = Directory.CreateDirectory(dir.File("publish")).FullName;
        foreach (var file in files)
        {
            var path = Path.Combine(publish, file);
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            File.WriteAllText(path, file);
        }
        return publish;
    }

    private static string[] Names(string zip) => PythonZip.Entries(zip).Select(e => e.Name).ToArray();
}
