using Lambada.Build.Aws.Lambda;
using Lambada.Build.Deployment;
using Lambada.Build.Model;

namespace Lambada.Tests.Deployment;

[TestClass]
public sealed class PlannerTests
{
    private const string Role = "arn:aws:iam::123456789012:role/lambda_basic_execution";
    private const string Hash = "kKBufVmLYXBSCnZ42PxIZvHt8YSQALuWx1JIydiXVZo=";

    [TestMethod]
    public void A_function_Lambda_does_not_have_is_created()
    {
        var plan = Planner.Plan(Desired(), remote: null, Role, Hash);

        Assert.AreEqual(PlannedAction.Create, plan.Action);
    }

    [TestMethod]
    public void A_function_as_deployed_is_unchanged()
    {
        var desired = Desired();

        var plan = Planner.Plan(desired, Remote(desired), Role, Hash);

        Assert.AreEqual(PlannedAction.Unchanged, plan.Action, plan.Summary);
    }

    [TestMethod]
    [DataRow("MemorySize", "MemorySize: 256 -> 512")]
    [DataRow("Timeout", "Timeout: 3 -> 30")]
    [DataRow("Role", "Role: arn:aws:iam::123456789012:role/other -> " + Role)]
    [DataRow("Handler", "Handler: Other -> Fn")]
    [DataRow("Runtime", "Runtime: dotnet8 -> dotnet10")]
    [DataRow("Description", "Description: (none) -> says hello")]
    [DataRow("EphemeralStorage", "EphemeralStorage: 1024 -> 512")]
    public void Each_owned_field_that_differs_is_one_configuration_change(string field, string expected)
    {
        var desired = Desired();
        var remote = Remote(desired);
        remote = field switch
        {
            "MemorySize" => remote with { MemorySize = 256 },
            "Timeout" => remote with { Timeout = 3 },
            "Role" => remote with { Role = "arn:aws:iam::123456789012:role/other" },
            "Handler" => remote with { Handler = "Other" },
            "Runtime" => remote with { Runtime = "dotnet8" },
            "Description" => remote with { Description = null },
            _ => remote with { EphemeralStorage = new EphemeralStorageSettings(1024) },
        };

        var plan = Planner.Plan(desired, remote, Role, Hash);

        Assert.AreEqual(PlannedAction.Update, plan.Action);
        Assert.AreEqual(expected, plan.ConfigChanges.Single().ToString());
        Assert.IsFalse(plan.CodeChanged);
    }

    [TestMethod]
    public void An_environment_change_names_the_keys_and_never_a_value()
    {
        var desired = Desired();
        var variables = new Dictionary<string, string>(desired.Environment) { ["OLD"] = "old-secret", ["TOKEN"] = "before-secret" };
        variables.Remove("NEW");
        var remote = Remote(desired) with { Environment = new EnvironmentSettings(variables) };

        var change = Planner.Plan(desired, remote, Role, Hash).ConfigChanges.Single();

        Assert.AreEqual("Environment: 4 variables -> +NEW -OLD ~TOKEN", change.ToString());
        Assert.IsFalse(change.ToString().Contains("secret", StringComparison.Ordinal));
    }

    [TestMethod]
    public void Another_code_hash_is_a_code_change_only()
    {
        var desired = Desired();

        var plan = Planner.Plan(desired, Remote(desired) with { CodeSha256 = "other=" }, Role, Hash);

        Assert.AreEqual(PlannedAction.Update, plan.Action);
        Assert.IsTrue(plan.CodeChanged);
        Assert.AreEqual(0, plan.ConfigChanges.Count);
    }

    [TestMethod]
    public void Another_architecture_goes_with_the_code()
    {
        var desired = Desired();

        var plan = Planner.Plan(desired, Remote(desired) with { Architectures = ["arm64"] }, Role, Hash);

        Assert.IsTrue(plan.ArchitectureChanged);
        Assert.AreEqual(0, plan.ConfigChanges.Count);
    }

    [TestMethod]
    public void A_changed_tag_changes_the_settings_digest_so_an_update_is_planned_without_reading_tags()
    {
        var deployed = Desired();
        var retagged = Desired(tags: new Dictionary<string, string> { ["team"] = "platform" });

        var plan = Planner.Plan(retagged, Remote(deployed), Role, Hash);

        Assert.AreEqual(PlannedAction.Update, plan.Action);
        Assert.IsTrue(plan.SettingsChanged);
        Assert.AreEqual("Environment: 4 variables -> ~LAMBADA_SETTINGS", plan.ConfigChanges.Single().ToString());
    }

    [TestMethod]
    public void Reserved_concurrency_and_alias_are_part_of_the_digest_too()
    {
        var plain = Desired();

        Assert.IsTrue(Planner.Plan(Desired(concurrency: 5), Remote(plain), Role, Hash).SettingsChanged);
        Assert.IsTrue(Planner.Plan(Desired(alias: "live"), Remote(plain), Role, Hash).SettingsChanged);
    }

    private static DesiredFunction Desired(IReadOnlyDictionary<string, string>? tags = null, int? concurrency = null, string? alias = null) =>
        DesiredFunction.From(new FunctionDefinition
        {
            Name = "fn",
            Method = "Ns.Type::Fn",
            Handler = "Fn",
            MemorySize = 512,
            Timeout = 30,
            Role = "lambda_basic_execution",
            Description = "says hello",
            Runtime = "dotnet10",
            Architecture = "x86_64",
            EphemeralStorage = 512,
            ReservedConcurrency = concurrency,
            Alias = alias,
            Environment = new Dictionary<string, string> { ["NEW"] = "new-secret", ["TOKEN"] = "after-secret" },
            Tags = tags ?? new Dictionary<string, string> { ["team"] = "core" },
        }, "Project");

    private static FunctionConfiguration Remote(DesiredFunction desired) => new()
    {
        FunctionName = desired.Name,
        FunctionArn = "arn:aws:lambda:us-east-1:123456789012:function:fn",
        Role = Role,
        Handler = "Fn",
        Runtime = "dotnet10",
        MemorySize = 512,
        Timeout = 30,
        Description = "says hello",
        EphemeralStorage = new EphemeralStorageSettings(512),
        Architectures = ["x86_64"],
        CodeSha256 = Hash,
        Environment = new EnvironmentSettings(desired.Environment),
        State = "Active",
        LastUpdateStatus = "Successful",
    };
}
