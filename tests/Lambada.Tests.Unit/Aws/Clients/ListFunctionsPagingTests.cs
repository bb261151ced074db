using System.Net;
using System.Text;
using Lambada.Build.Aws;
using Lambada.Build.Aws.Http;
using Lambada.Testing;

namespace Lambada.Tests.Aws.Clients;

/// <summary>
/// moto 5.2.1 returns every function in one page, so paging is proven against a scripted server that pages the way
/// Lambda does: at most 50 per page and an opaque NextMarker (here with characters that must be percent-encoded).
/// </summary>
[TestClass]
public sealed class ListFunctionsPagingTests
{
    [TestMethod]
    public async Task ListFunctions_follows_NextMarker_until_the_last_page()
    {
        var port = FreePort.Next();
        using var listener = new HttpListener();
        listener.Prefixes.Add($"http://127.0.0.1:{port}/");
        listener.Start();
        var queries = new List<string>();
        var server = Task.Run(async () =>
        {
            for (var page = 0; page < 3; page++)
            {
                var context = await listener.GetContextAsync();
                queries.Add(context.Request.Url!.Query);
                var first = page * 50;
                var count = page < 2 ? 50 : 3;
                var functions = string.Join(",", Enumerable.Range(first, count).Select(i => $"{{\"FunctionName\":\"fn_{i:000}\",\"FunctionArn\":\"arn:aws:lambda:us-east-1:123456789012:function:fn_{i:000}\"}}"));
                var marker = page < 2 ? $"\"NextMarker\":\"page {page + 1}/+=\"," : "";
                var body = Encoding.UTF8.GetBytes($"{{{marker}\"Functions\":[{functions}]}}");
                context.Response.ContentType = "application/json";
                await context.Response.OutputStream.WriteAsync(body);
                context.Response.Close();
            }
        });
        var environment = new Dictionary<string, string?>
        {
            ["AWS_ENDPOINT_URL"] = $"http://127.0.0.1:{port}",
            ["AWS_ACCESS_KEY_ID"] = "AKIDEXAMPLE",
            ["AWS_SECRET_ACCESS_KEY"] = "secret",
            ["AWS_REGION"] = "us-east-1",
        };
        using var clients = AwsClients.Create(null, null, name => environment.GetValueOrDefault(name), RetryPolicy.Default, null);

        var functions = await clients.Lambda.ListFunctionsAsync(CancellationToken.None);
        await server;

        Assert.AreEqual(103, functions.Count);
        CollectionAssert.AreEqual(Enumerable.Range(0, 103).Select(i => $"fn_{i:000}").ToArray(), functions.Select(f => f.FunctionName).ToArray());
        CollectionAssert.AreEqual(new[] { "?MaxItems=50", "?MaxItems=50&Marker=page%201%2F%2B%3D", "?MaxItems=50&Marker=page%202%2F%2B%3D" }, queries);
    }
}
