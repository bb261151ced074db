using System.IO.Compression;
using System.Text.Json;
using Lambada.Testing;

namespace Lambada.Tests.Runtime;

/// <summary>
/// The packaged sample served by Lambada.Runtime through @vercel/fun, a Runtime API implementation we did not
/// write. fun implements runtime <c>provided</c> only, so the package gets a <c>bootstrap</c> that starts the dll.
/// </summary>
[TestClass]
public sealed class ThirdPartyRuntimeApiTests
{
    private static TempDirectory? work;
    private static string zip = "";

    [ClassInitialize]
    public static void PackageTheSample(TestContext _)
    {
        work = new TempDirectory("fun");
        var publish = Path.Combine(work.Path, "publish");
        var result = ProcessRunner.Run("dotnet",
            ["publish", Path.Combine(RepoPaths.Root, "samples", "LambdaShell"), "-c", "Release", "-r", "linux-x64", "--self-contained", "false", "-o", publish, "-nodeReuse:false"],
            environment: new Dictionary<string, string?> { ["MSBUILDDISABLENODEREUSE"] = "1", ["DOTNET_NOLOGO"] = "1" });
        Assert.AreEqual(0, result.ExitCode, result.ToString());
        zip = Path.Combine(work.Path, "lb_runCommand.zip");
        ZipWithBootstrap(publish, zip);
    }

    [ClassCleanup]
    public static void CleanUp() => work?.Dispose();

    [TestMethod]
    public void lb_runCommand_answers_echo_and_uname_through_vercel_fun()
    {
        var result = VercelFun.Invoke(zip, "[\"echo hello\", \"uname -s\"]", Variables());

        Assert.AreEqual(200, result.StatusCode);
        Assert.IsNull(result.FunctionError, result.Payload);
        var lines = JsonSerializer.Deserialize<Dictionary<string, string[]>>(result.Payload)!;
        CollectionAssert.AreEqual(new[] { "echo hello", "uname -s" }, lines.Keys.ToArray());
        CollectionAssert.AreEqual(new[] { "+ echo hello", "hello" }, lines["echo hello"]);
        CollectionAssert.AreEqual(new[] { "+ uname -s", "Linux" }, lines["uname -s"]);
    }

    [TestMethod]
    public void A_bad_event_comes_back_as_a_handled_function_error()
    {
        var result = VercelFun.Invoke(zip, "{\"not\": \"a list\"}", Variables());

        Assert.AreEqual("Handled", result.FunctionError, result.Payload);
        using var error = JsonDocument.Parse(result.Payload);
        Assert.AreEqual("Runtime.SerializationError", error.RootElement.GetProperty("errorType").GetString());
    }

    private static Dictionary<string, string> Variables() => new()
    {
        ["LAMBADA_HANDLER"] = "LambdaShell.ShellFunctions::RunCommands",
        // fun starts bootstrap with only the function's variables; the managed runtime's dotnet is where this machine has it.
        ["PATH"] = Environment.GetEnvironmentVariable("PATH") ?? "/usr/bin:/bin",
    };

    private static void ZipWithBootstrap(string directory, string zipPath)
    {
        using var archive = ZipFile.Open(zipPath, ZipArchiveMode.Create);
        foreach (var file in Directory.EnumerateFiles(directory, "*", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
            archive.CreateEntryFromFile(file, Path.GetRelativePath(directory, file).Replace('\\', '/'));
        var bootstrap = archive.CreateEntry("bootstrap");
        bootstrap.ExternalAttributes = Convert.ToInt32("100755", 8) << 16;
        using var writer = new StreamWriter(bootstrap.Open()) { NewLine = "\n" };
        writer.Write("#!/bin/sh\nexec dotnet \"$(dirname \"$0\")/LambdaShell.dll\"\n");
    }
}
