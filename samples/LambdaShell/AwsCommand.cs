using System.Diagnostics;
using Amazon.Runtime;

namespace LambdaShell;

/// <summary>
/// Runs an <c>!aws</c> line in process (no shell): today only <see cref="S3CopyCommand"/>. Every problem,
/// from a malformed line to an S3 error, becomes one error line for this command.
/// </summary>
public sealed class AwsCommand(S3Uploader uploader)
{
    private const string Prefix = "!aws";

    public static bool Matches(string command) => command.StartsWith(Prefix, StringComparison.Ordinal);

    public async Task<IReadOnlyList<string>> RunAsync(string command, CancellationToken cancellation)
    {
        S3CopyCommand copy;
        try
        {
            copy = S3CopyCommand.Parse(command);
        }
        catch (FormatException e)
        {
            return [StatusLines.Error($"{e.Message} (usage: {S3CopyCommand.Usage})")];
        }

        if (!File.Exists(copy.File))
            return [StatusLines.Error($"the file {copy.File} does not exist")];

        var started = Stopwatch.GetTimestamp();
        try
        {
            var size = await uploader.UploadAsync(copy, cancellation);
            return [$"upload: {copy.File} to {copy.Destination} ({size} bytes)"];
        }
        catch (OperationCanceledException) when (cancellation.IsCancellationRequested)
        {
            return [StatusLines.TimedOut(Stopwatch.GetElapsedTime(started))];
        }
        catch (Exception e) when (e is AmazonClientException or AmazonServiceException or IOException or HttpRequestException or UnauthorizedAccessException)
        {
            var code = e is AmazonServiceException { ErrorCode: { Length: > 0 } errorCode } ? errorCode + ": " : "";
            return [StatusLines.Error($"upload of {copy.File} to {copy.Destination} failed: {code}{e.Message}")];
        }
    }
}
