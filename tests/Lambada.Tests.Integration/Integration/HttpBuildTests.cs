using Lambada.Build.Manifest;
using Lambada.Testing;

namespace Lambada.Tests.Integration;

/// <summary>[LambadaHttp] and <c>LambadaHttpApiName</c> inside real <c>dotnet build</c>s of a fresh project.</summary>
[TestClass]
public sealed class HttpBuildTests
{
    private const string RouteSource = """
        using Lambada;

        namespace Fixture;

        public class Functions
        {
            [LambadaFunction(Name = "order")]
            [LambadaHttp("GET /orders/{id}", Auth = LambadaAuth.None)]
            [LambadaUrl]
            public string Order(int id) => id.ToString();
        }
        """;

    private const string UnboundSource = """
        using Lambada;

        namespace Fixture;

        public class Functions
        {
            [LambadaFunction(Name = "order")]
            [LambadaHttp("GET /orders/{id}")]
            public string Order(int orderId) => orderId.ToString();
        }
        """;

    [TestMethod]
    public void The_HTTP_API_is_named_after_the_project_unless_LambadaHttpApiName_says_otherwise()
    {
        using var project = new FixtureProject("httpapi", new Dictionary<string, string> { ["Functions.cs"] = RouteSource });

        var first = project.Build();
        Assert.AreEqual(0, first.ExitCode, first.ToString());
        var manifest = ManifestWriter.Read(project.ManifestPath);
        Assert.AreEqual("httpapi", manifest.HttpApiName);
        var order = manifest.Functions.Single();
        Assert.AreEqual(("GET /orders/{id}", "NONE"), (order.Routes.Single().RouteKey, order.Routes.Single().AuthorizationType));
        Assert.AreEqual("AWS_IAM", order.Url!.AuthType);

        var named = project.Build("-p:LambadaHttpApiName=shop-api");
        Assert.AreEqual(0, named.ExitCode, named.ToString());
        Assert.AreEqual("shop-api", ManifestWriter.Read(project.ManifestPath).HttpApiName, "a changed property reruns the scan");
    }

    [TestMethod]
    public void An_unbound_route_parameter_fails_the_build_at_the_attribute()
    {
        using var project = new FixtureProject("httpunbound", new Dictionary<string, string> { ["Functions.cs"] = UnboundSource });

        var result = project.Build();

        Assert.AreNotEqual(0, result.ExitCode, result.ToString());
        StringAssert.Contains(result.Output, $"{project.SourcePath("Functions.cs")}(7,5): error LMB0171: order: Route 'GET /orders/{{id}}' has the parameter 'id'");
        Assert.IsFalse(File.Exists(project.ManifestPath), "no manifest after a failed scan");
    }
}
