using System.Net;
using System.Net.Sockets;
using System.Text.RegularExpressions;
using Lambada.Runtime.Handlers;
using Lambada.Runtime.Local.Serve;

namespace Lambada.Tests.Runtime;

/// <summary><c>serve [--port N]</c> as a command: what it prints, its arguments, a taken port, and a clean stop with exit 0.</summary>
[TestClass]
public sealed partial class ServeCommandTests
{
    private static readonly FunctionCatalog Catalog = new([typeof(ServeHandlers)]);

    [TestMethod]
    public void Serve_alone_or_with_options_is_the_server_anything_else_a_local_invoke()
    {
        Assert.IsTrue(ServeCommand.Matches(["serve"]));
        Assert.IsTrue(ServeCommand.Matches(["serve", "--port", "0"]));
        Assert.IsFalse(ServeCommand.Matches(["serve", "{}"]), "a function named serve with a payload is still invoked");
        Assert.IsFalse(ServeCommand.Matches(["serveAdd", "[1]"]));
        Assert.IsFalse(ServeCommand.Matches([]));
    }

    [TestMethod]
    public async Task It_prints_every_route_url_and_the_invoke_endpoint_answers_and_stops_with_exit_0()
    {
        var output = new SynchronizedText();
        using var stop = new CancellationTokenSource();

        var running = ServeCommand.RunAsync(Catalog, ["serve", "--port", "0"], output.Writer, TextWriter.Null, Path.GetTempPath(), stop.Token);
        var port = await ListeningPort(output, running);
        using (var client = new HttpClient())
        {
            var answer = await client.GetStringAsync($"http://127.0.0.1:{port}/orders/latest");
            Assert.AreEqual("{\"id\":\"latest\"}", answer);
        }
        await stop.CancelAsync();
        var exitCode = await running.WaitAsync(TimeSpan.FromSeconds(20));

        Assert.AreEqual(0, exitCode);
        var printed = output.Text;
        foreach (var line in new[]
                 {
                     $"listening on http://127.0.0.1:{port}",
                     $"GET /orders/{{id}}", $"http://127.0.0.1:{port}/orders/{{id}}",
                     "ANY /files/{path+}", "serveEcho", "GET /orders/latest",
                     $"http://127.0.0.1:{port}/_url/serveUrl/  (auth NONE)",
                     $"http://127.0.0.1:{port}/_url/serveIamUrl/  (auth AWS_IAM)",
                     $"POST http://127.0.0.1:{port}/2015-03-31/functions/{{name}}/invocations",
                     "stopped",
                 })
            StringAssert.Contains(printed, line);
        Assert.IsTrue(printed.IndexOf("GET /orders/latest", StringComparison.Ordinal) < printed.IndexOf("GET /orders/{id}", StringComparison.Ordinal), "most specific first:\n" + printed);
        using var probe = new TcpClient();
        await Assert.ThrowsExactlyAsync<SocketException>(() => probe.ConnectAsync(IPAddress.Loopback, port), "the port is released");
    }

    [TestMethod]
    public async Task It_answers_requests_named_for_localhost_and_listens_on_loopback_only()
    {
        await using var serve = new ServeTestServer(typeof(ServeHandlers));
        using var client = new HttpClient();

        var answer = await client.GetStringAsync($"http://localhost:{serve.Server.Port}/orders/latest");

        Assert.AreEqual("{\"id\":\"latest\"}", answer);
        var outside = System.Net.NetworkInformation.NetworkInterface.GetAllNetworkInterfaces()
            .SelectMany(n => n.GetIPProperties().UnicastAddresses).Select(a => a.Address)
            .FirstOrDefault(a => a.AddressFamily == AddressFamily.InterNetwork && !IPAddress.IsLoopback(a));
        if (outside is null)
            return; // no non-loopback address on this machine to try
        using var probe = new TcpClient();
        await Assert.ThrowsExactlyAsync<SocketException>(() => probe.ConnectAsync(outside, serve.Server.Port), $"nothing listens on {outside}");
    }

    [TestMethod]
    [DataRow("--port")]
    [DataRow("--port", "x")]
    [DataRow("--port", "70000")]
    [DataRow("--verbose")]
    public async Task Bad_arguments_print_the_usage_and_exit_2(params string[] options)
    {
        var errors = new StringWriter();

        var exitCode = await ServeCommand.RunAsync(Catalog, ["serve", .. options], TextWriter.Null, errors, Path.GetTempPath());

        Assert.AreEqual(2, exitCode);
        StringAssert.Contains(errors.ToString(), "usage: serve [--port N]");
    }

    [TestMethod]
    public async Task A_taken_port_is_said_and_exits_1()
    {
        var taken = new TcpListener(IPAddress.Loopback, 0);
        taken.Start();
        try
        {
            var port = ((IPEndPoint)taken.LocalEndpoint).Port;
            var errors = new StringWriter();

            var exitCode = await ServeCommand.RunAsync(Catalog, ["serve", "--port", port.ToString(System.Globalization.CultureInfo.InvariantCulture)], TextWriter.Null, errors, Path.GetTempPath())
                .WaitAsync(TimeSpan.FromSeconds(20));

            Assert.AreEqual(1, exitCode);
            StringAssert.Contains(errors.ToString(), $"cannot listen on 127.0.0.1:{port}");
        }
        finally
        {
            taken.Stop();
        }
    }

    private static async Task<int> ListeningPort(SynchronizedText output, Task<int> running)
    {
        for (var i = 0; i < 400 && !running.IsCompleted; i++)
        {
            var match = Listening().Match(output.Text);
            if (match.Success)
                return int.Parse(match.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture);
            await Task.Delay(50);
        }
        Assert.Fail("serve did not say where it listens:\n" + output.Text);
        return 0;
    }

    [GeneratedRegex(@"listening on http://127\.0\.0\.1:(\d+)")]
    private static partial Regex Listening();

    private sealed class SynchronizedText
    {
        private readonly StringWriter _text = new();

        public SynchronizedText() => Writer = TextWriter.Synchronized(_text);

        public TextWriter Writer { get; }

        public string Text { get { lock (Writer) return _text.ToString(); } }
    }
}
