using Lambada.Build.Deployment;
using Lambada.Build.Deployment.Triggers;
using Lambada.Build.Model;
using Lambada.Testing;

namespace Lambada.Tests.Deployment;

/// <summary>The trigger part of LAMBADA_SETTINGS, the report's URL and route lines, and the deploy record's trigger part.</summary>
[TestClass]
public sealed class TriggerDigestAndReportTests
{
    [TestMethod]
    public void A_function_without_triggers_keeps_the_digest_earlier_versions_wrote()
    {
        // sha256("tag:lambada:project=Project\ntag:team=core\nconcurrency:\nalias:\n"), first 16 hex digits: the digest before triggers existed.
        var digest = DesiredFunction.From(TriggerPlannerTests.Function("fn"), "Project", httpApiName: "Api").Environment["LAMBADA_SETTINGS"];

        Assert.AreEqual("dd30cffa51d17140", digest);
    }

    [TestMethod]
    public void Every_trigger_setting_changes_the_digest()
    {
        var url = new FunctionUrlDefinition { AuthType = FunctionUrlDefinition.AwsIam };
        var route = new HttpRouteDefinition { RouteKey = "GET /x" };
        var variants = new[]
        {
            TriggerPlannerTests.Function("fn"),
            TriggerPlannerTests.Function("fn", url: url),
            TriggerPlannerTests.Function("fn", url: url with { AuthType = FunctionUrlDefinition.None }),
            TriggerPlannerTests.Function("fn", url: url with { InvokeMode = FunctionUrlDefinition.ResponseStream }),
            TriggerPlannerTests.Function("fn", url: url with { Cors = new UrlCors { AllowOrigins = ["https://a.example"] } }),
            TriggerPlannerTests.Function("fn", url: url with { Cors = new UrlCors { AllowOrigins = ["https://a.example"], MaxAge = 60 } }),
            TriggerPlannerTests.Function("fn", routes: [route]),
            TriggerPlannerTests.Function("fn", routes: [route with { AuthorizationType = HttpRouteDefinition.None }]),
            TriggerPlannerTests.Function("fn", routes: [route with { RouteKey = "POST /x" }]),
        };

        var digests = variants.Select(v => DesiredFunction.From(v, "Project", "Api").Environment["LAMBADA_SETTINGS"]).ToList();
        var otherApi = DesiredFunction.From(variants[6], "Project", "OtherApi").Environment["LAMBADA_SETTINGS"];

        Assert.AreEqual(digests.Count, digests.Distinct().Count(), string.Join(", ", digests));
        Assert.AreNotEqual(digests[6], otherApi, "the API's name is part of a routed function's digest");
        Assert.AreEqual(digests[1], DesiredFunction.From(variants[1], "Project", "OtherApi").Environment["LAMBADA_SETTINGS"],
            "a function with only a URL does not depend on the API's name");
    }

    [TestMethod]
    public void The_report_names_each_URL_and_each_route_with_its_invoke_URL_function_and_auth()
    {
        var functions = new[]
        {
            TriggerPlannerTests.Function("lb_y", routes: [new HttpRouteDefinition { RouteKey = "GET /runtime", AuthorizationType = "NONE" }, new HttpRouteDefinition { RouteKey = "$default" }]),
            TriggerPlannerTests.Function("lb_x", url: new FunctionUrlDefinition()),
        };

        var lines = TriggerReport.Format(functions, new Dictionary<string, string> { ["lb_x"] = "https://u1.lambda-url.eu-west-1.on.aws/" }, null, "a1b2",
            "eu-west-1", ApiPlan.None, new HashSet<string>());

        CollectionAssert.AreEqual(new[]
        {
            "lb_x  url  https://u1.lambda-url.eu-west-1.on.aws/  AWS_IAM",
            "$default      https://a1b2.execute-api.eu-west-1.amazonaws.com/         -> lb_y  AWS_IAM",
            "GET /runtime  https://a1b2.execute-api.eu-west-1.amazonaws.com/runtime  -> lb_y  NONE",
        }, lines.ToArray());
    }

    [TestMethod]
    public void A_plan_names_the_API_changes_and_a_URL_not_made_yet_and_a_failed_function_has_no_line()
    {
        var plan = new ApiPlan("Api", [new ApiChange(ApiStepKind.CreateApi, "http api Api: new")], []);
        var functions = new[] { TriggerPlannerTests.Function("lb_new", url: new FunctionUrlDefinition()), TriggerPlannerTests.Function("lb_bad", url: new FunctionUrlDefinition()) };

        var lines = TriggerReport.Format(functions, new Dictionary<string, string>(), null, null, "us-east-1", plan, new HashSet<string> { "lb_bad" });

        CollectionAssert.AreEqual(new[] { "http api Api: new", $"lb_new  url  {TriggerReport.NotYetKnown}  AWS_IAM" }, lines.ToArray());
    }

    [TestMethod]
    public void A_record_written_before_triggers_reads_without_them_and_the_trigger_part_round_trips()
    {
        using var directory = new TempDirectory("deploy-record");
        var path = Path.Combine(directory.Path, "a.deployed.us-east-1.json");
        File.WriteAllText(path, """{ "Functions": ["b", "a"] }""");

        var old = DeployRecord.ReadContent(path);
        DeployRecord.Write(path, new DeployRecord.Content(["a", "b"])
        {
            Triggered = ["a"],
            Urls = new Dictionary<string, string> { ["a"] = "https://u/" },
            HttpApi = "Api",
        });
        var written = DeployRecord.ReadContent(path);
        DeployRecord.Write(path, ["a", "b", "c"]);

        CollectionAssert.AreEqual(new[] { "b", "a" }, old.Functions.ToArray());
        Assert.IsNull(old.Urls);
        Assert.AreEqual("https://u/", written.Urls!["a"]);
        Assert.AreEqual("Api", written.HttpApi);
        Assert.AreEqual("Api", DeployRecord.ReadContent(path).HttpApi, "a names-only write keeps the trigger part");
        CollectionAssert.AreEqual(new[] { "a", "b", "c" }, DeployRecord.Read(path).ToArray());
    }
}
