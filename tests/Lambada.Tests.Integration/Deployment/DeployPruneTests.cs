using System.IO.Compression;
using Lambada.Testing;

namespace Lambada.Tests.Deployment;

/// <summary><c>LambadaPrune</c> deletes what this project deployed and no longer declares — and nothing else.</summary>
[TestClass]
public sealed class DeployPruneTests
{
    [TestMethod]
    public void Prune_deletes_a_dropped_function_of_this_project_and_spares_every_other_function()
    {
        using var aws = new DeployFixture();
        using var project = new DeployProject(aws, "Pruned", Source(withDropped: true));
        DeployFixture.Check(project.Deploy());
        using var zip = new TempDirectory("foreign-zip");
        var foreignZip = Path.Combine(zip.Path, "foreign.zip");
        using (var archive = ZipFile.Open(foreignZip, ZipArchiveMode.Create))
            archive.CreateEntry("index.py");
        CreateByHand(aws, "hand_made", foreignZip, tags: null);
        CreateByHand(aws, "other_project", foreignZip, tags: "lambada:project=SomeoneElse");
        project.Rewrite(Source(withDropped: false));

        var withoutPrune = project.Deploy();
        var namesWithoutPrune = aws.FunctionNames();
        var pruned = project.Deploy("-p:LambadaPrune=true");

        DeployFixture.Check(withoutPrune);
        CollectionAssert.Contains(namesWithoutPrune.ToList(), "pr_dropped", "without LambadaPrune nothing is deleted");
        StringAssert.Contains(withoutPrune.Output, "have no [LambadaFunction] attribute any more and were left as they are: pr_dropped; build with -p:LambadaPrune=true to delete them");
        DeployFixture.Check(pruned);
        CollectionAssert.AreEquivalent(new[] { "hand_made", "other_project", "pr_kept" }, aws.FunctionNames().ToArray());
        StringAssert.Contains(pruned.Output, "1 deleted");
    }

    private static void CreateByHand(DeployFixture aws, string name, string zip, string? tags)
    {
        string[] arguments = ["lambda", "create-function", "--function-name", name, "--runtime", "python3.12", "--handler", "index.handler",
            "--role", DeployFixture.BasicRoleArn, "--zip-file", "fileb://" + zip,
            "--environment", "Variables={LAMBADA_HANDLER=Other.Type::Method}"];
        DeployFixture.Check(aws.Moto.Aws(tags is null ? arguments : [.. arguments, "--tags", tags]));
    }

    private static string Source(bool withDropped) => $$"""
        using Lambada;
        namespace Deployed;
        public class Functions
        {
            [LambadaFunction(Name = "pr_kept")]
            public string Kept(string input) => input;
        {{(withDropped ? """
            [LambadaFunction(Name = "pr_dropped")]
            public string Dropped(string input) => input;
        """ : "")}}
        }
        """;
}
