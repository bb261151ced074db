using System.Diagnostics;
using System.IO.Compression;
using Lambada.Testing;

namespace Lambada.Tests.Consumer;

/// <summary>A function's package run as Lambda's managed runtime would run it, for where moto runs no code.</summary>
public static class DeployedPackage
{
    /// <summary>Runs the package (<c>dotnet Assembly.dll</c>) against the test Runtime API server and returns its response.</summary>
    public static string Invoke(string package, string assembly, string handler, string payload)
    {
        using var unpacked = new TempDirectory("consumer-package");
        ZipFile.ExtractToDirectory(package, unpacked.Path);
        var start = new ProcessStartInfo("dotnet", [Path.Combine(unpacked.Path, assembly + ".dll")]);
        var outcome = RuntimeApiTestServer.ServeProcess(start, handler, TimeSpan.FromMinutes(1), payload).Single();
        Assert.AreEqual(OutcomeKind.Response, outcome.Kind, outcome.Text);
        return outcome.Text;
    }
}
