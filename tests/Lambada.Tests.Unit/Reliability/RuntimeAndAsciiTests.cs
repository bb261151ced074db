using System.Globalization;
using Lambada.Build.Deployment;
using Lambada.Build.Diagnostics;
using Lambada.Build.Model;
using Lambada.Testing;
using Lambada.Tests.Deployment;

namespace Lambada.Tests.Reliability;

/// <summary>
/// Issue 10's rows "role name rôle_ünï, account id with non-ASCII digits: accepted" and "a net8.0 project: no word that AWS
/// deprecated dotnet8 on 2026-11-10 and blocks creating functions from 2026-12-10, updates from 2027-01-11". Each ran green on
/// the code before the fix (the role and the ARN passed, the net8.0 build said nothing, the deploy went ahead).
/// </summary>
[TestClass]
[TestCategory("Reliability")]
public sealed class RuntimeAndAsciiTests
{
    /// <summary>The day the issue was worked on: after the deprecation, before the first block.</summary>
    private static readonly PinnedClock IssueDay = new(new DateOnly(2026, 12, 1));

    private const string Net8 = ".NETCoreApp,Version=v8.0";

    [TestMethod]
    public void Role_name_rôle_ünï_is_refused_because_IAM_names_are_ASCII()
    {
        var diagnostic = SingleDiagnostic(@"[LambadaFunction(Role = ""rôle_ünï"")] public void A() { }");

        Assert.AreEqual("LMB0130", diagnostic.Code, diagnostic.ToString());
        StringAssert.Contains(diagnostic.Message, "Role 'rôle_ünï' contains 'ô', but IAM names, paths and account ids are ASCII");
    }

    [TestMethod]
    public void Role_ARN_with_an_account_id_of_Arabic_Indic_digits_is_refused()
    {
        var diagnostic = SingleDiagnostic(@"[LambadaFunction(Role = ""arn:aws:iam::١٢٣٤٥٦٧٨٩٠١٢:role/lambda_basic_execution"")] public void A() { }");

        Assert.AreEqual("LMB0130", diagnostic.Code, diagnostic.ToString());
        StringAssert.Contains(diagnostic.Message, "contains '١', but IAM names, paths and account ids are ASCII");
    }

    [TestMethod]
    public void A_net8_project_is_warned_at_the_attribute_that_AWS_deprecated_dotnet8_with_the_block_dates_and_dotnet10()
    {
        var source = FixtureScan.ClassWith(@"[LambadaFunction(Name = ""old_fn"")] public void A() { }");

        var outcome = FixtureScan.Run(source, new ProjectOptions { Clock = IssueDay }, Net8);

        Assert.IsTrue(outcome.Succeeded, "a warning: the build itself is fine");
        Assert.AreEqual("dotnet8", outcome.Manifest.Functions.Single().Runtime, "the runtime is inferred from net8.0");
        var warning = outcome.Diagnostics.Single();
        Assert.AreEqual(("LMB0163", false), (warning.Code, warning.IsError));
        Assert.AreEqual(FixtureScan.LinesOf(source, "[LambadaFunction").Single(), warning.Location?.Line);
        Assert.AreEqual("old_fn: Fixture.Functions::A runs on dotnet8, which AWS deprecated on 2026-11-10; Lambda refuses to create functions " +
                        "on it from 2026-12-10 and to update them from 2027-01-11 — move to dotnet10 (target net10.0)", warning.Message);
    }

    [TestMethod]
    [DataRow("2026-12-01", PlannedAction.Create, null)]
    [DataRow("2026-12-10", PlannedAction.Create, "LMB0164")]
    [DataRow("2026-12-10", PlannedAction.Update, null)]
    [DataRow("2027-01-11", PlannedAction.Update, "LMB0165")]
    public void A_dotnet8_deploy_is_refused_from_the_day_AWS_blocks_its_create_or_update(string day, object action, string? code)
    {
        var definition = InProcessDeploy.Function("old_fn") with { Runtime = "dotnet8" };
        var plan = new FunctionPlan(definition.Name, (PlannedAction)action, DesiredFunction.From(definition, "Reliability"), null);

        string? refused = null;
        try
        {
            RuntimeRetirementCheck.Ensure(plan, DateOnly.Parse(day, CultureInfo.InvariantCulture));
        }
        catch (LambadaException e)
        {
            refused = e.Descriptor.Code;
        }

        Assert.AreEqual(code, refused);
    }

    private static Diagnostic SingleDiagnostic(string members)
    {
        var outcome = FixtureScan.Run(FixtureScan.ClassWith(members), new ProjectOptions { Clock = IssueDay });
        Assert.IsFalse(outcome.Succeeded);
        return outcome.Diagnostics.Single();
    }
}
