using System.Net.Sockets;
using Amazon.Runtime;
using Lambada.Build.Aws.Configuration;
using Lambada.Build.Aws.Http;

namespace Lambada.Build.Aws.Sdk;

/// <summary>An AWSSDK client's failure as the one exception type the rest of Lambada handles.</summary>
internal static class SdkErrors
{
    public static AwsServiceException Translate(string operation, AmazonServiceException e, AwsEndpoint endpoint, bool mutates) =>
        e.StatusCode == 0 && e.InnerException is { } inner && Network(operation, inner, endpoint, mutates, CancellationToken.None) is { } network
            ? network
            : new(operation, e.ErrorCode ?? "Unknown", e.Message, (int)e.StatusCode, e.RequestId);

    /// <summary>The SDK's exception for a request that got no connection or no answer, or null when it is something else.</summary>
    public static AwsServiceException? Network(string operation, Exception e, AwsEndpoint endpoint, bool mutates, CancellationToken cancellation)
    {
        if (cancellation.IsCancellationRequested || e is not (HttpRequestException or IOException or SocketException or OperationCanceledException or TimeoutException))
            return null;
        var kind = AwsHttpClient.NeverSent(e) || e is SocketException { SocketErrorCode: SocketError.ConnectionRefused or SocketError.HostNotFound }
            ? NetworkFailure.NoConnection
            : NetworkFailure.NoAnswer;
        return new AwsServiceException(operation, kind == NetworkFailure.NoConnection ? AwsHttpClient.ConnectionFailedCode : AwsHttpClient.NoAnswerCode,
            e is OperationCanceledException ? "no answer within the timeout" : e.Message, 0, null)
        {
            Network = kind,
            Endpoint = endpoint.Description,
            Mutates = mutates,
            Attempts = 0,
        };
    }
}
