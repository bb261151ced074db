using Lambada.Build.Aws.Http;
using Lambada.Build.Deployment;
using Lambada.Build.Model;
using Lambada.Testing;
using OutcomeKind = Lambada.Build.Deployment.OutcomeKind;

namespace Lambada.Tests.Deployment;

/// <summary>
/// LMB0164/0165: on AWS's block dates the deploy refuses, per function and before any call, the create or the update Lambda would
/// refuse (dotnet8: creates from 2026-12-10, updates from 2027-01-11); moving off the runtime stays allowed. The clock is pinned.
/// The deploys against moto; <c>RuntimeRetirementTests</c> (unit) checks the plans on their own.
/// </summary>
[TestClass]
public sealed class RuntimeRetirementDeployTests
{
    private static readonly DateOnly BeforeDeprecation = new(2026, 11, 9);
    private static readonly DateOnly Deprecated = new(2026, 11, 10);
    private static readonly DateOnly CreateBlocked = new(2026, 12, 10);
    private static readonly DateOnly UpdateBlocked = new(2027, 1, 11);

    private static DeployFixture? _fixture;
    private static DeployFixture Aws => _fixture!;

    [ClassInitialize]
    public static void Start(TestContext _) => _fixture = new DeployFixture();

    [ClassCleanup]
    public static void Stop() => _fixture?.Dispose();

    [TestMethod]
    public void After_the_create_block_a_new_dotnet8_function_is_refused_with_no_call_and_others_still_deploy()
    {
        using var deploy = new InProcessDeploy(Aws.Moto, "RetiringCreate");

        var outcomes = Deploy(deploy, CreateBlocked, Function("retire_new", "dotnet8"), Function("retire_new10", "dotnet10")).Outcomes;

        var refused = outcomes.Single(o => o.Name == "retire_new");
        Assert.AreEqual((OutcomeKind.Failed, "LMB0164"), (refused.Kind, refused.Error?.Code), refused.ErrorMessage);
        Assert.AreEqual(0, refused.Done.Count);
        Assert.AreEqual(OutcomeKind.Created, outcomes.Single(o => o.Name == "retire_new10").Kind);
        CollectionAssert.DoesNotContain(Aws.FunctionNames().ToList(), "retire_new");
    }

    [TestMethod]
    public void Between_the_blocks_an_existing_dotnet8_function_is_still_updated_then_after_the_update_block_it_is_refused()
    {
        using var deploy = new InProcessDeploy(Aws.Moto, "RetiringUpdate");
        Assert.AreEqual(OutcomeKind.Created, Deploy(deploy, BeforeDeprecation, Function("retire_old", "dotnet8", memory: 256)).Outcomes.Single().Kind);

        var updated = Deploy(deploy, CreateBlocked, Function("retire_old", "dotnet8", memory: 384)).Outcomes.Single();
        var refused = Deploy(deploy, UpdateBlocked, Function("retire_old", "dotnet8", memory: 512)).Outcomes.Single();

        Assert.AreEqual(OutcomeKind.Updated, updated.Kind, updated.ErrorMessage);
        Assert.AreEqual((OutcomeKind.Failed, "LMB0165"), (refused.Kind, refused.Error?.Code), refused.ErrorMessage);
        Assert.AreEqual(384, Aws.Configuration("retire_old").GetProperty("MemorySize").GetInt32(), "the refused update changed nothing");
    }

    [TestMethod]
    public void After_the_update_block_moving_a_function_off_dotnet8_is_allowed()
    {
        using var deploy = new InProcessDeploy(Aws.Moto, "RetiringMove");
        Deploy(deploy, Deprecated, Function("retire_move", "dotnet8"));

        var moved = Deploy(deploy, UpdateBlocked, Function("retire_move", "dotnet10")).Outcomes.Single();

        Assert.AreEqual(OutcomeKind.Updated, moved.Kind, moved.ErrorMessage);
        Assert.AreEqual("dotnet10", Aws.Configuration("retire_move").GetProperty("Runtime").GetString());
    }

    [TestMethod]
    public void A_plan_after_the_create_block_shows_the_refusal_for_that_function()
    {
        using var deploy = new InProcessDeploy(Aws.Moto, "RetiringPlan");

        var outcome = Deploy(deploy, CreateBlocked, planOnly: true, Function("retire_plan", "dotnet8")).Outcomes.Single();

        Assert.AreEqual((OutcomeKind.Failed, "LMB0164"), (outcome.Kind, outcome.Error?.Code));
    }

    private static DeployResult Deploy(InProcessDeploy deploy, DateOnly day, params FunctionDefinition[] functions) =>
        Deploy(deploy, day, planOnly: false, functions);

    /// <summary><see cref="InProcessDeploy"/>'s deploy, with the clock pinned to <paramref name="day"/>.</summary>
    private static DeployResult Deploy(InProcessDeploy deploy, DateOnly day, bool planOnly, params FunctionDefinition[] functions)
    {
        return InProcessDeploy.RunAsync(deploy.Environment, RetryPolicy.Default, null, deploy.Log, deploy.Project, functions, deploy.PackagePath, deploy.CodeSha256,
            configure: o => o with { PlanOnly = planOnly, Clock = new PinnedClock(day) }, targetFramework: "net8.0").GetAwaiter().GetResult();
    }

    private static FunctionDefinition Function(string name, string runtime, int memory = 512) =>
        InProcessDeploy.Function(name, memory: memory) with { Runtime = runtime };
}
