using Lambada.Build.Aws.Configuration;
using Lambada.Build.Deployment;
using Lambada.Build.Diagnostics;

namespace Lambada.Tests.Deployment;

/// <summary>Each deploy-time LMB code, triggered by its bad input against moto, with what was and was not changed.</summary>
[TestClass]
public sealed class DeployDiagnosticsTests
{
    private static DeployFixture? _fixture;

    private static DeployFixture Aws => _fixture!;

    [ClassInitialize]
    public static void Start(TestContext _)
    {
        _fixture = new DeployFixture();
        Aws.CreateRole("team_reader", "/");
        Aws.CreateRole("team_writer", "/apps/");
    }

    [ClassCleanup]
    public static void Stop() => _fixture?.Dispose();

    [TestMethod]
    public void LMB0303_a_role_pattern_that_matches_two_roles_names_both_and_creates_nothing()
    {
        using var deploy = new InProcessDeploy(Aws.Moto, "Ambiguous");

        var outcome = deploy.Run([InProcessDeploy.Function("amb_fn", role: "*/team_*")]).Outcomes.Single();

        Assert.AreEqual((OutcomeKind.Failed, "LMB0303"), (outcome.Kind, outcome.Error?.Code));
        StringAssert.Contains(outcome.ErrorMessage, $"arn:aws:iam::{DeployFixture.Account}:role/team_reader");
        StringAssert.Contains(outcome.ErrorMessage, $"arn:aws:iam::{DeployFixture.Account}:role/apps/team_writer");
        Assert.AreEqual(0, outcome.Done.Count);
        CollectionAssert.DoesNotContain(Aws.FunctionNames().ToList(), "amb_fn");
    }

    [TestMethod]
    public void LMB0304_a_package_over_50_MB_without_a_bucket_stops_the_deploy_before_any_change()
    {
        using var deploy = new InProcessDeploy(Aws.Moto, "Huge");
        using (var stream = File.OpenWrite(deploy.PackagePath))
            stream.SetLength(51L * 1024 * 1024);

        var error = Assert.ThrowsExactly<LambadaException>(() => deploy.Run([InProcessDeploy.Function("huge_fn")]));

        Assert.AreEqual("LMB0304", error.Descriptor.Code);
        StringAssert.Contains(error.Message, "51.0 MB zipped");
        CollectionAssert.DoesNotContain(Aws.FunctionNames().ToList(), "huge_fn");
    }

    [TestMethod]
    public void LMB0304_is_reported_once_at_the_project_file_saying_nothing_was_changed()
    {
        using var deploy = new InProcessDeploy(Aws.Moto, "HugeReported");
        using (var stream = File.OpenWrite(deploy.PackagePath))
            stream.SetLength(51L * 1024 * 1024);

        var outcome = deploy.Report([InProcessDeploy.Function("huge_reported_fn")], projectFile: "/src/HugeReported.csproj");

        Assert.IsNull(outcome.Result);
        Assert.AreEqual("/src/HugeReported.csproj(0,0): error LMB0304: HugeReported: The package of HugeReported is 51.0 MB zipped; Lambda takes at most 50 MB inline. "
                        + "Nothing was changed. — set LambadaS3Bucket (and optionally LambadaS3Prefix) so the deploy uploads the package through S3",
            outcome.Diagnostics.Single().ToString());
    }

    [TestMethod]
    public void LMB0306_a_function_of_another_lambada_project_is_refused_and_left_as_it_was()
    {
        using var deploy = new InProcessDeploy(Aws.Moto, "Mine");
        using var theirs = new InProcessDeploy(Aws.Moto, "Theirs");
        theirs.Run([InProcessDeploy.Function("shared_name", memory: 256)]);

        var outcome = deploy.Run([InProcessDeploy.Function("shared_name", memory: 1024)]).Outcomes.Single();

        Assert.AreEqual((OutcomeKind.Failed, "LMB0306"), (outcome.Kind, outcome.Error?.Code));
        StringAssert.Contains(outcome.ErrorMessage, "belongs to Lambada project 'Theirs'");
        Assert.AreEqual(0, outcome.Done.Count);
        Assert.AreEqual(256, Aws.Configuration("shared_name").GetProperty("MemorySize").GetInt32());
        Assert.AreEqual("Theirs", Aws.Tags("shared_name")["lambada:project"]);
    }

    [TestMethod]
    public void LMB0306_is_reported_at_the_function_with_what_was_not_done()
    {
        using var deploy = new InProcessDeploy(Aws.Moto, "MineReported");
        using var theirs = new InProcessDeploy(Aws.Moto, "TheirsReported");
        theirs.Run([InProcessDeploy.Function("shared_reported", memory: 256)]);
        var source = new SourceLocation("/src/Functions.cs", 12, 6);

        var outcome = deploy.Report([InProcessDeploy.Function("shared_reported", memory: 1024) with { Source = source }]);

        Assert.AreEqual("/src/Functions.cs(12,6): error LMB0306: shared_reported: the function belongs to Lambada project 'TheirsReported' (lambada:project tag), "
                        + "not 'MineReported'. Nothing was changed. Not done: configuration, tags. — rename the function, or delete it in the other project first",
            outcome.Diagnostics.Single().ToString());
        StringAssert.StartsWith(outcome.Table[1], "shared_reported  failed");
    }

    [TestMethod]
    public void LMB0307_a_function_without_an_ownership_tag_is_taken_over_with_a_warning()
    {
        using var deploy = new InProcessDeploy(Aws.Moto, "Adopter");
        DeployFixture.Check(Aws.Moto.Aws("lambda", "create-function", "--function-name", "hand_made_fn", "--runtime", "dotnet10",
            "--handler", "Asm", "--role", DeployFixture.BasicRoleArn, "--zip-file", "fileb://" + deploy.PackagePath));

        var outcome = deploy.Run([InProcessDeploy.Function("hand_made_fn", memory: 1024)]).Outcomes.Single();

        Assert.AreEqual(OutcomeKind.Updated, outcome.Kind, outcome.ErrorMessage);
        StringAssert.StartsWith(deploy.Warnings.Single(), "LMB0307 hand_made_fn: the function existed without a lambada:project tag");
        Assert.AreEqual(1024, Aws.Configuration("hand_made_fn").GetProperty("MemorySize").GetInt32());
        Assert.AreEqual("Adopter", Aws.Tags("hand_made_fn")["lambada:project"]);
    }

    [TestMethod]
    public void LMB0308_an_endpoint_that_is_not_a_URL_is_a_configuration_error_naming_the_variable()
    {
        using var deploy = new InProcessDeploy(Aws.Moto, "BadEndpoint");
        string? Environment(string name) => name == "AWS_ENDPOINT_URL_LAMBDA" ? "not a url" : deploy.Environment(name);

        var error = Assert.ThrowsExactly<AwsConfigurationException>(() => deploy.Run([InProcessDeploy.Function("bad_endpoint_fn")], Environment));

        StringAssert.Contains(error.Message, "AWS_ENDPOINT_URL_LAMBDA");
    }
}
