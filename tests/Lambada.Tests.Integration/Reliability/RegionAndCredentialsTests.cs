using Lambada.Build.Aws;
using Lambada.Build.Aws.Configuration;
using Lambada.Build.Aws.Http;
using Lambada.Build.Deployment;
using Lambada.Testing;
using Lambada.Tests.Aws.Configuration;
using Lambada.Tests.Deployment;
using OutcomeKind = Lambada.Build.Deployment.OutcomeKind;

namespace Lambada.Tests.Reliability;

/// <summary>
/// Issue 10's region and credentials probes: a region typo or a list is refused before any request (a proxy in front of
/// moto counts what reaches it), and no credentials at all is one error line, in process and in a real build's log.
/// These tests change process environment variables.
/// </summary>
[TestClass]
[TestCategory("Reliability")]
[DoNotParallelize]
public sealed class RegionAndCredentialsTests
{
    private static DeployFixture? _fixture;
    private static FixtureProject? _project;

    private static DeployFixture Aws => _fixture!;

    [ClassInitialize]
    public static void Start(TestContext _)
    {
        _fixture = new DeployFixture();
        _project = new FixtureProject("RegionProbe", new Dictionary<string, string>
        {
            ["Functions.cs"] = """
                using Lambada;

                namespace RegionProbe;

                public static class Functions
                {
                    [LambadaFunction(Name = "region_probe")] public static string Echo(string text) => text;
                }
                """,
        });
    }

    [ClassCleanup]
    public static void Stop()
    {
        _project?.Dispose();
        _fixture?.Dispose();
    }

    [TestMethod]
    public void A_good_region_through_the_proxy_reaches_moto_so_the_count_below_means_something()
    {
        using var proxy = FaultProxy.Start(Aws.Moto.Endpoint);

        var result = Deploy(proxy, "us-east-1", "region_control_fn");

        Assert.AreEqual(OutcomeKind.Created, result.Outcomes.Single().Kind, result.Outcomes.Single().ErrorMessage);
        Assert.IsNotEmpty(proxy.Requests);
    }

    [TestMethod]
    public void Region_typo_us_esat_1_is_LMB0313_naming_us_east_1_before_any_request()
    {
        using var proxy = FaultProxy.Start(Aws.Moto.Endpoint);

        var error = Assert.ThrowsExactly<AwsConfigurationException>(() => Deploy(proxy, "us-esat-1", "region_typo_fn"));

        Assert.AreEqual(AwsConfigurationProblem.UnknownRegion, error.Problem);
        Assert.AreEqual(
            "The AWS region 'us-esat-1' (from AWS_REGION) is not an AWS region; did you mean us-east-1? 'aws account list-regions' lists the regions of your account.",
            error.Message);
        Assert.IsEmpty(proxy.Requests, string.Join("\n", proxy.Requests));
    }

    [TestMethod]
    public void Region_list_us_east_1_semicolon_eu_west_1_is_LMB0314_before_any_request()
    {
        using var proxy = FaultProxy.Start(Aws.Moto.Endpoint);

        var error = Assert.ThrowsExactly<AwsConfigurationException>(() => Deploy(proxy, "us-east-1;eu-west-1", "region_list_fn"));

        Assert.AreEqual(AwsConfigurationProblem.SeveralRegions, error.Problem);
        StringAssert.StartsWith(error.Message, "The AWS region 'us-east-1;eu-west-1' (from AWS_REGION) looks like a list; one region is expected, such as us-east-1.");
        Assert.IsEmpty(proxy.Requests, string.Join("\n", proxy.Requests));
    }

    [TestMethod]
    public void No_credentials_at_all_is_one_line_with_no_SDK_dump()
    {
        using var files = new AwsConfigFiles().Set(("AWS_REGION", "us-east-1"), ("AWS_ENDPOINT_URL", Aws.Moto.Endpoint));

        var error = Assert.ThrowsExactly<AwsConfigurationException>(() =>
            AwsClients.Create(null, null, Environment.GetEnvironmentVariable, RetryPolicy.Default, observer: null));

        Assert.AreEqual(AwsConfigurationProblem.Credentials, error.Problem);
        StringAssert.StartsWith(error.Message, "No AWS credentials found; tried, in AWSSDK.Core's order: environment variables");
        Assert.IsFalse(error.Message.Contains('\n') || error.Message.Contains('\r'), error.Message);
        Assert.IsFalse(error.Message.Contains("Exception", StringComparison.Ordinal), error.Message);
    }

    [TestMethod]
    public void A_real_build_with_a_region_typo_logs_one_LMB0313_line_and_sends_nothing()
    {
        using var proxy = FaultProxy.Start(Aws.Moto.Endpoint);
        var environment = new Dictionary<string, string?>(Aws.BuildEnvironment) { ["AWS_ENDPOINT_URL"] = proxy.Endpoint };

        var plan = _project!.Build(environment, "-p:LambadaPlan=true", "-p:LambadaRegion=us-esat-1");

        Assert.AreNotEqual(0, plan.ExitCode, plan.ToString());
        var errors = DistinctErrorLines(plan);
        Assert.HasCount(1, errors, plan.ToString());
        StringAssert.Contains(errors[0],
            "error LMB0313: RegionProbe: The AWS region 'us-esat-1' (from LambadaRegion) is not an AWS region; did you mean us-east-1?");
        Assert.IsEmpty(proxy.Requests, string.Join("\n", proxy.Requests));
    }

    [TestMethod]
    public void A_real_build_with_a_region_list_in_AWS_REGION_logs_one_LMB0314_line_and_sends_nothing()
    {
        using var proxy = FaultProxy.Start(Aws.Moto.Endpoint);
        var environment = new Dictionary<string, string?>(Aws.BuildEnvironment) { ["AWS_ENDPOINT_URL"] = proxy.Endpoint, ["AWS_REGION"] = "us-east-1;eu-west-1" };

        var plan = _project!.Build(environment, "-p:LambadaPlan=true");

        Assert.AreNotEqual(0, plan.ExitCode, plan.ToString());
        var errors = DistinctErrorLines(plan);
        Assert.HasCount(1, errors, plan.ToString());
        StringAssert.Contains(errors[0],
            "error LMB0314: RegionProbe: The AWS region 'us-east-1;eu-west-1' (from AWS_REGION) looks like a list; one region is expected, such as us-east-1.");
        Assert.IsEmpty(proxy.Requests, string.Join("\n", proxy.Requests));
    }

    [TestMethod]
    public void A_real_build_without_credentials_logs_exactly_one_LMB0308_line()
    {
        using var empty = new TempDirectory("no-credentials");
        File.WriteAllText(empty.File("credentials"), "");
        File.WriteAllText(empty.File("config"), "");
        var environment = new Dictionary<string, string?>
        {
            ["AWS_ACCESS_KEY_ID"] = null,
            ["AWS_SECRET_ACCESS_KEY"] = null,
            ["AWS_SESSION_TOKEN"] = null,
            ["AWS_PROFILE"] = null,
            ["AWS_WEB_IDENTITY_TOKEN_FILE"] = null,
            ["AWS_ROLE_ARN"] = null,
            ["AWS_CONTAINER_CREDENTIALS_RELATIVE_URI"] = null,
            ["AWS_CONTAINER_CREDENTIALS_FULL_URI"] = null,
            ["AWS_SHARED_CREDENTIALS_FILE"] = empty.File("credentials"),
            ["AWS_CONFIG_FILE"] = empty.File("config"),
            ["AWS_EC2_METADATA_DISABLED"] = "true",
            ["AWS_REGION"] = "us-east-1",
            ["AWS_ENDPOINT_URL"] = Aws.Moto.Endpoint,
        };

        var plan = _project!.Build(environment, "-p:LambadaPlan=true");

        Assert.AreNotEqual(0, plan.ExitCode, plan.ToString());
        var errors = DistinctErrorLines(plan);
        Assert.HasCount(1, errors, plan.ToString());
        StringAssert.Contains(errors[0], "error LMB0308: RegionProbe: No AWS credentials found; tried, in AWSSDK.Core's order: environment variables (AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY not set); ");
        StringAssert.Contains(errors[0], $"profile 'default' in {empty.File("credentials")} (AWS_SHARED_CREDENTIALS_FILE) and {empty.File("config")} (AWS_CONFIG_FILE) (not found); ");
        StringAssert.Contains(errors[0], "EC2 instance metadata (off: AWS_EC2_METADATA_DISABLED=true). Set AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY, ");
        StringAssert.Contains(errors[0], ". Nothing was changed. — set credentials");
    }

    private static DeployResult Deploy(FaultProxy proxy, string region, string function)
    {
        using var deploy = new InProcessDeploy(Aws.Moto, "RegionProbe");
        string? Environment(string name) => name switch
        {
            "AWS_ENDPOINT_URL" => proxy.Endpoint,
            "AWS_REGION" => region,
            _ => deploy.Environment(name),
        };
        return deploy.Run([InProcessDeploy.Function(function)], Environment);
    }

    /// <summary>Every distinct line MSBuild printed as an error: the console logger repeats each error once after "Build FAILED.".</summary>
    private static List<string> DistinctErrorLines(ProcessResult build) => build.Output.Split('\n')
        .Where(line => line.Contains(": error ", StringComparison.Ordinal) || line.Contains("error LMB", StringComparison.Ordinal))
        .Select(line => line.TrimEnd('\r')).Distinct().ToList();
}
