using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using System.Net;
using System.Runtime.InteropServices;
using Lambada.Runtime.Handlers;

namespace Lambada.Runtime.Local.Serve;

/// <summary>
/// <c>&lt;app&gt; serve [--port N]</c>: serves the assembly's functions on http://127.0.0.1:N (default <see cref="DefaultPort"/>;
/// 0 = a free port, printed) until Ctrl+C (SIGINT) or SIGTERM, then exits 0. Prints every route, URL and the Invoke endpoint.
/// </summary>
internal static class ServeCommand
{
    public const string Verb = "serve";
    public const int DefaultPort = 5050;
    public const string Usage = "usage: serve [--port N]   (N = 0: any free port; default 5050)";

    /// <summary>Whether <paramref name="args"/> ask for the server: <c>serve</c>, alone or with <c>--port N</c>.</summary>
    public static bool Matches(string[] args) => args.Length > 0 && args[0] == Verb && (args.Length == 1 || args[1].StartsWith("--", StringComparison.Ordinal));

    [RequiresUnreferencedCode(Trimming.Reason)]
    [RequiresDynamicCode(Trimming.Reason)]
    public static async Task<int> RunAsync(FunctionCatalog catalog, string[] args, TextWriter output, TextWriter errors, string manifestDirectory, CancellationToken cancel = default)
    {
        if (!TryParsePort(args, out var port))
        {
            await errors.WriteLineAsync(Usage).ConfigureAwait(false);
            return 2;
        }
        var manifest = catalog.Functions.Count == 0 ? null : LocalManifest.Find(manifestDirectory, catalog.Functions[0].Method.Module.Assembly, errors);

        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancel);
        void Stop()
        {
            try
            {
                stop.Cancel();
            }
            catch (ObjectDisposedException)
            {
                // Stopped already.
            }
        }
        ConsoleCancelEventHandler onCancel = (_, e) => { e.Cancel = true; Stop(); };
        Console.CancelKeyPress += onCancel;
        using var sigterm = PosixSignalRegistration.Create(PosixSignal.SIGTERM, c => { c.Cancel = true; Stop(); });
        try
        {
            LocalServer server;
            try
            {
                server = LocalServer.Start(catalog, manifest, port, errors);
            }
            catch (HttpListenerException e)
            {
                await errors.WriteLineAsync($"lambada serve: cannot listen on 127.0.0.1:{port} ({e.Message}); try --port 0 for any free port").ConfigureAwait(false);
                return 1;
            }
            using (server)
            {
                await output.WriteLineAsync(Describe(server)).ConfigureAwait(false);
                await output.FlushAsync(CancellationToken.None).ConfigureAwait(false);
                await server.RunAsync(stop.Token).ConfigureAwait(false);
            }
            await output.WriteLineAsync("lambada serve: stopped").ConfigureAwait(false);
            return 0;
        }
        finally
        {
            Console.CancelKeyPress -= onCancel;
        }
    }

    /// <summary>What the server serves, for a person: the routes, the URLs, the Invoke endpoint.</summary>
    [RequiresUnreferencedCode(Trimming.Reason)]
    [RequiresDynamicCode(Trimming.Reason)]
    public static string Describe(LocalServer server)
    {
        var text = new System.Text.StringBuilder();
        text.AppendLine(CultureInfo.InvariantCulture, $"lambada serve: listening on {server.BaseAddress} (127.0.0.1 only; Ctrl+C stops)");
        if (server.Routes.Routes.Count > 0)
            text.AppendLine("HTTP API routes (auth not checked locally):");
        foreach (var (template, function) in server.Routes.Routes)
            text.AppendLine(CultureInfo.InvariantCulture, $"  {template.RouteKey,-32} -> {function.Name,-24} {server.BaseAddress}{(template.IsDefault ? "/" : template.Path)}");
        if (server.Routes.Urls.Count > 0)
            text.AppendLine("Function URLs (auth not checked locally):");
        foreach (var function in server.Routes.Urls.OrderBy(f => f.Name, StringComparer.Ordinal))
            text.AppendLine(CultureInfo.InvariantCulture, $"  {function.Name,-32} {server.BaseAddress}{RouteTable.UrlPrefix}{Uri.EscapeDataString(function.Name)}/  (auth {(function.Entry.Url!.Auth == LambadaAuth.None ? "NONE" : "AWS_IAM")})");
        text.AppendLine(CultureInfo.InvariantCulture, $"Lambda Invoke API: POST {server.BaseAddress}{InvokeApi.PathPrefix}{{name}}{InvokeApi.PathSuffix}");
        text.Append(CultureInfo.InvariantCulture, $"  aws lambda invoke --endpoint-url {server.BaseAddress} --function-name NAME --payload '{{}}' out.json");
        return text.ToString();
    }

    private static bool TryParsePort(string[] args, out int port)
    {
        port = DefaultPort;
        for (var i = 1; i < args.Length; i++)
        {
            if (args[i] == "--port" && i + 1 < args.Length
                && int.TryParse(args[i + 1], NumberStyles.None, CultureInfo.InvariantCulture, out port) && port is >= 0 and <= 65535)
            {
                i++;
                continue;
            }
            return false;
        }
        return true;
    }
}
