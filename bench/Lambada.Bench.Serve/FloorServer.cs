using System.Net;
using System.Text;

namespace Lambada.Bench.Serve;

/// <summary>
/// The floor: the least HTTP server that answers the workload — one HttpListener on 127.0.0.1, each request on its own task
/// (as <c>serve</c> does), the id cut out of the path, the same JSON body. No routing table, no event, no function call.
/// </summary>
public static class FloorServer
{
    private const string Prefix = "/orders/";

    public static async Task<int> RunAsync(int port, CancellationToken stop)
    {
        using var listener = new HttpListener();
        listener.Prefixes.Add($"http://127.0.0.1:{port}/");
        listener.Start();
        Console.WriteLine($"floor: listening on http://127.0.0.1:{port}");
        using var registration = stop.Register(listener.Stop);
        while (!stop.IsCancellationRequested)
        {
            HttpListenerContext context;
            try
            {
                context = await listener.GetContextAsync();
            }
            catch (Exception) when (stop.IsCancellationRequested)
            {
                break;
            }
            _ = Task.Run(() => AnswerAsync(context), CancellationToken.None);
        }
        return 0;
    }

    private static async Task AnswerAsync(HttpListenerContext context)
    {
        var path = context.Request.Url!.AbsolutePath;
        var response = context.Response;
        if (context.Request.HttpMethod == "GET" && path.StartsWith(Prefix, StringComparison.Ordinal))
        {
            var body = Encoding.UTF8.GetBytes(Workload.Body(path[Prefix.Length..]));
            response.ContentType = "application/json";
            response.ContentLength64 = body.Length;
            await response.OutputStream.WriteAsync(body);
        }
        else
        {
            response.StatusCode = 404;
        }
        response.Close();
    }
}
