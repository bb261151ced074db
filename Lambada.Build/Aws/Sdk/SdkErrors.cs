using Amazon.Runtime;
using Lambada.Build.Aws.Http;

namespace Lambada.Build.Aws.Sdk;

/// <summary>An AWSSDK client's failure as the one exception type the rest of Lambada handles.</summary>
internal static class SdkErrors
{
    public static AwsServiceException Translate(string operation, AmazonServiceException e) =>
        new(operation, e.ErrorCode ?? "Unknown", e.Message, (int)e.StatusCode, e.RequestId);
}
