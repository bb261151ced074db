using Lambada.Build.Diagnostics;
using Lambada.Build.Model;

namespace Lambada.Build.Deployment;

/// <summary>
/// LMB0164–0165: refuses, before any call, a create or an update that Lambda would refuse because AWS has blocked the runtime
/// (<see cref="RuntimeLifecycle"/>). Only the plan knows which of the two a deploy makes; the build warned already (LMB0163).
/// </summary>
internal static class RuntimeRetirementCheck
{
    /// <exception cref="LambadaException">The plan creates or updates a function on a runtime Lambda no longer takes for that.</exception>
    public static void Ensure(FunctionPlan plan, DateOnly today)
    {
        if (plan.Action is not (PlannedAction.Create or PlannedAction.Update) || plan.Desired?.Definition.Runtime is not { } runtime)
            return;
        var create = plan.Action == PlannedAction.Create;
        var retirement = RuntimeLifecycle.Of(runtime);
        if (retirement.BlockedOn(today, create) is not { } blocked)
            return;
        throw DeployFailure.Of(create ? DiagnosticCatalogue.RuntimeCreateBlocked : DiagnosticCatalogue.RuntimeUpdateBlocked, plan.Name,
            $"Lambda refuses to {(create ? "create" : "update")} functions on {runtime} since {RuntimeLifecycle.Format(blocked)} " +
            $"(AWS deprecated it on {RuntimeLifecycle.Format(retirement.Deprecated)}); the runtime to move to is {retirement.MoveToText}");
    }
}
