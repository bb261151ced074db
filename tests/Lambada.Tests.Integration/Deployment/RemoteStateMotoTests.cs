using Lambada.Build.Deployment;
using Lambada.Testing;

using OutcomeKind = Lambada.Build.Deployment.OutcomeKind;

namespace Lambada.Tests.Deployment;

/// <summary>
/// The reads of <see cref="RemoteReader"/> and the dropped-function line against moto, read back with the AWS CLI.
/// moto answers ListFunctions in one page and has no GetAccountSettings (404), so from three functions on a deploy
/// falls back to the list here; the paging regimes are proven in <c>RemoteReadTests</c>.
/// </summary>
[TestClass]
public sealed class RemoteStateMotoTests
{
    private static DeployFixture? _fixture;

    private static DeployFixture Aws => _fixture!;

    [ClassInitialize]
    public static void Start(TestContext _) => _fixture = new DeployFixture();

    [ClassCleanup]
    public static void Stop() => _fixture?.Dispose();

    [TestMethod]
    public void A_dropped_attribute_is_named_with_the_prune_switch_on_every_deploy_and_its_function_is_left_alone()
    {
        using var deploy = new InProcessDeploy(Aws.Moto, "DroppedProject");
        var first = deploy.Run([InProcessDeploy.Function("dr_kept"), InProcessDeploy.Function("dr_dropped")]);
        var mark = MotoRequestLog.Mark(Aws.Moto);

        var second = deploy.Run([InProcessDeploy.Function("dr_kept")]);
        var secondRequests = MotoRequestLog.Since(Aws.Moto, mark);
        var third = deploy.Run([InProcessDeploy.Function("dr_kept")]);

        Assert.IsTrue(first.Outcomes.All(o => o.Kind == OutcomeKind.Created), string.Join("\n", first.Outcomes));
        Assert.AreEqual(OutcomeKind.Unchanged, second.Outcomes.Single().Kind);
        var line = "1 function(s) of project 'DroppedProject' have no [LambadaFunction] attribute any more and were left as they are: dr_dropped; "
                   + "build with -p:LambadaPrune=true to delete them";
        Assert.AreEqual(2, deploy.Log.Lines.Count(l => l == line), "the second and the third deploy say it: " + string.Join("\n", deploy.Log.Lines));
        Assert.AreEqual(OutcomeKind.Unchanged, third.Outcomes.Single().Kind);
        CollectionAssert.IsSubsetOf(new[] { "dr_dropped", "dr_kept" }, Aws.FunctionNames().ToArray(), "nothing is deleted without LambadaPrune");
        Assert.AreEqual(0, secondRequests.Count(r => r.Mutates), string.Join("\n", secondRequests));
        CollectionAssert.AreEquivalent(new[] { "GET /2015-03-31/functions", "GET /2015-03-31/functions/dr_dropped" },
            secondRequests.Select(r => $"{r.Method} {r.Path.Split('?')[0]}").ToArray(), "one ListFunctions and one GetFunction to confirm: " + string.Join("\n", secondRequests));
    }

    [TestMethod]
    public void A_function_another_project_took_over_is_not_named()
    {
        using var deploy = new InProcessDeploy(Aws.Moto, "HandedOver");
        deploy.Run([InProcessDeploy.Function("ho_kept"), InProcessDeploy.Function("ho_given")]);
        DeployFixture.Check(Aws.Moto.Aws("lambda", "tag-resource", "--resource", $"arn:aws:lambda:{MotoServer.Region}:{DeployFixture.Account}:function:ho_given",
            "--tags", "lambada:project=SomeoneElse"));

        deploy.Run([InProcessDeploy.Function("ho_kept")]);
        deploy.Run([InProcessDeploy.Function("ho_kept")]);

        Assert.IsFalse(deploy.Log.Lines.Any(l => l.Contains("ho_given", StringComparison.Ordinal)), string.Join("\n", deploy.Log.Lines));
    }

    [TestMethod]
    public void Three_functions_are_created_then_an_identical_deploy_changes_nothing_after_the_count_falls_back_to_the_list()
    {
        using var deploy = new InProcessDeploy(Aws.Moto, "ThreeFunctions");
        var functions = new[] { InProcessDeploy.Function("tf_a"), InProcessDeploy.Function("tf_b", memory: 256), InProcessDeploy.Function("tf_c") };

        var first = deploy.Run(functions);
        var mark = MotoRequestLog.Mark(Aws.Moto);
        var second = deploy.Run(functions);
        var secondRequests = MotoRequestLog.Since(Aws.Moto, mark);

        Assert.IsTrue(first.Outcomes.All(o => o.Kind == OutcomeKind.Created), string.Join("\n", first.Outcomes));
        Assert.AreEqual(256, Aws.Configuration("tf_b").GetProperty("MemorySize").GetInt32());
        Assert.IsTrue(second.Outcomes.All(o => o.Kind == OutcomeKind.Unchanged), string.Join("\n", second.Outcomes));
        CollectionAssert.AreEqual(new[] { "GET /2016-08-19/account-settings/ 404", "GET /2015-03-31/functions 200" },
            secondRequests.Select(r => $"{r.Method} {r.Path.Split('?')[0]} {r.Status}").ToArray(), string.Join("\n", secondRequests));
        Assert.AreEqual(2, second.Requests);
    }
}
