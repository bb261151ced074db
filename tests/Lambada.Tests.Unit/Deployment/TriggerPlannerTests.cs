using Lambada.Build.Aws.ApiGateway;
using Lambada.Build.Aws.Lambda;
using Lambada.Build.Deployment.Triggers;
using Lambada.Build.Model;

namespace Lambada.Tests.Deployment;

/// <summary>The trigger plan: each URL, route and statement change in the plan's words, and the steps behind them. Pure.</summary>
[TestClass]
public sealed class TriggerPlannerTests
{
    private const string Region = "us-east-1";
    private const string Account = "123456789012";
    private const string ApiId = "abc123";
    private static readonly string SourceArn = $"arn:aws:execute-api:{Region}:{Account}:{ApiId}/*/*";

    [TestMethod]
    public void A_new_public_URL_is_created_with_both_statements_and_an_AWS_IAM_URL_with_none()
    {
        var open = TriggerPlanner.Plan(Function("fn", url: Url(FunctionUrlDefinition.None)), Arn("fn"), FunctionTriggerState.Empty, Context());
        var closed = TriggerPlanner.Plan(Function("fn", url: Url(FunctionUrlDefinition.AwsIam)), Arn("fn"), FunctionTriggerState.Empty, Context());

        CollectionAssert.AreEqual(new[] { "url: none -> NONE", "permission LambadaUrlPublic: add", "permission LambadaUrlInvoke: add" }, Words(open));
        CollectionAssert.AreEqual(new[] { "url: none -> AWS_IAM" }, Words(closed));
        Assert.AreEqual(TriggerStepKind.CreateUrl, closed.Changes[0].Kind);
        Assert.AreEqual("AWS_IAM", closed.Changes[0].Url!.AuthType);
    }

    [TestMethod]
    public void A_URL_as_deployed_with_its_statements_in_place_plans_nothing_whatever_moto_writes_in_the_conditions()
    {
        var function = Function("fn", url: Url(FunctionUrlDefinition.None));
        // moto's InvokeMode spelling, and statements without the Condition block AWS would write.
        var state = new FunctionTriggerState(Remote(FunctionUrlDefinition.None) with { InvokeMode = "Buffered" },
            [Statement("LambadaUrlPublic", "lambda:InvokeFunctionUrl", "*"), Statement("LambadaUrlInvoke", "lambda:InvokeFunction", "*")]);

        var plan = TriggerPlanner.Plan(function, Arn("fn"), state, Context());

        Assert.IsFalse(plan.HasChanges, plan.Summary);
    }

    [TestMethod]
    public void A_public_URL_made_AWS_IAM_is_updated_and_loses_both_statements()
    {
        var state = new FunctionTriggerState(Remote(FunctionUrlDefinition.None),
            [Statement("LambadaUrlPublic", "lambda:InvokeFunctionUrl", "*"), Statement("LambadaUrlInvoke", "lambda:InvokeFunction", "*")]);

        var plan = TriggerPlanner.Plan(Function("fn", url: Url(FunctionUrlDefinition.AwsIam)), Arn("fn"), state, Context());

        CollectionAssert.AreEqual(new[] { "url: NONE -> AWS_IAM", "permission LambadaUrlPublic: remove", "permission LambadaUrlInvoke: remove" }, Words(plan));
        CollectionAssert.AreEqual(new[] { TriggerStepKind.UpdateUrl, TriggerStepKind.RemovePermission, TriggerStepKind.RemovePermission },
            plan.Changes.Select(c => c.Kind).ToArray());
    }

    [TestMethod]
    public void Each_CORS_field_that_differs_is_named_and_an_empty_CORS_equals_none()
    {
        var desired = new FunctionUrlSettings("AWS_IAM", "BUFFERED", new FunctionUrlCors
        {
            AllowOrigins = ["https://a.example"],
            AllowMethods = ["GET"],
            AllowCredentials = true,
            MaxAge = 300,
        });

        var differences = TriggerPlanner.UrlDifferences(desired, Remote("AWS_IAM") with { Cors = new FunctionUrlCors { AllowMethods = ["get"] } });
        var none = TriggerPlanner.UrlDifferences(new FunctionUrlSettings("AWS_IAM", "BUFFERED", null),
            Remote("AWS_IAM") with { Cors = new FunctionUrlCors { AllowOrigins = [], MaxAge = 0 } });

        CollectionAssert.AreEqual(new[]
        {
            "url.cors.allowOrigins: [] -> [https://a.example]",
            "url.cors.allowCredentials: false -> true",
            "url.cors.maxAge: 0 -> 300",
        }, differences.ToArray());
        Assert.AreEqual(0, none.Count, string.Join("; ", none));
    }

    [TestMethod]
    public void Invoke_mode_is_compared_without_case_and_named_when_it_differs()
    {
        var differences = TriggerPlanner.UrlDifferences(new FunctionUrlSettings("AWS_IAM", "RESPONSE_STREAM", null), Remote("AWS_IAM") with { InvokeMode = "Buffered" });

        CollectionAssert.AreEqual(new[] { "url.invokeMode: BUFFERED -> RESPONSE_STREAM" }, differences.ToArray());
    }

    [TestMethod]
    public void A_dropped_URL_is_deleted_with_its_statements_under_prune_and_otherwise_left_with_them_and_named()
    {
        var state = new FunctionTriggerState(Remote(FunctionUrlDefinition.None),
            [Statement("LambadaUrlPublic", "lambda:InvokeFunctionUrl", "*"), Statement("LambadaUrlInvoke", "lambda:InvokeFunction", "*"),
             Statement("SomeoneElses", "lambda:InvokeFunction", "s3.amazonaws.com")]);

        var pruned = TriggerPlanner.Plan(Function("fn"), Arn("fn"), state, Context(prune: true));
        var kept = TriggerPlanner.Plan(Function("fn"), Arn("fn"), state, Context());

        CollectionAssert.AreEqual(new[] { "url: NONE -> none (LambadaPrune)", "permission LambadaUrlPublic: remove", "permission LambadaUrlInvoke: remove" }, Words(pruned));
        Assert.IsFalse(kept.HasChanges, kept.Summary);
        StringAssert.Contains(kept.LeftInPlace.Single(), "open to anyone");
    }

    [TestMethod]
    public void Routes_on_a_new_API_get_an_integration_each_route_and_the_API_statement()
    {
        var function = Function("fn", routes: [Route("GET /b"), Route("GET /a", HttpRouteDefinition.None)]);

        var plan = TriggerPlanner.Plan(function, Arn("fn"), FunctionTriggerState.Empty, Context(api: ApiState.None, apiToBeCreated: true));

        CollectionAssert.AreEqual(new[]
        {
            "integration: new (AWS_PROXY, payload 2.0)", "route GET /a: new (NONE)", "route GET /b: new (AWS_IAM)", "permission LambadaHttpApi: add",
        }, Words(plan));
    }

    [TestMethod]
    public void A_route_another_function_serves_is_moved_and_an_auth_change_is_one_patch()
    {
        var api = Api([Integration("i-a", "fa"), Integration("i-b", "fb")], [new ApiRoute("r1", "GET /x") { Target = "integrations/i-a", AuthorizationType = "NONE" }]);

        var plan = TriggerPlanner.Plan(Function("fb", routes: [Route("GET /x")]), Arn("fb"),
            new FunctionTriggerState(null, [Statement("LambadaHttpApi", "lambda:InvokeFunction", Permissions.ApiGatewayPrincipal, SourceArn)]), Context(api: api));

        var change = plan.Changes.Single();
        Assert.AreEqual("route GET /x: fa -> fb, auth NONE -> AWS_IAM", change.Words);
        Assert.AreEqual(TriggerStepKind.UpdateRoute, change.Kind);
        Assert.AreEqual("r1", change.RouteId);
    }

    [TestMethod]
    public void The_function_a_route_left_loses_the_API_statement_once_no_route_of_it_is_left()
    {
        var api = Api([Integration("i-a", "fa"), Integration("i-b", "fb")], [new ApiRoute("r1", "GET /x") { Target = "integrations/i-b" }]);
        var state = new FunctionTriggerState(null, [Statement("LambadaHttpApi", "lambda:InvokeFunction", Permissions.ApiGatewayPrincipal, SourceArn)]);

        var plan = TriggerPlanner.Plan(Function("fa"), Arn("fa"), state, Context(api: api, declared: ["GET /x"]));

        CollectionAssert.AreEqual(new[] { "permission LambadaHttpApi: remove" }, Words(plan));
    }

    [TestMethod]
    public void An_API_statement_with_another_SourceArn_is_replaced_and_one_that_matches_is_never_added_again()
    {
        var api = Api([Integration("i-a", "fa")], [new ApiRoute("r1", "GET /x") { Target = "integrations/i-a", AuthorizationType = "AWS_IAM" }]);
        var stale = new FunctionTriggerState(null, [Statement("LambadaHttpApi", "lambda:InvokeFunction", Permissions.ApiGatewayPrincipal, "arn:aws:execute-api:us-east-1:123456789012:old/*/*")]);
        var current = new FunctionTriggerState(null, [Statement("LambadaHttpApi", "lambda:InvokeFunction", Permissions.ApiGatewayPrincipal, SourceArn)]);
        var function = Function("fa", routes: [Route("GET /x")]);

        var replaced = TriggerPlanner.Plan(function, Arn("fa"), stale, Context(api: api));
        var same = TriggerPlanner.Plan(function, Arn("fa"), current, Context(api: api));

        CollectionAssert.AreEqual(new[]
        {
            $"permission LambadaHttpApi: replace (SourceArn arn:aws:execute-api:us-east-1:123456789012:old/*/* -> {SourceArn})", "permission LambadaHttpApi: add",
        }, Words(replaced));
        Assert.IsFalse(same.HasChanges, same.Summary);
    }

    [TestMethod]
    public void The_API_is_created_with_its_stage_before_the_functions_and_undeclared_routes_are_pruned_after_with_unused_integrations()
    {
        var created = TriggerPlanner.PlanApi("Api", [Function("fa", routes: [Route("GET /x")])], Context(api: ApiState.None));
        var api = Api([Integration("i-a", "fa"), Integration("i-old", "gone")],
            [new ApiRoute("r1", "GET /x") { Target = "integrations/i-a" }, new ApiRoute("r2", "GET /old") { Target = "integrations/i-old" }]);
        var functions = new[] { Function("fa", routes: [Route("GET /x")]) };
        var pruned = TriggerPlanner.PlanApi("Api", functions, Context(api: api, prune: true, declared: ["GET /x"]));
        var kept = TriggerPlanner.PlanApi("Api", functions, Context(api: api, declared: ["GET /x"]));

        CollectionAssert.AreEqual(new[] { "http api Api: new", "stage $default: new (auto-deploy)" }, created.Before.Select(c => c.Words).ToArray());
        CollectionAssert.AreEqual(new[] { "route GET /old: delete (LambadaPrune)", "integration gone: delete (LambadaPrune, no route uses it)" },
            pruned.After.Select(c => c.Words).ToArray());
        Assert.AreEqual(0, kept.All.Count(), string.Join("; ", kept.All));
        CollectionAssert.AreEqual(new[] { "route GET /old -> gone" }, kept.LeftInPlace.ToArray());
    }

    [TestMethod]
    public void An_owned_API_no_route_declares_is_deleted_whole_under_prune_and_only_named_without()
    {
        var state = new ApiState(null, [new HttpApi("old1", "OldApi")]) { DetailsRead = true };

        var pruned = TriggerPlanner.PlanApi(null, [Function("fa")], Context(api: state, prune: true));
        var kept = TriggerPlanner.PlanApi(null, [Function("fa")], Context(api: state));

        Assert.AreEqual(ApiStepKind.DeleteApi, pruned.After.Single().Kind);
        Assert.AreEqual("old1", pruned.After.Single().ApiId);
        StringAssert.Contains(kept.LeftInPlace.Single(), "OldApi");
    }

    [TestMethod]
    public void The_permission_bodies_are_the_ones_AWS_documents()
    {
        Assert.AreEqual(new PermissionRequest("LambadaUrlPublic", "lambda:InvokeFunctionUrl", "*") { FunctionUrlAuthType = "NONE" },
            Permissions.Request(TriggerSettings.UrlPublicSid, null));
        Assert.AreEqual(new PermissionRequest("LambadaUrlInvoke", "lambda:InvokeFunction", "*") { InvokedViaFunctionUrl = true },
            Permissions.Request(TriggerSettings.UrlInvokeSid, null));
        Assert.AreEqual(new PermissionRequest("LambadaHttpApi", "lambda:InvokeFunction", "apigateway.amazonaws.com") { SourceArn = SourceArn },
            Permissions.Request(TriggerSettings.HttpApiSid, TriggerSettings.ApiSourceArn(Region, TriggerSettings.AccountOf(Arn("fn"))!, ApiId)));
    }

    [TestMethod]
    public void A_statement_matches_on_sid_action_principal_and_source_arn_only()
    {
        var wanted = Permissions.Request(TriggerSettings.HttpApiSid, SourceArn);

        Assert.IsTrue(Permissions.Matches(Statement("LambadaHttpApi", "lambda:InvokeFunction", "apigateway.amazonaws.com", SourceArn), wanted));
        Assert.IsFalse(Permissions.Matches(Statement("LambadaHttpApi", "lambda:InvokeFunction", "*", SourceArn), wanted));
        Assert.IsFalse(Permissions.Matches(Statement("LambadaHttpApi", "lambda:InvokeFunctionUrl", "apigateway.amazonaws.com", SourceArn), wanted));
        Assert.IsFalse(Permissions.Matches(Statement("Other", "lambda:InvokeFunction", "apigateway.amazonaws.com", SourceArn), wanted));
        Assert.IsFalse(Permissions.Matches(Statement("LambadaHttpApi", "lambda:InvokeFunction", "apigateway.amazonaws.com", SourceArn + "x"), wanted));
    }

    [TestMethod]
    [DataRow("arn:aws:lambda:us-east-1:123456789012:function:fn", "fn")]
    [DataRow("arn:aws:lambda:us-east-1:123456789012:function:fn:live", "fn")]
    [DataRow("arn:aws:apigateway:us-east-1:lambda:path/2015-03-31/functions/arn:aws:lambda:us-east-1:123456789012:function:fn/invocations", "fn")]
    [DataRow("https://example.com/backend", null)]
    public void The_function_of_an_integration_URI_is_read_from_either_form(string uri, string? function) =>
        Assert.AreEqual(function, TriggerSettings.FunctionOf(uri));

    private static string[] Words(TriggerPlan plan) => plan.Changes.Select(c => c.Words).ToArray();

    private static string Arn(string name) => $"arn:aws:lambda:{Region}:{Account}:function:{name}";

    private static TriggerContext Context(ApiState? api = null, bool prune = false, string[]? declared = null, bool apiToBeCreated = false) =>
        new(Region, api ?? Api([], []), (declared ?? []).ToHashSet(StringComparer.Ordinal), prune) { ApiToBeCreated = apiToBeCreated };

    private static ApiState Api(IReadOnlyList<ApiIntegration> integrations, IReadOnlyList<ApiRoute> routes) =>
        new(new HttpApi(ApiId, "Api"), []) { Integrations = integrations, Routes = routes, Stages = [new ApiStage("$default") { AutoDeploy = true }], DetailsRead = true };

    private static ApiIntegration Integration(string id, string function) =>
        new(id) { IntegrationType = "AWS_PROXY", PayloadFormatVersion = "2.0", IntegrationUri = Arn(function) };

    private static PolicyStatement Statement(string sid, string action, string principal, string? sourceArn = null) =>
        new(sid) { Action = action, Principal = principal, SourceArn = sourceArn };

    private static FunctionUrlConfig Remote(string auth) => new() { FunctionUrl = "https://u.lambda-url.us-east-1.on.aws/", AuthType = auth, InvokeMode = "BUFFERED" };

    private static FunctionUrlDefinition Url(string auth) => new() { AuthType = auth };

    private static HttpRouteDefinition Route(string key, string auth = HttpRouteDefinition.AwsIam) => new() { RouteKey = key, AuthorizationType = auth };

    internal static FunctionDefinition Function(string name, FunctionUrlDefinition? url = null, HttpRouteDefinition[]? routes = null) => new()
    {
        Name = name,
        Method = "Ns.Type::" + name,
        Handler = "Asm",
        MemorySize = 512,
        Timeout = 30,
        Role = "lambda_basic_execution",
        Description = "",
        Runtime = "dotnet10",
        Architecture = "x86_64",
        EphemeralStorage = 512,
        Environment = new Dictionary<string, string>(),
        Tags = new Dictionary<string, string> { ["team"] = "core" },
        Url = url,
        Routes = routes ?? [],
    };
}
