using Lambada.Build;
using Lambada.Build.Packaging;
using Lambada.Testing;

namespace Lambada.Tests.Packaging;

/// <summary>Lambda's size limits, met with real oversized publish outputs.</summary>
[TestClass]
public sealed class PackageLimitTests
{
    [TestMethod]
    public void A_package_over_250_MB_unzipped_is_an_error_and_leaves_no_zip()
    {
        using var dir = new TempDirectory("limit");
        var publish = Directory.CreateDirectory(dir.File("publish")).FullName;
        // Sparse: 251 MB that take no disk.
        using (var big = File.Create(Path.Combine(publish, "data.bin")))
            big.SetLength(251L * 1024 * 1024);
        var zip = dir.File("Big.zip");
        File.WriteAllText(zip, "stale");

        var outcome = FunctionPackage.Run(publish, "Big", bootstrap: false, zip);

        Assert.AreEqual("LMB0202", outcome.Diagnostics.Single().Code);
        Assert.IsTrue(outcome.Diagnostics.Single().IsError);
        StringAssert.Contains(outcome.Diagnostics.Single().Message, "251.0 MB");
        Assert.IsFalse(File.Exists(zip));
        Assert.IsFalse(outcome.Succeeded);
    }

    [TestMethod]
    public void A_package_over_50_MB_zipped_is_written_with_a_warning_about_S3()
    {
        using var dir = new TempDirectory("limit");
        var publish = Directory.CreateDirectory(dir.File("publish")).FullName;
        var noise = new byte[51 * 1024 * 1024];
        new Random(42).NextBytes(noise);
        File.WriteAllBytes(Path.Combine(publish, "noise.bin"), noise);
        var zip = dir.File("Noisy.zip");

        var outcome = FunctionPackage.Run(publish, "Noisy", bootstrap: false, zip);

        var warning = outcome.Diagnostics.Single();
        Assert.AreEqual("LMB0203", warning.Code);
        Assert.IsFalse(warning.IsError);
        StringAssert.Contains(warning.Message, "LambadaS3Bucket");
        Assert.IsTrue(outcome.Succeeded);
        Assert.IsTrue(new FileInfo(zip).Length > PackageLimits.MaxDirectUploadBytes);
    }
}
