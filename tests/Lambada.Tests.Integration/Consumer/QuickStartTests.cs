using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using System.Xml.Linq;
using Lambada.Testing;
using Lambada.Tests.Deployment;

namespace Lambada.Tests.Consumer;

/// <summary>
/// The README's five steps, run with bash exactly as written, in a fresh folder against a private moto_server: the
/// packed feed stands in for <c>$LAMBADA_FEED</c>, the AWS variables for the user's credentials and region.
/// </summary>
[TestClass]
public sealed class QuickStartTests
{
    private const string Marker = "@@lambada-readme-block-done@@";
    private static DeployFixture? _aws;

    private static DeployFixture Aws => _aws!;

    [ClassInitialize]
    public static void Start(TestContext _)
    {
        _aws = new DeployFixture();
        // moto runs no function code; without Docker its Invoke answers with an error unless it is told to answer
        // plainly, which it must be told before any function exists.
        using var http = new HttpClient();
        using var body = new StringContent("""{"lambda": {"use_docker": false}}""", Encoding.UTF8, "application/json");
        using var response = http.PostAsync(Aws.Moto.Endpoint + "/moto-api/config", body).GetAwaiter().GetResult();
        Assert.IsTrue(response.IsSuccessStatusCode, "moto config answered " + (int)response.StatusCode);
    }

    [ClassCleanup]
    public static void CleanUp() => _aws?.Dispose();

    [TestMethod]
    public void The_five_steps_as_written_deploy_hello_and_its_code_answers_as_the_readme_says()
    {
        var readme = QuickStartReadme.Read();
        var feed = PackedFeed.Shared;
        using var folder = new TempDirectory("quick-start");

        var run = ProcessRunner.Run("bash", ["-c", Script(readme.Commands)], workingDirectory: folder.Path,
            environment: Environment(feed, folder), timeout: TimeSpan.FromMinutes(10));
        Assert.AreEqual(0, run.ExitCode, run.ToString());
        var outputs = run.Output.Split(Marker + "\n");
        var project = Path.Combine(folder.Path, "Hello");

        var reference = XDocument.Load(Path.Combine(project, "Hello.csproj")).Descendants("PackageReference").Single(r => (string?)r.Attribute("Include") == "Lambada");
        Assert.AreEqual(feed.Version, (string?)reference.Attribute("Version"), "dotnet add package takes the version the pack made");

        var function = readme.Command("LambadaFunction(");
        var configuration = Aws.Configuration("hello");
        Assert.AreEqual((Setting(function, "MemorySize"), Setting(function, "Timeout"), "dotnet10", "Hello", DeployFixture.BasicRoleArn),
            (configuration.GetProperty("MemorySize").GetInt32(), configuration.GetProperty("Timeout").GetInt32(), configuration.GetProperty("Runtime").GetString(),
             configuration.GetProperty("Handler").GetString(), configuration.GetProperty("Role").GetString()));
        Assert.AreEqual("Hello.Functions::Greet", DeployFixture.Environment(configuration)["LAMBADA_HANDLER"]);
        var package = Path.Combine(project, "obj", "Debug", "net10.0", "lambada", "Hello.zip");
        Assert.AreEqual(File.ReadAllText(package + ".sha256").Trim(), configuration.GetProperty("CodeSha256").GetString(), "moto holds the package the build made");

        var invoke = readme.Command("aws lambda invoke");
        var (expectedResponse, expectedAnswer) = SplitFirstJson(readme.OutputOf("aws lambda invoke"));
        var (response, _) = SplitFirstJson(outputs[readme.Commands.ToList().IndexOf(invoke)]);
        Assert.AreEqual(expectedResponse.GetProperty("StatusCode").GetInt32(), response.GetProperty("StatusCode").GetInt32(), response.ToString());
        Assert.IsFalse(response.TryGetProperty("FunctionError", out _), response.ToString());
        var payload = Regex.Match(invoke, "--payload '([^']*)'").Groups[1].Value;
        Assert.AreEqual(expectedAnswer, DeployedPackage.Invoke(package, "Hello", "Hello.Functions::Greet", payload),
            "the deployed code, run with the README's payload, answers what the README shows in out.json");
    }

    /// <summary>The blocks in order, in one bash (so <c>cd</c> carries over), each followed by a marker line.</summary>
    private static string Script(IReadOnlyList<string> commands)
    {
        Assert.IsTrue(commands.Count >= 5, "the five steps show " + commands.Count + " bash blocks");
        var script = new StringBuilder("set -euo pipefail\n");
        foreach (var command in commands)
            script.Append(command).Append("printf '\\n%s\\n' '").Append(Marker).Append("'\n");
        return script.ToString();
    }

    private static Dictionary<string, string?> Environment(PackedFeed feed, TempDirectory folder)
    {
        var environment = new Dictionary<string, string?>(Aws.BuildEnvironment)
        {
            ["LAMBADA_FEED"] = feed.FeedPath,
            // Packages restore into a private folder, and the machine's cache serves what is not Lambada's.
            ["NUGET_PACKAGES"] = folder.File("packages"),
            ["NUGET_FALLBACK_PACKAGES"] = Path.Combine(System.Environment.GetFolderPath(System.Environment.SpecialFolder.UserProfile), ".nuget", "packages"),
            ["PATH"] = AwsCliV2Options(folder) + Path.PathSeparator + System.Environment.GetEnvironmentVariable("PATH"),
        };
        foreach (var (key, value) in PackedFeed.Quiet)
            environment[key] = value;
        return environment;
    }

    /// <summary>
    /// A folder to put first on PATH. The README is written for AWS CLI v2, whose <c>--cli-binary-format
    /// raw-in-base64-out</c> makes it send <c>--payload</c> as given; v1 (what pip installs here) always sends it as
    /// given and refuses the option, so with v1 an <c>aws</c> in this folder drops that one option and runs the real one.
    /// </summary>
    private static string AwsCliV2Options(TempDirectory folder)
    {
        var bin = folder.File("bin");
        Directory.CreateDirectory(bin);
        var real = (System.Environment.GetEnvironmentVariable("PATH") ?? "").Split(Path.PathSeparator)
            .Select(dir => Path.Combine(dir, "aws")).FirstOrDefault(File.Exists) ?? throw new AssertFailedException("the AWS CLI is not on PATH");
        var version = ProcessRunner.Run(real, ["--version"]);
        if (!version.Output.StartsWith("aws-cli/1.", StringComparison.Ordinal))
            return bin;
        var shim = Path.Combine(bin, "aws");
        File.WriteAllText(shim, $$"""
            #!/usr/bin/env bash
            args=()
            while [ $# -gt 0 ]; do
              if [ "$1" = --cli-binary-format ] && [ "${2:-}" = raw-in-base64-out ]; then shift 2; continue; fi
              args+=("$1"); shift
            done
            exec '{{real}}' "${args[@]}"
            """);
        if (!OperatingSystem.IsWindows())
            File.SetUnixFileMode(shim, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        return bin;
    }

    private static int Setting(string function, string name) =>
        int.Parse(Regex.Match(function, name + @" = (\d+)").Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>A JSON object at the start of <paramref name="text"/> (after any other output), and what follows it, trimmed.</summary>
    private static (JsonElement Json, string After) SplitFirstJson(string text)
    {
        var start = text.IndexOf("{\n", StringComparison.Ordinal);
        Assert.IsTrue(start >= 0, "no JSON object in:\n" + text);
        var bytes = Encoding.UTF8.GetBytes(text[start..]);
        var reader = new Utf8JsonReader(bytes);
        using var document = JsonDocument.ParseValue(ref reader);
        return (document.RootElement.Clone(), Encoding.UTF8.GetString(bytes, (int)reader.BytesConsumed, bytes.Length - (int)reader.BytesConsumed).Trim());
    }
}
