using System.Text.Json;
using Lambada.Build;
using Lambada.Build.Deployment;
using Lambada.Build.Model;
using Lambada.Testing;

using OutcomeKind = Lambada.Build.Deployment.OutcomeKind;

namespace Lambada.Tests.Deployment;

/// <summary>
/// Function URLs, HTTP API routes and their statements deployed to moto through <see cref="FunctionDeploy"/>, read back with
/// the AWS CLI; moto's gaps (raw condition keys, no 409 on a second URL create) are covered by the requests sent (moto's log).
/// </summary>
[TestClass]
public sealed class HttpTriggerDeployTests
{
    private static DeployFixture? _fixture;

    private static DeployFixture Aws => _fixture!;

    [ClassInitialize]
    public static void Start(TestContext _) => _fixture = new DeployFixture();

    [ClassCleanup]
    public static void Stop() => _fixture?.Dispose();

    [TestMethod]
    public void Urls_routes_and_exactly_the_Lambada_statements_are_created_then_a_second_deploy_is_one_list_and_one_GetApis()
    {
        using var deploy = new TriggerDeploy(Aws, "HttpCreate", "HttpCreateApi");
        var publicFn = Http("hc_public", url: FunctionUrlDefinition.None, routes: [("GET /runtime", HttpRouteDefinition.None)]);
        var privateFn = Http("hc_private", url: FunctionUrlDefinition.AwsIam, routes: [("POST /orders/{id}", HttpRouteDefinition.AwsIam)]);

        var first = deploy.Run([publicFn, privateFn]);
        var mark = MotoRequestLog.Mark(Aws.Moto);
        var second = deploy.Run([publicFn, privateFn]);
        var secondRequests = MotoRequestLog.Since(Aws.Moto, mark);

        var context = string.Join("\n", first.Table.Concat(first.Diagnostics.Select(d => d.ToString())).Concat(deploy.Log.Lines));
        Assert.IsTrue(first.Succeeded, context);
        Assert.IsTrue(first.Result!.Outcomes.All(o => o.Kind == OutcomeKind.Created), context);
        var api = Api("HttpCreateApi");
        Assert.AreEqual("HttpCreate", api.GetProperty("Tags").GetProperty("lambada:project").GetString(), context);
        var apiId = api.GetProperty("ApiId").GetString()!;
        var integrations = Items(Aws.Moto.Aws("apigatewayv2", "get-integrations", "--api-id", apiId));
        Assert.HasCount(2, integrations, context);
        foreach (var integration in integrations)
        {
            Assert.AreEqual("AWS_PROXY", integration.GetProperty("IntegrationType").GetString());
            Assert.AreEqual("2.0", integration.GetProperty("PayloadFormatVersion").GetString());
        }
        var integrationOf = integrations.ToDictionary(i => i.GetProperty("IntegrationUri").GetString()!, i => i.GetProperty("IntegrationId").GetString()!);
        var routes = Items(Aws.Moto.Aws("apigatewayv2", "get-routes", "--api-id", apiId))
            .ToDictionary(r => r.GetProperty("RouteKey").GetString()!, r => (Target: r.GetProperty("Target").GetString(), Auth: r.GetProperty("AuthorizationType").GetString()));
        CollectionAssert.AreEquivalent(new[] { "GET /runtime", "POST /orders/{id}" }, routes.Keys.ToArray());
        Assert.AreEqual(("integrations/" + integrationOf[Arn("hc_public")], "NONE"), routes["GET /runtime"]);
        Assert.AreEqual(("integrations/" + integrationOf[Arn("hc_private")], "AWS_IAM"), routes["POST /orders/{id}"]);
        var stage = Items(Aws.Moto.Aws("apigatewayv2", "get-stages", "--api-id", apiId)).Single();
        Assert.AreEqual("$default", stage.GetProperty("StageName").GetString());
        Assert.IsTrue(stage.GetProperty("AutoDeploy").GetBoolean());

        Assert.AreEqual("NONE", UrlConfig("hc_public").GetProperty("AuthType").GetString());
        Assert.AreEqual("AWS_IAM", UrlConfig("hc_private").GetProperty("AuthType").GetString());
        var sourceArn = $"arn:aws:execute-api:{MotoServer.Region}:{DeployFixture.Account}:{apiId}/*/*";
        var publicStatements = Statements("hc_public");
        CollectionAssert.AreEquivalent(new[] { "LambadaHttpApi", "LambadaUrlInvoke", "LambadaUrlPublic" }, publicStatements.Keys.ToArray());
        Assert.AreEqual("lambda:InvokeFunctionUrl", publicStatements["LambadaUrlPublic"].GetProperty("Action").GetString());
        Assert.AreEqual("*", Principal(publicStatements["LambadaUrlPublic"]));
        Assert.AreEqual("lambda:InvokeFunction", publicStatements["LambadaUrlInvoke"].GetProperty("Action").GetString());
        Assert.AreEqual("*", Principal(publicStatements["LambadaUrlInvoke"]));
        Assert.AreEqual("apigateway.amazonaws.com", Principal(publicStatements["LambadaHttpApi"]));
        StringAssert.Contains(publicStatements["LambadaHttpApi"].GetProperty("Condition").GetRawText(), sourceArn);
        CollectionAssert.AreEquivalent(new[] { "LambadaHttpApi" }, Statements("hc_private").Keys.ToArray(), "an AWS_IAM URL gets no statement");

        Assert.IsTrue(second.Succeeded, string.Join("\n", second.Table));
        Assert.IsTrue(second.Result!.Outcomes.All(o => o.Kind == OutcomeKind.Unchanged), string.Join("\n", second.Table));
        CollectionAssert.AreEqual(new[] { "GET /2015-03-31/functions", "GET /v2/apis" },
            secondRequests.Select(r => $"{r.Method} {r.Path.Split('?')[0]}").ToArray(), string.Join("\n", secondRequests));
        Assert.AreEqual(0, second.Result.MutatingRequests);
        Assert.AreEqual(2, second.Result.Requests);
        var urlLine = second.Table.Single(l => l.StartsWith("hc_private", StringComparison.Ordinal) && l.Contains(" url ", StringComparison.Ordinal));
        StringAssert.Contains(urlLine, UrlConfig("hc_private").GetProperty("FunctionUrl").GetString()!);
        StringAssert.EndsWith(urlLine, "AWS_IAM");
        var routeLine = second.Table.Single(l => l.StartsWith("GET /runtime", StringComparison.Ordinal));
        var endpoint = api.TryGetProperty("ApiEndpoint", out var given) ? given.GetString()! : $"https://{apiId}.execute-api.{MotoServer.Region}.amazonaws.com";
        Assert.AreEqual($"GET /runtime {endpoint}/runtime -> hc_public NONE", string.Join(' ', routeLine.Split(' ', StringSplitOptions.RemoveEmptyEntries)));
        StringAssert.Contains(routeLine, apiId);
    }

    [TestMethod]
    public void A_URL_alone_costs_an_unchanged_redeploy_no_request_beyond_the_list_and_the_report_still_names_it()
    {
        using var deploy = new TriggerDeploy(Aws, "HttpUrlOnly", null);
        var function = Http("hu_only", url: FunctionUrlDefinition.AwsIam);
        var first = deploy.Run([function]);
        var mark = MotoRequestLog.Mark(Aws.Moto);

        var second = deploy.Run([function]);
        var requests = MotoRequestLog.Since(Aws.Moto, mark);

        Assert.IsTrue(first.Succeeded, string.Join("\n", first.Table.Concat(first.Diagnostics.Select(d => d.ToString()))));
        CollectionAssert.AreEqual(new[] { "GET /2015-03-31/functions" }, requests.Select(r => $"{r.Method} {r.Path.Split('?')[0]}").ToArray(), string.Join("\n", requests));
        var url = UrlConfig("hu_only").GetProperty("FunctionUrl").GetString()!;
        CollectionAssert.Contains(second.Table.ToList(), $"hu_only  url  {url}  AWS_IAM", string.Join("\n", second.Table));
    }

    [TestMethod]
    public void A_public_URL_made_AWS_IAM_loses_both_statements_and_a_CORS_change_is_one_UpdateFunctionUrlConfig()
    {
        using var deploy = new TriggerDeploy(Aws, "HttpChange", null);
        var open = Http("hx_url", url: FunctionUrlDefinition.None);
        Assert.IsTrue(deploy.Run([open]).Succeeded);

        var mark = MotoRequestLog.Mark(Aws.Moto);
        var closed = open with { Url = new FunctionUrlDefinition { AuthType = FunctionUrlDefinition.AwsIam } };
        var toIam = deploy.Run([closed]);
        var iamRequests = MotoRequestLog.Since(Aws.Moto, mark);
        mark = MotoRequestLog.Mark(Aws.Moto);
        var withCors = closed with { Url = closed.Url! with { Cors = new UrlCors { AllowOrigins = ["https://a.example"] } } };
        var cors = deploy.Run([withCors]);
        var corsRequests = MotoRequestLog.Since(Aws.Moto, mark);

        var context = string.Join("\n", toIam.Table.Concat(iamRequests.Select(r => r.ToString())));
        Assert.IsTrue(toIam.Succeeded, context);
        StringAssert.Contains(toIam.Table[1], "url: NONE -> AWS_IAM", context);
        StringAssert.Contains(toIam.Table[1], "permission LambadaUrlPublic: remove", context);
        CollectionAssert.IsSubsetOf(new[]
        {
            "PUT /2021-10-31/functions/hx_url/url",
            "DELETE /2015-03-31/functions/hx_url/policy/LambadaUrlPublic",
            "DELETE /2015-03-31/functions/hx_url/policy/LambadaUrlInvoke",
        }, Mutations(iamRequests).ToArray(), context);
        Assert.AreEqual("AWS_IAM", UrlConfig("hx_url").GetProperty("AuthType").GetString());
        Assert.AreEqual(0, Statements("hx_url").Count, context);

        Assert.IsTrue(cors.Succeeded, string.Join("\n", cors.Table));
        StringAssert.Contains(cors.Table[1], "url.cors.allowOrigins: [] -> [https://a.example]", string.Join("\n", cors.Table));
        Assert.AreEqual(1, Mutations(corsRequests).Count(m => m == "PUT /2021-10-31/functions/hx_url/url"), string.Join("\n", corsRequests));
        Assert.IsFalse(Mutations(corsRequests).Any(m => m.Contains("/policy", StringComparison.Ordinal)), string.Join("\n", corsRequests));
        Assert.AreEqual("https://a.example", UrlConfig("hx_url").GetProperty("Cors").GetProperty("AllowOrigins")[0].GetString());
    }

    [TestMethod]
    public void A_route_moved_to_another_function_is_patched_to_the_new_integration()
    {
        using var deploy = new TriggerDeploy(Aws, "HttpMove", "HttpMoveApi");
        var origin = Http("hm_from", routes: [("GET /x", HttpRouteDefinition.None)]);
        var target = Http("hm_to");
        Assert.IsTrue(deploy.Run([origin, target]).Succeeded);
        var apiId = Api("HttpMoveApi").GetProperty("ApiId").GetString()!;
        var routeId = Items(Aws.Moto.Aws("apigatewayv2", "get-routes", "--api-id", apiId)).Single().GetProperty("RouteId").GetString()!;

        var mark = MotoRequestLog.Mark(Aws.Moto);
        var moved = deploy.Run([origin with { Routes = [] }, target with { Routes = origin.Routes }]);
        var requests = MotoRequestLog.Since(Aws.Moto, mark);

        var context = string.Join("\n", moved.Table.Concat(moved.Diagnostics.Select(d => d.ToString())).Concat(requests.Select(r => r.ToString())));
        Assert.IsTrue(moved.Succeeded, context);
        CollectionAssert.Contains(Mutations(requests).ToList(), $"PATCH /v2/apis/{apiId}/routes/{routeId}", context);
        Assert.IsFalse(Mutations(requests).Any(m => m.StartsWith($"POST /v2/apis/{apiId}/routes", StringComparison.Ordinal)), context);
        var integration = Items(Aws.Moto.Aws("apigatewayv2", "get-integrations", "--api-id", apiId))
            .Single(i => i.GetProperty("IntegrationUri").GetString() == Arn("hm_to")).GetProperty("IntegrationId").GetString();
        var route = Items(Aws.Moto.Aws("apigatewayv2", "get-routes", "--api-id", apiId)).Single();
        Assert.AreEqual("integrations/" + integration, route.GetProperty("Target").GetString(), context);
        StringAssert.Contains(string.Join("\n", moved.Table), "route GET /x: hm_from -> hm_to", context);
        CollectionAssert.AreEquivalent(new[] { "LambadaHttpApi" }, Statements("hm_to").Keys.ToArray(), context);
        Assert.AreEqual(0, Statements("hm_from").Count, "the function without a route loses the API's statement: " + context);
    }

    [TestMethod]
    public void Without_prune_dropped_triggers_are_left_and_named_with_prune_routes_URL_statements_integrations_and_the_API_go()
    {
        using var deploy = new TriggerDeploy(Aws, "HttpPrune", "HttpPruneApi");
        var full = Http("hp_fn", url: FunctionUrlDefinition.None, routes: [("GET /a", HttpRouteDefinition.None)]);
        Assert.IsTrue(deploy.Run([full]).Succeeded);
        var apiId = Api("HttpPruneApi").GetProperty("ApiId").GetString()!;
        var bare = full with { Url = null, Routes = [] };

        var mark = MotoRequestLog.Mark(Aws.Moto);
        var kept = new TriggerDeploy(Aws, "HttpPrune", null, deploy).Run([bare]);
        var keptRequests = MotoRequestLog.Since(Aws.Moto, mark);
        var keptStatements = Statements("hp_fn").Keys.ToArray();
        mark = MotoRequestLog.Mark(Aws.Moto);
        var keptAgain = new TriggerDeploy(Aws, "HttpPrune", null, deploy).Run([bare]);
        var keptAgainRequests = MotoRequestLog.Since(Aws.Moto, mark);
        mark = MotoRequestLog.Mark(Aws.Moto);
        var pruned = new TriggerDeploy(Aws, "HttpPrune", null, deploy).Run([bare], prune: true);
        var prunedRequests = MotoRequestLog.Since(Aws.Moto, mark);

        var context = string.Join("\n", kept.Table.Concat(deploy.Log.Lines).Concat(keptRequests.Select(r => r.ToString())));
        Assert.IsTrue(kept.Succeeded, context);
        Assert.IsFalse(keptRequests.Any(r => r.Method == "DELETE"), "without LambadaPrune nothing trigger-related is deleted: " + context);
        Assert.IsTrue(deploy.Log.Warnings.Any(w => w.StartsWith("LMB0322 hp_fn: its function URL", StringComparison.Ordinal) && w.Contains("open to anyone", StringComparison.Ordinal)), context);
        Assert.IsTrue(deploy.Log.Warnings.Any(w => w.StartsWith("LMB0321", StringComparison.Ordinal) && w.Contains("HttpPruneApi", StringComparison.Ordinal)), context);
        CollectionAssert.AreEquivalent(new[] { "LambadaHttpApi", "LambadaUrlInvoke", "LambadaUrlPublic" }, keptStatements, context);
        Assert.IsTrue(keptAgain.Succeeded, context);
        Assert.AreEqual(2, deploy.Log.Warnings.Count(w => w.StartsWith("LMB0322 hp_fn", StringComparison.Ordinal)),
            "the public URL left behind is named again on the next deploy, from the record: " + context);
        CollectionAssert.AreEqual(new[] { "GET /2015-03-31/functions" }, keptAgainRequests.Select(r => $"{r.Method} {r.Path.Split('?')[0]}").ToArray(),
            "and at no request: " + string.Join("\n", keptAgainRequests));

        context = string.Join("\n", pruned.Table.Concat(pruned.Diagnostics.Select(d => d.ToString())).Concat(prunedRequests.Select(r => r.ToString())));
        Assert.IsTrue(pruned.Succeeded, context);
        CollectionAssert.IsSubsetOf(new[]
        {
            "DELETE /2021-10-31/functions/hp_fn/url",
            "DELETE /2015-03-31/functions/hp_fn/policy/LambadaUrlPublic",
            "DELETE /2015-03-31/functions/hp_fn/policy/LambadaUrlInvoke",
            "DELETE /2015-03-31/functions/hp_fn/policy/LambadaHttpApi",
            $"DELETE /v2/apis/{apiId}",
        }, Mutations(prunedRequests).ToArray(), context);
        Assert.AreEqual(0, Json(Aws.Moto.Aws("apigatewayv2", "get-apis")).GetProperty("Items").EnumerateArray().Count(a => a.GetProperty("Name").GetString() == "HttpPruneApi"), context);
        Assert.AreNotEqual(0, Aws.Moto.Aws("lambda", "get-function-url-config", "--function-name", "hp_fn").ExitCode, "the URL is gone");
    }

    [TestMethod]
    public void A_dropped_route_is_deleted_by_prune_with_its_integration_while_the_API_keeps_the_routes_still_declared()
    {
        using var deploy = new TriggerDeploy(Aws, "HttpRoutePrune", "HttpRoutePruneApi");
        var kept = Http("hr_kept", routes: [("GET /kept", HttpRouteDefinition.AwsIam)]);
        var dropped = Http("hr_dropped", routes: [("GET /dropped", HttpRouteDefinition.AwsIam)]);
        Assert.IsTrue(deploy.Run([kept, dropped]).Succeeded);
        var apiId = Api("HttpRoutePruneApi").GetProperty("ApiId").GetString()!;

        var left = deploy.Run([kept, dropped with { Routes = [] }]);
        var routesLeft = Items(Aws.Moto.Aws("apigatewayv2", "get-routes", "--api-id", apiId)).Select(r => r.GetProperty("RouteKey").GetString()).ToArray();
        var statementsLeft = Statements("hr_dropped").Keys.ToArray();
        deploy.Run([kept, dropped with { Routes = [] }]);
        var mark = MotoRequestLog.Mark(Aws.Moto);
        var pruned = deploy.Run([kept, dropped with { Routes = [] }], prune: true);
        var requests = MotoRequestLog.Since(Aws.Moto, mark);

        Assert.IsTrue(left.Succeeded, string.Join("\n", left.Table));
        CollectionAssert.AreEquivalent(new[] { "GET /kept", "GET /dropped" }, routesLeft, "without LambadaPrune the route stays");
        CollectionAssert.AreEqual(new[] { "LambadaHttpApi" }, statementsLeft, "and so does the statement it calls through");
        Assert.IsTrue(deploy.Log.Warnings.Any(w => w.StartsWith("LMB0321", StringComparison.Ordinal) && w.Contains("route GET /dropped -> hr_dropped", StringComparison.Ordinal)),
            string.Join("\n", deploy.Log.Lines));
        var context = string.Join("\n", pruned.Table.Concat(pruned.Diagnostics.Select(d => d.ToString())).Concat(requests.Select(r => r.ToString())));
        Assert.IsTrue(pruned.Succeeded, context);
        CollectionAssert.AreEqual(new[] { "GET /kept" }, Items(Aws.Moto.Aws("apigatewayv2", "get-routes", "--api-id", apiId)).Select(r => r.GetProperty("RouteKey").GetString()).ToArray(), context);
        CollectionAssert.AreEqual(new[] { Arn("hr_kept") },
            Items(Aws.Moto.Aws("apigatewayv2", "get-integrations", "--api-id", apiId)).Select(i => i.GetProperty("IntegrationUri").GetString()).ToArray(), context);
        Assert.IsFalse(Mutations(requests).Contains($"DELETE /v2/apis/{apiId}"), context);
        Assert.AreEqual(0, Statements("hr_dropped").Count, context);
    }

    [TestMethod]
    public void A_plan_names_the_API_the_URL_the_routes_and_the_statements_and_changes_nothing()
    {
        using var deploy = new TriggerDeploy(Aws, "HttpPlan", "HttpPlanApi");
        var function = Http("hl_fn", url: FunctionUrlDefinition.AwsIam, routes: [("ANY /{proxy+}", HttpRouteDefinition.None)]);

        var mark = MotoRequestLog.Mark(Aws.Moto);
        var plan = deploy.Run([function], planOnly: true);
        var requests = MotoRequestLog.Since(Aws.Moto, mark);

        var context = string.Join("\n", plan.Table.Concat(requests.Select(r => r.ToString())));
        Assert.IsTrue(plan.Succeeded, context);
        StringAssert.Contains(plan.Table[1], "create", context);
        StringAssert.EndsWith(plan.Table[1], "new function; url: none -> AWS_IAM; integration: new (AWS_PROXY, payload 2.0); route ANY /{proxy+}: new (NONE); permission LambadaHttpApi: add", context);
        CollectionAssert.Contains(plan.Table.ToList(), "http api HttpPlanApi: new; stage $default: new (auto-deploy)", context);
        Assert.AreEqual(0, requests.Count(r => r.Mutates && r.Path != "/"), context);
        Assert.IsFalse(Json(Aws.Moto.Aws("apigatewayv2", "get-apis")).GetProperty("Items").EnumerateArray().Any(a => a.GetProperty("Name").GetString() == "HttpPlanApi"), context);
    }

    [TestMethod]
    public void A_statement_removed_by_hand_is_not_seen_by_an_unchanged_redeploy_but_LambadaFullRead_puts_it_back()
    {
        using var deploy = new TriggerDeploy(Aws, "HttpDrift", "HttpDriftApi");
        var function = Http("hd_fn", url: FunctionUrlDefinition.None, routes: [("GET /d", HttpRouteDefinition.None)]);
        Assert.IsTrue(deploy.Run([function]).Succeeded);
        DeployFixture.Check(Aws.Moto.Aws("lambda", "remove-permission", "--function-name", "hd_fn", "--statement-id", "LambadaUrlInvoke"));

        var blind = deploy.Run([function]);
        var mark = MotoRequestLog.Mark(Aws.Moto);
        var full = deploy.Run([function], fullRead: true);
        var requests = MotoRequestLog.Since(Aws.Moto, mark);

        Assert.IsTrue(blind.Result!.Outcomes.All(o => o.Kind == OutcomeKind.Unchanged), string.Join("\n", blind.Table));
        var context = string.Join("\n", full.Table.Concat(full.Diagnostics.Select(d => d.ToString())).Concat(requests.Select(r => r.ToString())));
        Assert.IsTrue(full.Succeeded, context);
        StringAssert.Contains(full.Table[1], "permission LambadaUrlInvoke: add", context);
        CollectionAssert.AreEqual(new[] { "POST /2015-03-31/functions/hd_fn/policy" }, Mutations(requests).ToArray(), "only the missing statement is added: " + context);
        CollectionAssert.AreEquivalent(new[] { "LambadaHttpApi", "LambadaUrlInvoke", "LambadaUrlPublic" }, Statements("hd_fn").Keys.ToArray(), context);
        CollectionAssert.IsSubsetOf(new[] { "GET /2021-10-31/functions/hd_fn/url", "GET /2015-03-31/functions/hd_fn/policy", "GET /v2/apis" },
            requests.Select(r => $"{r.Method} {r.Path.Split('?')[0]}").ToArray(), context);
    }

    [TestMethod]
    public void An_API_of_the_same_name_without_the_project_tag_stops_the_deploy_before_anything_changes()
    {
        DeployFixture.Check(Aws.Moto.Aws("apigatewayv2", "create-api", "--name", "HttpForeignApi", "--protocol-type", "HTTP"));
        using var deploy = new TriggerDeploy(Aws, "HttpForeign", "HttpForeignApi");

        var mark = MotoRequestLog.Mark(Aws.Moto);
        var outcome = deploy.Run([Http("hf_fn", routes: [("GET /f", HttpRouteDefinition.None)])]);
        var requests = MotoRequestLog.Since(Aws.Moto, mark);

        var error = outcome.Diagnostics.Single();
        Assert.AreEqual("LMB0320", error.Code, error.ToString());
        StringAssert.Contains(error.Message, "HttpForeignApi");
        // POST / is STS's GetCallerIdentity (resolving the new function's role), which changes nothing.
        Assert.AreEqual(0, requests.Count(r => r.Mutates && r.Path != "/"), string.Join("\n", requests));
        Assert.AreNotEqual(0, Aws.Moto.Aws("lambda", "get-function", "--function-name", "hf_fn").ExitCode, "no function was created");
    }

    private static List<string> Mutations(IEnumerable<MotoRequest> requests) =>
        requests.Where(r => r.Mutates).Select(r => $"{r.Method} {r.Path.Split('?')[0]}").ToList();

    private static string Arn(string function) => $"arn:aws:lambda:{MotoServer.Region}:{DeployFixture.Account}:function:{function}";

    private static FunctionDefinition Http(string name, string? url = null, (string Key, string Auth)[]? routes = null) => InProcessDeploy.Function(name) with
    {
        Url = url is null ? null : new FunctionUrlDefinition { AuthType = url },
        Routes = (routes ?? []).Select(r => new HttpRouteDefinition { RouteKey = r.Key, AuthorizationType = r.Auth }).ToList(),
    };

    private static JsonElement Api(string name) =>
        Json(Aws.Moto.Aws("apigatewayv2", "get-apis")).GetProperty("Items").EnumerateArray().Single(a => a.GetProperty("Name").GetString() == name);

    private static List<JsonElement> Items(ProcessResult result) => Json(result).GetProperty("Items").EnumerateArray().ToList();

    private static JsonElement UrlConfig(string function) => Json(Aws.Moto.Aws("lambda", "get-function-url-config", "--function-name", function));

    /// <summary>The function's statements by sid (none when it has no policy).</summary>
    private static Dictionary<string, JsonElement> Statements(string function)
    {
        var result = Aws.Moto.Aws("lambda", "get-policy", "--function-name", function);
        if (result.ExitCode != 0)
            return [];
        using var policy = JsonDocument.Parse(Json(result).GetProperty("Policy").GetString()!);
        return policy.RootElement.GetProperty("Statement").EnumerateArray().ToDictionary(s => s.GetProperty("Sid").GetString()!, s => s.Clone());
    }

    private static string? Principal(JsonElement statement) => statement.GetProperty("Principal") switch
    {
        { ValueKind: JsonValueKind.String } p => p.GetString(),
        var p when p.TryGetProperty("Service", out var service) => service.GetString(),
        var p => p.GetRawText(),
    };

    private static JsonElement Json(ProcessResult result) => DeployFixture.Json(result);

    /// <summary>A deploy of functions built in the test, with a manifest that names the API; later deploys share the first's package and record.</summary>
    private sealed class TriggerDeploy : IDisposable
    {
        private readonly InProcessDeploy _package;
        private readonly bool _owns;

        public TriggerDeploy(DeployFixture aws, string project, string? apiName, TriggerDeploy? sameDirectory = null)
        {
            _owns = sameDirectory is null;
            _package = sameDirectory?._package ?? new InProcessDeploy(aws.Moto, project);
            ApiName = apiName;
        }

        public string? ApiName { get; }
        public ListDeployLog Log => _package.Log;

        public FunctionDeploy.Outcome Run(IReadOnlyList<FunctionDefinition> functions, bool prune = false, bool fullRead = false, bool planOnly = false) =>
            FunctionDeploy.RunAsync(new FunctionDeploy.Request
            {
                Manifest = new FunctionsManifest
                {
                    Assembly = _package.Project,
                    TargetFramework = "net10.0",
                    Functions = functions,
                    HttpApiName = functions.Any(f => f.Routes.Count > 0) ? ApiName : null,
                },
                PackagePath = _package.PackagePath,
                CodeSha256 = _package.CodeSha256,
                Options = new DeployOptions { Project = _package.Project, Prune = prune, FullRead = fullRead, PlanOnly = planOnly },
                Environment = _package.Environment,
                Waits = InProcessDeploy.FastWaits,
            }, _package.Log, CancellationToken.None).GetAwaiter().GetResult();

        public void Dispose()
        {
            if (_owns)
                _package.Dispose();
        }
    }
}
