using Lambada;
using Lambada.Runtime;

namespace LambdaShell;

/// <summary>The functions this sample deploys. Each one only hands its input to the class doing the work.</summary>
public sealed class ShellFunctions
{
    /// <summary>
    /// Runs each command in order and maps it to its output lines (stdout and stderr merged, in order).
    /// A command starting with <c>!aws</c> is an S3 upload (<see cref="AwsCommand"/>); every other command
    /// runs as a <c>/bin/bash -x</c> script (<see cref="ScriptRunner"/>). A command that fails, times out or
    /// is malformed reports that in its own lines; it never fails the call.
    /// A command given twice runs twice and both runs' lines are appended, in order, under the one key.
    /// Output is cut to fit <see cref="Limits"/>; a missing list or a null command is an error entry.
    /// </summary>
    /// <param name="commands">The commands, run one after the other in this order.</param>
    /// <param name="context">Its remaining time, less <see cref="Limits.ReplyMargin"/>, is the commands' time: the
    /// running command is then stopped and the ones after it are reported as not run.</param>
    /// <remarks>
    /// Also reachable over HTTP through a function URL whose auth is AWS_IAM (the default): only SigV4-signed callers
    /// allowed <c>lambda:InvokeFunctionUrl</c> get in. A shell on the internet must never be public. The URL's JSON body
    /// is the list of commands.
    /// </remarks>
    [LambadaFunction(Name = "lb_runCommand", MemorySize = 512, Timeout = 300, Role = "*/lambda_s3_full")]
    [LambadaUrl]
    public Dictionary<string, List<string>> RunCommands(List<string?>? commands, ILambadaContext context)
    {
        var time = context.RemainingTime - Limits.ReplyMargin;
        using var deadline = new CancellationTokenSource(time > TimeSpan.Zero ? time : TimeSpan.Zero);
        // The declared contract is synchronous; the host has no synchronization context, so blocking on
        // the batch here cannot deadlock.
        return new CommandBatch(new ScriptRunner(), new AwsCommand(new S3Uploader()))
            .RunAsync(commands, deadline.Token).GetAwaiter().GetResult();
    }

    /// <summary>
    /// Describes the machine and runtime the function runs on. Never returns environment variable values. Public over
    /// HTTP as <c>GET /runtime</c> on the project's HTTP API, where it has no body and so lists no variable names.
    /// </summary>
    [LambadaFunction(Name = "lb_describeRuntime", MemorySize = 256, Timeout = 10)]
    [LambadaHttp("GET /runtime", Auth = LambadaAuth.None)]
    public async Task<RuntimeDescription> DescribeRuntime(RuntimeQuery? query, ILambadaContext context)
    {
        return await new RuntimeDescriber().DescribeAsync(query ?? new RuntimeQuery(), context.MemoryLimitInMB);
    }
}
