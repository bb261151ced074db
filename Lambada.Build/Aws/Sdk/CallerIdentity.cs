using Amazon.Runtime;
using Amazon.SecurityToken;
using Amazon.SecurityToken.Model;
using Lambada.Build.Aws.Configuration;
using Lambada.Build.Aws.Http;

namespace Lambada.Build.Aws.Sdk;

/// <summary>The caller's account id, from STS GetCallerIdentity (AWSSDK.SecurityToken), asked at most once.</summary>
internal sealed class CallerIdentity(AWSCredentials credentials, AwsEndpoint endpoint, string region, NetworkLimits limits)
{
    private const string Operation = "GetCallerIdentity";
    private readonly SemaphoreSlim _gate = new(1, 1);
    private string? _accountId;

    public async Task<string> AccountIdAsync(CancellationToken cancellation)
    {
        await _gate.WaitAsync(cancellation).ConfigureAwait(false);
        try
        {
            if (_accountId is not null)
                return _accountId;
            using var sts = new AmazonSecurityTokenServiceClient(credentials, SdkClientConfig.For<AmazonSecurityTokenServiceConfig>(endpoint, region, limits));
            var identity = await sts.GetCallerIdentityAsync(new GetCallerIdentityRequest(), cancellation).ConfigureAwait(false);
            return _accountId = identity.Account;
        }
        catch (AmazonServiceException e)
        {
            throw SdkErrors.Translate(Operation, e, endpoint, mutates: false);
        }
        catch (Exception e) when (SdkErrors.Network(Operation, e, endpoint, mutates: false, cancellation) is { } network)
        {
            throw network;
        }
        finally
        {
            _gate.Release();
        }
    }
}
