using Lambada.Testing;

namespace Lambada.Tests.Packaging;

/// <summary>Architecture = Arm64 publishes for linux-arm64: the apphost in the package is an AArch64 executable.</summary>
[TestClass]
public sealed class Arm64PackageTests
{
    private const int MachineOffset = 18;   // e_machine in the ELF header
    private const byte AArch64 = 0xB7;

    [TestMethod]
    public void An_arm64_function_is_published_for_linux_arm64()
    {
        using var project = new FixtureProject("Graviton", new Dictionary<string, string>
        {
            ["Functions.cs"] = """
                using Lambada;

                namespace Graviton;

                public static class Functions
                {
                    [LambadaFunction(Name = "arm", Architecture = LambadaArchitecture.Arm64)] public static int Answer() => 42;
                }
                """,
        });

        var result = project.Build("-t:LambadaPackage");

        Assert.AreEqual(0, result.ExitCode, result.ToString());
        using var zip = System.IO.Compression.ZipFile.OpenRead(PackagePaths.Zip(project));
        using var apphost = zip.GetEntry("Graviton")!.Open();
        var header = new byte[MachineOffset + 1];
        apphost.ReadExactly(header);
        CollectionAssert.AreEqual("\u007fELF"u8.ToArray(), header[..4]);
        Assert.AreEqual(AArch64, header[MachineOffset]);
    }
}
