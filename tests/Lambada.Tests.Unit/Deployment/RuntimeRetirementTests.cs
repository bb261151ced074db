using Lambada.Build.Deployment;
using Lambada.Build.Diagnostics;
using Lambada.Build.Model;

namespace Lambada.Tests.Deployment;

/// <summary>
/// LMB0164/0165: on AWS's block dates the deploy refuses, per function and before any call, the create or the update Lambda would
/// refuse (dotnet8: creates from 2026-12-10, updates from 2027-01-11); moving off the runtime stays allowed. The clock is pinned.
/// The check on its own; <c>RuntimeRetirementDeployTests</c> (integration) deploys against moto.
/// </summary>
[TestClass]
public sealed class RuntimeRetirementTests
{
    private static readonly DateOnly CreateBlocked = new(2026, 12, 10);

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
    public void A_dotnet8_plan_is_refused_from_the_day_AWS_blocks_its_action(string day, object action, string? code)
    {
        var plan = new FunctionPlan("fn", (PlannedAction)action, Desired("dotnet8"), null);

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
