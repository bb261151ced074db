using Lambada.Testing;
using Lambada.Tests.Deployment;

namespace Lambada.Tests.Consumer;

/// <summary>What a user sees: a brand-new classlib, <c>dotnet add package Lambada</c> from the packed feed, and <c>dotnet build</c>.</summary>
[TestClass]
public sealed class ConsumerTests
{
    private static DeployFixture? _aws;

    private static PackedFeed Feed => PackedFeed.Shared;
    private static DeployFixture Aws => _aws!;

    [ClassInitialize]
    public static void Start(TestContext _) => _aws = new DeployFixture();

    [ClassCleanup]
    public static void CleanUp() => _aws?.Dispose();

    [TestMethod]
    public void A_new_classlib_with_only_the_package_deploys_its_functions_and_its_package_runs_without_a_hand_written_Main()
    {
        using var project = new ConsumerProject(Feed, "Greeter", new Dictionary<string, string>
        {
            ["Greeter.cs"] = """
                using Lambada;
                namespace Greeter;
                public class Greetings
                {
                    [LambadaFunction(Name = "cs_greet", MemorySize = 384, Timeout = 15)]
                    public string Greet(string name) => "hello " + name;
                }
                """,
            ["Farewells.cs"] = """
                using Lambada;
                namespace Greeter;
                public static class Farewells
                {
                    [LambadaFunction(Name = "cs_bye")]
                    public static string Bye(string name) => "bye " + name;
                }
                """,
        });

        var mark = MotoRequestLog.Mark(Aws.Moto);
        var plain = project.Build(Aws.BuildEnvironment);
        var plainRequests = MotoRequestLog.Since(Aws.Moto, mark);
        var deploy = project.Build(Aws.BuildEnvironment, "-p:LambadaDeploy=true");

        DeployFixture.Check(plain);
        Assert.AreEqual(0, plainRequests.Count, "a build without LambadaDeploy never talks to AWS: " + string.Join("\n", plainRequests));
        DeployFixture.Check(deploy);
        var greet = Aws.Configuration("cs_greet");
        Assert.AreEqual((384, 15, "dotnet10", "Greeter"), (greet.GetProperty("MemorySize").GetInt32(), greet.GetProperty("Timeout").GetInt32(),
            greet.GetProperty("Runtime").GetString(), greet.GetProperty("Handler").GetString()));
        Assert.AreEqual(DeployFixture.BasicRoleArn, greet.GetProperty("Role").GetString());
        Assert.AreEqual("Greeter.Farewells::Bye", DeployFixture.Environment(Aws.Configuration("cs_bye"))["LAMBADA_HANDLER"]);
        Assert.AreEqual(File.ReadAllText(project.PackagePath("net10.0") + ".sha256").Trim(), greet.GetProperty("CodeSha256").GetString());
        Assert.IsFalse(File.ReadAllText(Path.Combine(project.Directory, "Greeter.cs")).Contains("Main", StringComparison.Ordinal));

        Assert.AreEqual("\"hello lambada\"", DeployedPackage.Invoke(project.PackagePath("net10.0"), "Greeter", "Greeter.Greetings::Greet", "\"lambada\""));
    }

    [TestMethod]
    public void A_scan_error_points_at_the_consumers_own_file_and_line()
    {
        using var project = new ConsumerProject(Feed, "Broken", new Dictionary<string, string>
        {
            ["Functions.cs"] = """
                using Lambada;
                namespace Broken;
                public class Functions
                {

                    [LambadaFunction(Name = "too_small", MemorySize = 64)]
                    public string Small(string input) => input;
                }
                """,
        });

        var build = project.Build(Aws.BuildEnvironment);

        Assert.AreNotEqual(0, build.ExitCode, build.ToString());
        StringAssert.Contains(build.Output, $"{Path.Combine(project.Directory, "Functions.cs")}(6,5): error LMB0103: too_small");
    }

    [TestMethod]
    public void A_multi_targeting_consumer_deploys_once_from_its_newest_framework()
    {
        using var project = new ConsumerProject(Feed, "Multi", new Dictionary<string, string>
        {
            ["Functions.cs"] = """
                using Lambada;
                namespace Multi;
                public class Functions
                {
                    [LambadaFunction(Name = "multi_fn")]
                    public string Echo(string input) => input;
                }
                """,
        }, targetFrameworks: "net8.0;net10.0");
        var mark = MotoRequestLog.Mark(Aws.Moto);

        var deploy = project.Build(Aws.BuildEnvironment, "-p:LambadaDeploy=true");
        var requests = MotoRequestLog.Since(Aws.Moto, mark);

        DeployFixture.Check(deploy);
        Assert.AreEqual(1, requests.Count(r => r is { Method: "POST", Path: "/2015-03-31/functions" }), string.Join("\n", requests));
        Assert.AreEqual(1, requests.Count(r => r.Path.StartsWith("/2015-03-31/functions?", StringComparison.Ordinal)), "one deploy, so one ListFunctions");
        Assert.AreEqual("dotnet10", Aws.Configuration("multi_fn").GetProperty("Runtime").GetString());
        StringAssert.Contains(deploy.Output, "net8.0 is not packaged or deployed; net10.0 is");
        Assert.IsFalse(File.Exists(project.PackagePath("net8.0")));
    }
}
