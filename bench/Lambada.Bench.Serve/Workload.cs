namespace Lambada.Bench.Serve;

/// <summary>What both servers answer to <c>GET /orders/{id}</c>, so the client can check every body.</summary>
public static class Workload
{
    public static string Body(string id) => "{\"id\":\"" + id + "\",\"status\":\"shipped\"}";
}
