using Lambada.Build.Aws.Lambda;
using Lambada.Build.Deployment;
using Lambada.Build.Diagnostics;

namespace Lambada.Tests.Deployment;

/// <summary>The report table: each row names what changed in the plan's own words, and rows come in one stable order.</summary>
[TestClass]
public sealed class DeployReportTests
{
    private const string Role = "arn:aws:iam::123456789012:role/lambda_basic_execution";
    private const string OldHash = "kKBufVmLYXBSCnZ42PxIZvHt8YSQALuWx1JIydiXVZo=";
    private const string NewHash = "Zm9vYmFyYmF6cXV4cXV1eGNvcmdlZ3JhdWx0Z2FycGx5=";

    [TestMethod]
    public void An_updated_row_names_the_configuration_the_code_or_both_in_the_words_the_plan_prints()
    {
        var config = Plan("rp_config", remoteTimeout: 10, remoteHash: NewHash);
        var code = Plan("rp_code", remoteTimeout: 20, remoteHash: OldHash);
        var both = Plan("rp_both", remoteTimeout: 10, remoteHash: OldHash);

        var lines = DeployReport.Format([Updated(config), Updated(code), Updated(both)]);

        Assert.AreEqual("Timeout: 10 -> 20", config.Summary);
        Assert.AreEqual("code: kKBufVmL -> new package", code.Summary);
        Assert.AreEqual("Timeout: 10 -> 20; code: kKBufVmL -> new package", both.Summary);
        Assert.AreEqual("rp_both    updated  512 MB  20 s     Zm9vYmFy  $LATEST  arn:aws:lambda:us-east-1:123456789012:function:rp_both    Timeout: 10 -> 20; code: kKBufVmL -> new package", lines[1]);
        Assert.AreEqual("rp_code    updated  512 MB  20 s     Zm9vYmFy  $LATEST  arn:aws:lambda:us-east-1:123456789012:function:rp_code    code: kKBufVmL -> new package", lines[2]);
        Assert.AreEqual("rp_config  updated  512 MB  20 s     Zm9vYmFy  $LATEST  arn:aws:lambda:us-east-1:123456789012:function:rp_config  Timeout: 10 -> 20", lines[3]);
        Assert.AreEqual("function   action   memory  timeout  code      version  arn                                                       changes", lines[0]);
    }

    [TestMethod]
    public void A_created_row_says_created_and_an_unchanged_row_unchanged_with_nothing_claimed_as_changed()
    {
        var created = Planner.Plan(Desired("rp_new", 20), remote: null, Role, NewHash);

        var lines = DeployReport.Format([Outcome("rp_new", OutcomeKind.Created, created.Summary), Outcome("rp_same", OutcomeKind.Unchanged, "")]);

        CollectionAssert.AreEqual(new[] { "rp_new", "created", "new function" }, Cells(lines[1], 0, 1, 7));
        CollectionAssert.AreEqual(new[] { "rp_same", "unchanged", "-" }, Cells(lines[2], 0, 1, 7));
    }

    [TestMethod]
    public void Rows_are_sorted_by_name_ordinal_with_deletions_last_whatever_order_they_finished_in()
    {
        FunctionOutcome[] finished =
        [
            Outcome("rp_gone", OutcomeKind.Deleted, "no attribute declares it any more (LambadaPrune)"),
            Outcome("rp_b", OutcomeKind.Updated, "Timeout: 10 -> 20"),
            Outcome("rp_a_gone", OutcomeKind.Deleted, "no attribute declares it any more (LambadaPrune)"),
            Outcome("rp_B", OutcomeKind.Failed, "") with { Error = DiagnosticCatalogue.DeployAwsError, ErrorMessage = "boom" },
            Outcome("rp_c", OutcomeKind.Unchanged, ""),
            Outcome("rp_a", OutcomeKind.Created, "new function"),
        ];

        var names = DeployReport.Format(finished).Skip(1).Select(l => Cells(l, 0)[0]).ToList();
        var reversed = DeployReport.Format(finished.Reverse().ToList()).Skip(1).Select(l => Cells(l, 0)[0]).ToList();

        CollectionAssert.AreEqual(new[] { "rp_B", "rp_a", "rp_b", "rp_c", "rp_a_gone", "rp_gone" }, names);
        CollectionAssert.AreEqual(names, reversed);
    }

    [TestMethod]
    public void A_plan_row_shows_the_planned_action_and_its_changes_and_a_failed_row_claims_none()
    {
        var lines = DeployReport.Format(
        [
            Outcome("rp_x", OutcomeKind.Planned, "delete: no attribute declares it any more (LambadaPrune)"),
            Outcome("rp_y", OutcomeKind.Planned, "update: MemorySize: 512 -> 1024"),
            Outcome("rp_w", OutcomeKind.Planned, "unchanged: "),
            Outcome("rp_v", OutcomeKind.Failed, "") with { Error = DiagnosticCatalogue.DeployAwsError, ErrorMessage = "boom" },
        ]);

        CollectionAssert.AreEqual(new[] { "rp_v", "failed", "-" }, Cells(lines[1], 0, 1, 7));
        CollectionAssert.AreEqual(new[] { "rp_w", "unchanged", "-" }, Cells(lines[2], 0, 1, 7));
        CollectionAssert.AreEqual(new[] { "rp_y", "update", "MemorySize: 512 -> 1024" }, Cells(lines[3], 0, 1, 7));
        CollectionAssert.AreEqual(new[] { "rp_x", "delete", "no attribute declares it any more (LambadaPrune)" }, Cells(lines[4], 0, 1, 7));
    }

    /// <summary>The row's cells by column; the last column (changes) keeps its own spaces.</summary>
    private static string[] Cells(string line, params int[] columns)
    {
        var cells = line.Split("  ", 8, StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        return columns.Select(c => cells[c]).ToArray();
    }

    private static FunctionPlan Plan(string name, int remoteTimeout, string remoteHash)
    {
        var desired = Desired(name, 20);
        return Planner.Plan(desired, Remote(desired) with { Timeout = remoteTimeout, CodeSha256 = remoteHash }, Role, NewHash);
    }

    private static FunctionOutcome Updated(FunctionPlan plan) => Outcome(plan.Name, OutcomeKind.Updated, plan.Summary);

    private static FunctionOutcome Outcome(string name, OutcomeKind kind, string detail) => new(name, kind)
    {
        MemorySize = 512,
        Timeout = 20,
        CodeSha256 = NewHash,
        Version = "$LATEST",
        Arn = "arn:aws:lambda:us-east-1:123456789012:function:" + name,
        Detail = detail,
    };

    private static DesiredFunction Desired(string name, int timeout) => DesiredFunction.From(InProcessDeploy.Function(name) with { Timeout = timeout }, "Report");

    private static FunctionConfiguration Remote(DesiredFunction desired) => new()
    {
        FunctionName = desired.Name,
        FunctionArn = "arn:aws:lambda:us-east-1:123456789012:function:" + desired.Name,
        Role = Role,
        Handler = desired.Definition.Handler,
        Runtime = desired.Definition.Runtime,
        MemorySize = desired.Definition.MemorySize,
        Timeout = desired.Definition.Timeout,
        Description = desired.Definition.Description,
        EphemeralStorage = new EphemeralStorageSettings(512),
        Architectures = ["x86_64"],
        CodeSha256 = NewHash,
        Environment = new EnvironmentSettings(desired.Environment),
    };
}
