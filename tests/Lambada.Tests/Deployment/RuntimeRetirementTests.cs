using Lambada.Build.Aws.Http;
using Lambada.Build.Aws;
using Lambada.Build.Deployment;
using Lambada.Build.Diagnostics;
using Lambada.Build.Model;
using Lambada.Testing;
using OutcomeKind = Lambada.Build.Deployment.OutcomeKind;

namespace Lambada.Tests.Deployment;

/// <summary>
/// LMB0164/0165: on AWS's block dates the deploy refuses, per function and before any call, the create or the update Lambda would
/// refuse (dotnet8: creates from 2026-12-10, updates from 2027-01-11); moving off the runtime stays allowed. The clock is pinned.
/// </summary>
[TestClass]
public sealed class RuntimeRetirementTests
{
    private static readonly DateOnly BeforeDeprecation = new(2026, 11, 9);
    private static readonly DateOnly Deprecated = new(2026, 11, 10);
    private static readonly DateOnly CreateBlocked = new(2026, 12, 10);
    private static readonly DateOnly UpdateBlocked = new(2027, 1, 11);

    private static DeployFixture? fixture;
    private static DeployFixture Aws => fixture!;

    [ClassInitialize]
    public static void Start(TestContext _) => fixture = new DeployFixture();

    [ClassCleanup]
    public static void Stop() => fixture?.Dispose();

    [TestMethod]
    [DataRow("2026-11-09", PlannedAction.Create, null)]
    [DataRow("2026-11-09", PlannedAction.Update, null)]
    [DataRow("2026-12-09", PlannedAction.Create, null)]
    [DataRow("2026-12-10", PlannedAction.Create, "LMB0164")]
    [DataRow("2026-12-10", PlannedAction.Update, null)]
    [DataRow("2027-01-10", PlannedAction.Update, null)]
    [DataRow("2027-01-11", PlannedAction.Update, "LMB0165")]
    [DataRow("2027-01-11", PlannedAction.Create, "LMB0164")]
    [DataRow("2030-01-01", PlannedAction.Unchanged, null)]
    [DataRow("2030-01-01", PlannedAction.Delete, null)]
    public void A_dotnet8_plan_is_refused_from_the_day_AWS_blocks_its_action(string day, PlannedAction action, string? code)
    {
        var plan = new FunctionPlan("fn", action, Desired("dotnet8"), null);

        var error = Catch(() => RuntimeRetirementCheck.Ensure(plan, DateOnly.Parse(day, System.Globalization.CultureInfo.InvariantCulture)));

        Assert.AreEqual(code, error?.Descriptor.Code, error?.Message);
    }

    [TestMethod]
    [DataRow("dotnet10")]
    [DataRow("provided.al2023")]
    public void Runtimes_without_a_block_date_yet_are_never_refused(string runtime)
    {
        foreach (var action in new[] { PlannedAction.Create, PlannedAction.Update })
            Assert.IsNull(Catch(() => RuntimeRetirementCheck.Ensure(new FunctionPlan("fn", action, Desired(runtime), null), new DateOnly(2029, 1, 1))), $"{runtime} {action}");
    }

    [TestMethod]
    public void The_refusal_names_the_runtime_the_dates_and_the_runtime_to_move_to()
    {
        var error = Catch(() => RuntimeRetirementCheck.Ensure(new FunctionPlan("fn", PlannedAction.Create, Desired("dotnet8"), null), CreateBlocked))!;

        StringAssert.Contains(error.Message, "Lambda refuses to create functions on dotnet8 since 2026-12-10 (AWS deprecated it on 2026-11-10)");
        StringAssert.Contains(error.Message, "dotnet10 (target net10.0)");
    }

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

    private static DesiredFunction Desired(string runtime) => DesiredFunction.From(Function("fn", runtime), "Retiring");

    private static LambadaException? Catch(Action action)
    {
        try
        {
            action();
            return null;
        }
        catch (LambadaException e)
        {
            return e;
        }
    }
}
