using Lambada.Runtime.Local.Serve;

namespace Lambada.Tests.Runtime;

/// <summary>Route keys matched and ordered as API Gateway HTTP APIs do, without a server.</summary>
[TestClass]
public sealed class ServeRouteTemplateTests
{
    [TestMethod]
    [DataRow("GET /orders/{id}", "GET", "/orders/7", "id=7")]
    [DataRow("GET /orders/{id}", "GET", "/orders/7/", "id=7")]
    [DataRow("ANY /orders/{id}", "PATCH", "/orders/a%2Fb", "id=a/b")]
    [DataRow("GET /a/{x}/c/{y}", "GET", "/a/1/c/2", "x=1;y=2")]
    [DataRow("ANY /{proxy+}", "GET", "/x/y/z", "proxy=x/y/z")]
    [DataRow("GET /", "GET", "/", "")]
    [DataRow("$default", "DELETE", "/what/ever", "")]
    public void It_matches_with_parameters(string key, string method, string path, string expected)
    {
        var template = RouteTemplate.Parse(key)!;

        Assert.IsTrue(template.TryMatch(method, RouteTemplate.Split(path), out var parameters));
        Assert.AreEqual(expected, string.Join(';', (parameters ?? []).OrderBy(p => p.Key).Select(p => $"{p.Key}={p.Value}")));
    }

    [TestMethod]
    [DataRow("GET /orders/{id}", "POST", "/orders/7")]
    [DataRow("GET /orders/{id}", "GET", "/orders")]
    [DataRow("GET /orders/{id}", "GET", "/orders/7/items")]
    [DataRow("GET /Orders", "GET", "/orders")]
    [DataRow("ANY /{proxy+}", "GET", "/")]
    [DataRow("GET /orders", "get", "/orders")]
    public void It_does_not_match(string key, string method, string path) =>
        Assert.IsFalse(RouteTemplate.Parse(key)!.TryMatch(method, RouteTemplate.Split(path), out _));

    [TestMethod]
    [DataRow("GET")]
    [DataRow("GET orders")]
    [DataRow("GET /{a+}/b")]
    [DataRow("")]
    public void A_malformed_key_is_not_a_route(string key) => Assert.IsNull(RouteTemplate.Parse(key));

    [TestMethod]
    public void The_most_specific_comes_first()
    {
        string[] keys = ["$default", "ANY /{proxy+}", "GET /orders/{id}", "ANY /orders/{id}", "GET /orders/latest", "GET /orders/{id+}", "GET /orders/{id}/items"];

        var ordered = keys.Select(k => RouteTemplate.Parse(k)!).OrderBy(t => t, Comparer<RouteTemplate>.Create(RouteTemplate.CompareSpecificity)).Select(t => t.RouteKey).ToArray();

        CollectionAssert.AreEqual(new[]
        {
            "GET /orders/latest", "GET /orders/{id}/items", "GET /orders/{id}", "ANY /orders/{id}", "GET /orders/{id+}", "ANY /{proxy+}", "$default",
        }, ordered);
    }
}
