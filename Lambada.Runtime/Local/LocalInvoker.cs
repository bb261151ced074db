using System.Diagnostics.CodeAnalysis;
using System.Text.Json;
using Lambada.Runtime.Api;
using Lambada.Runtime.Handlers;

namespace Lambada.Runtime.Local;

/// <summary>
/// Outside Lambda: <c>&lt;app&gt; NAME 'json'</c> or <c>&lt;app&gt; NAME @payload.json</c> runs one function and prints
/// its JSON result (exit 0), or the error JSON (exit 1); no arguments lists the functions; <c>serve</c> is <see cref="Serve.ServeCommand"/>. The context's memory and
/// timeout come from the build's manifest beside the app (<see cref="LocalManifest"/>).
/// </summary>
internal static class LocalInvoker
{
    // Printed for a person: indented, and quotes or non-ASCII left as they are instead of \u escapes.
    private static readonly LambadaJsonContext ReadableJson = new(new JsonSerializerOptions
    {
        WriteIndented = true,
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    });

    [RequiresUnreferencedCode(Trimming.Reason)]
    [RequiresDynamicCode(Trimming.Reason)]
    public static int Run(FunctionCatalog catalog, string[] args, TextWriter output, TextWriter errors) =>
        Run(catalog, args, output, errors, AppContext.BaseDirectory);

    /// <summary>The same, with the build's manifest read from <paramref name="manifestDirectory"/> instead of the app's own folder.</summary>
    [RequiresUnreferencedCode(Trimming.Reason)]
    [RequiresDynamicCode(Trimming.Reason)]
    public static int Run(FunctionCatalog catalog, string[] args, TextWriter output, TextWriter errors, string manifestDirectory)
    {
        if (args.Length == 0)
        {
            foreach (var f in catalog.Functions)
                output.WriteLine($"{f.Name}\t{f.MethodId}");
            return 0;
        }
        if (args.Length > 2)
        {
            errors.WriteLine("usage: <function name> ['<json payload>' | @<payload file>]   or: serve [--port N]");
            return 2;
        }

        try
        {
            var payload = args.Length == 1 ? "" : args[1].StartsWith('@') ? File.ReadAllText(args[1][1..]) : args[1];
            var function = catalog.ByName(args[0]);
            var handler = new FunctionHandler(function.Method);
            var manifest = LocalManifest.Find(manifestDirectory, function.Method.Module.Assembly, errors);
            var context = new LocalContext(function, manifest?.Function(function.Name));
            using var deadline = new CancellationTokenSource(context.Timeout);
            var result = handler.InvokeAsync(System.Text.Encoding.UTF8.GetBytes(payload), context, deadline.Token).GetAwaiter().GetResult();
            output.WriteLine(System.Text.Encoding.UTF8.GetString(result));
            return 0;
        }
        catch (Exception e)
        {
            var error = e is HandlerNotFoundException ? FunctionError.Of("Runtime.NoSuchHandler", e.Message) : FunctionError.From(e);
            output.WriteLine(JsonSerializer.Serialize(error, ReadableJson.FunctionError));
            return 1;
        }
    }
}
