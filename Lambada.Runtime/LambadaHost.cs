using System.Diagnostics.CodeAnalysis;
using System.Reflection;
using Lambada.Build.Model;
using Lambada.Runtime.Api;
using Lambada.Runtime.Context;
using Lambada.Runtime.Handlers;
using Lambada.Runtime.Local;
using Lambada.Runtime.Local.Serve;

namespace Lambada.Runtime;

/// <summary>
/// The entry point of a Lambada function package. Inside Lambda (<c>AWS_LAMBDA_RUNTIME_API</c> set) it serves
/// the method named by <c>LAMBADA_HANDLER</c>; anywhere else it invokes a function locally from the command line.
/// A project with its own <c>Main</c> hands over with <c>return await LambadaHost.RunAsync(args);</c>.
/// </summary>
public static class LambadaHost
{
    /// <summary>Names the method a deployed function runs, as <c>Namespace.Type::Method</c>.</summary>
    public const string HandlerVariable = LambadaContract.HandlerVariable;

    /// <summary>Set by Lambda to the Runtime API's <c>host:port</c>; its presence means "inside Lambda".</summary>
    public const string RuntimeApiVariable = "AWS_LAMBDA_RUNTIME_API";

    /// <summary>Serves the Runtime API inside Lambda, or runs a function from the command line outside it; returns the exit code.</summary>
    /// <param name="args">The command line: nothing (list the functions), a function name and a JSON payload or <c>@file</c>,
    /// or <c>serve [--port N]</c> (a local HTTP server for the routes, function URLs and the Lambda Invoke API).</param>
    /// <param name="functions">The assembly holding the <c>[LambadaFunction]</c> methods; the entry assembly when null.</param>
    [RequiresUnreferencedCode(Trimming.Reason)]
    [RequiresDynamicCode(Trimming.Reason)]
    public static Task<int> RunAsync(string[] args, Assembly? functions = null)
    {
        functions ??= Assembly.GetEntryAssembly() ?? throw new InvalidOperationException("No entry assembly: pass the assembly with the functions");
        var runtimeApi = Environment.GetEnvironmentVariable(RuntimeApiVariable);
        if (!string.IsNullOrEmpty(runtimeApi))
            return ServeAsync(runtimeApi, Environment.GetEnvironmentVariable(HandlerVariable), functions);
        return ServeCommand.Matches(args)
            ? ServeCommand.RunAsync(new FunctionCatalog(functions), args, Console.Out, Console.Error, AppContext.BaseDirectory)
            : Task.FromResult(LocalInvoker.Run(new FunctionCatalog(functions), args, Console.Out, Console.Error));
    }

    /// <summary>
    /// Serves <paramref name="methodId"/> (<c>Namespace.Type::Method</c>) over the Runtime API at
    /// <paramref name="runtimeApi"/> until <paramref name="stop"/> fires. A handler that cannot be set up is
    /// reported as an init error, and the result is 1; so is a Runtime API that stopped answering (see the README).
    /// Bad input from the Runtime API never ends the loop.
    /// </summary>
    [RequiresUnreferencedCode(Trimming.Reason)]
    [RequiresDynamicCode(Trimming.Reason)]
    public static Task<int> ServeAsync(string runtimeApi, string? methodId, Assembly functions, CancellationToken stop = default) =>
        ServeAsync(runtimeApi, methodId, functions, Console.Error, stop);

    /// <summary>The same, with the host's own records going to <paramref name="log"/> (stderr inside Lambda).</summary>
    [RequiresUnreferencedCode(Trimming.Reason)]
    [RequiresDynamicCode(Trimming.Reason)]
    internal static async Task<int> ServeAsync(string runtimeApi, string? methodId, Assembly functions, TextWriter log, CancellationToken stop)
    {
        var hostLog = new HostLog(log);
        RuntimeApiClient api;
        try
        {
            api = new RuntimeApiClient(runtimeApi);
        }
        catch (UriFormatException)
        {
            hostLog.Error(null, $"{RuntimeApiVariable}='{runtimeApi}' is not a host:port; exiting");
            return 1;
        }

        using (api)
        {
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
                await log.WriteLineAsync($"{error.ErrorType}: {error.ErrorMessage}").ConfigureAwait(false);
                var reported = await api.ReportInitErrorAsync(error, stop).ConfigureAwait(false);
                if (!reported.WasAccepted)
                    hostLog.Error(null, $"the Runtime API did not accept the init error ({reported.Failure})");
                return 1;
            }

            return await new InvocationLoop(api, handler, TimeProvider.System, hostLog).RunAsync(stop).ConfigureAwait(false);
        }
    }
}
