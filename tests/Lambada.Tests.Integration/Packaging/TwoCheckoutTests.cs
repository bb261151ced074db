using System.IO.Compression;
using System.Text;
using Lambada.Testing;

namespace Lambada.Tests.Packaging;

/// <summary>
/// Two checkouts of one commit in different folders package the sample (its project references built from source in each)
/// into one CodeSha256: the package never embeds the checkout's path, also when CI is not set. Clones of the commit under
/// test, so what is compared is what was committed, not the working tree.
/// </summary>
[TestClass]
public sealed class TwoCheckoutTests
{
    [TestMethod]
    public void Two_checkouts_of_one_commit_in_different_folders_give_one_CodeSha256()
    {
        using var first = new TempDirectory("checkout-a");
        using var second = new TempDirectory("checkout-bb");
        var environment = new Dictionary<string, string?>
        {
            ["CI"] = null,
            ["ContinuousIntegrationBuild"] = null,
            ["MSBUILDDISABLENODEREUSE"] = "1",
            ["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1",
            ["DOTNET_NOLOGO"] = "1",
        };

        var hashes = new[] { first.Path, second.Path }.Select(folder =>
        {
            var clone = Path.Combine(folder, "lambada");
            var cloned = ProcessRunner.Run("git", ["clone", "--quiet", "--no-hardlinks", RepoPaths.Root, clone]);
            Assert.AreEqual(0, cloned.ExitCode, cloned.ToString());
            var sample = Path.Combine(clone, "samples", "LambdaShell");
            // Each checkout builds Lambada itself from source: longer than DotnetBuild's limit on a busy machine.
            var build = ProcessRunner.Run("dotnet", ["build", Path.Combine(sample, "LambdaShell.csproj"), "-nodeReuse:false", "-tl:off", "-clp:NoSummary", "-t:LambadaPackage"],
                environment: environment, timeout: TimeSpan.FromMinutes(20));
            Assert.AreEqual(0, build.ExitCode, build.ToString());
            var zip = Path.Combine(sample, "obj", "Debug", "net10.0", "lambada", "LambdaShell.zip");
            AssertPathFree(zip, clone);
            return File.ReadAllText(zip + ".sha256").Trim();
        }).ToArray();

        Assert.AreNotEqual("", hashes[0]);
        Assert.AreEqual(hashes[0], hashes[1]);
    }

    /// <summary>The reason the hashes agree, asserted directly: no file in the package holds the checkout's path.</summary>
    private static void AssertPathFree(string zip, string checkout)
    {
        using var archive = ZipFile.OpenRead(zip);
        var path = Encoding.UTF8.GetBytes(checkout);
        var utf16 = Encoding.Unicode.GetBytes(checkout);
        foreach (var entry in archive.Entries)
        {
            using var stream = entry.Open();
            using var copy = new MemoryStream();
            stream.CopyTo(copy);
            var bytes = copy.ToArray();
            Assert.IsTrue(bytes.AsSpan().IndexOf(path) < 0 && bytes.AsSpan().IndexOf(utf16) < 0, $"{entry.FullName} holds the checkout's path {checkout}");
            if (entry.FullName is "LambdaShell.dll" or "Lambada.Runtime.dll")
                Assert.IsTrue(AssemblyBuild.IsOptimized(bytes), $"{entry.FullName} is a Debug build");
        }
    }
}
