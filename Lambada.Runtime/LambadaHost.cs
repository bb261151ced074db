using System.Diagnostics.CodeAnalysis;
using System.Reflection;
using Lambada.Runtime.Api;
using Lambada.Runtime.Handlers;
using Lambada.Runtime.Local;

namespace Lambada.Runtime;

/// <summary>
/// The entry point of a Lambada function package. Inside Lambda (<c>AWS_LAMBDA_RUNTIME_API</c> set) it serves
/// the method named by <c>LAMBADA_HANDLER</c>; anywhere else it invokes a function locally from the command line.
/// A project with its own <c>Main</c> hands over with <c>return await LambadaHost.RunAsync(args);</c>.
/// </summary>
public static class LambadaHost
{
    /// <summary>Names the method a deployed function runs, as <c>Namespace.Type::Method</c>.</summary>
    public const string HandlerVariable = "LAMBADA_HANDLER";

    /// <summary>Set by Lambda to the Runtime API's <c>host:port</c>; its presence means "inside Lambda".</summary>
    public const string RuntimeApiVariable = "AWS_LAMBDA_RUNTIME_API";

    /// <summary>Serves the Runtime API inside Lambda, or runs a function from the command line outside it; returns the exit code.</summary>
    /// <param name="args">The command line: nothing (list the functions), or a function name and a JSON payload or <c>@file</c>.</param>
    /// <param name="functions">The assembly holding the <c>[LambadaFunction]</c> methods; the entry assembly when null.</param>
    [RequiresUnreferencedCode(Trimming.Reason)]
    [RequiresDynamicCode(Trimming.Reason)]
    public static Task<int> RunAsync(string[] args, Assembly? functions = null)
    {
        functions ??= Assembly.GetEntryAssembly() ?? throw new InvalidOperationException("No entry assembly: pass the assembly with the functions");
        var runtimeApi = Environment.GetEnvironmentVariable(RuntimeApiVariable);
        return string.IsNullOrEmpty(runtimeApi)
            ? Task.FromResult(LocalInvoker.Run(new FunctionCatalog(functions), args, Console.Out, Console.Error))
            : ServeAsync(runtimeApi, Environment.GetEnvironmentVariable(HandlerVariable), functions);
    }

    /// <summary>
    /// Serves <paramref name="methodId"/> (<c>Namespace.Type::Method</c>) over the Runtime API at
    /// <paramref name="runtimeApi"/> until <paramref name="stop"/> fires. A handler that cannot be set up is
    /// reported as an init error, and the result is 1.
    /// </summary>
    [RequiresUnreferencedCode(Trimming.Reason)]
    [RequiresDynamicCode(Trimming.Reason)]
    public static async Task<int> ServeAsync(string runtimeApi, string? methodId, Assembly functions, CancellationToken stop = default)
    {
        using var api = new RuntimeApiClient(runtimeApi);
        FunctionHandler handler;
        try
        {
            if (string.IsNullOrEmpty(methodId))
                throw new HandlerNotFoundException($"{HandlerVariable} is not set: it names the method to run, as Namespace.Type::Method");
            handler = new FunctionHandler(HandlerLookup.Find(functions, methodId));
        }
        catch (Exception e)
        {
            var error = e is HandlerNotFoundException
                ? FunctionError.Of("Runtime.NoSuchHandler", e.Message)
                : FunctionError.From(e);
            await Console.Error.WriteLineAsync($"{error.ErrorType}: {error.ErrorMessage}").ConfigureAwait(false);
            await api.ReportInitErrorAsync(error, stop).ConfigureAwait(false);
            return 1;
        }

        await new InvocationLoop(api, handler, TimeProvider.System).RunAsync(stop).ConfigureAwait(false);
        return 0;
    }
}
