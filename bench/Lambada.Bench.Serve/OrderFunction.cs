using Lambada.Runtime.Http;

namespace Lambada.Bench.Serve;

/// <summary>The function <c>serve</c> answers in the benchmark: <c>GET /orders/{id}</c> → a small JSON object naming the id.</summary>
public static class OrderFunction
{
    private static readonly Dictionary<string, string> JsonType = new() { ["content-type"] = "application/json" };

    [LambadaFunction(Name = "getOrder")]
    [LambadaHttp("GET /orders/{id}", Auth = LambadaAuth.None, Ignore = ["id"])]
    public static LambadaHttpResponse Get(LambadaHttpRequest request) =>
        new() { StatusCode = 200, Headers = JsonType, Body = Workload.Body(request.PathParameters!["id"]) };
}
