using Lambada.Build.Aws.ApiGateway;
using Lambada.Build.Aws.Configuration;
using Lambada.Build.Aws.Http;
using Lambada.Build.Aws.Iam;
using Lambada.Build.Aws.Lambda;
using Lambada.Build.Aws.Sdk;

namespace Lambada.Build.Aws;

/// <summary>
/// Every AWS client a deploy needs, sharing one region, one credential source, one HTTP connection pool and the network
/// limits of the retry policy (<see cref="RetryPolicy.Network"/>), the AWSSDK clients included.
/// </summary>
internal sealed class AwsClients : IDisposable
{
    private readonly HttpClient _http;

    private AwsClients(string region, HttpClient http, AwsHttpClient aws, CallerIdentity identity, PackageUploader uploader)
    {
        Region = region;
        _http = http;
        Http = aws;
        Lambda = new LambdaClient(aws);
        Iam = new IamClient(aws);
        Urls = new FunctionUrlClient(aws);
        Policies = new PolicyClient(aws);
        ApiGateway = new ApiGatewayClient(aws);
        Identity = identity;
        Uploader = uploader;
    }

    public string Region { get; }
    public AwsHttpClient Http { get; }
    public LambdaClient Lambda { get; }
    public IamClient Iam { get; }
    public FunctionUrlClient Urls { get; }
    public PolicyClient Policies { get; }
    public ApiGatewayClient ApiGateway { get; }
    public CallerIdentity Identity { get; }
    public PackageUploader Uploader { get; }

    public static AwsClients Create(string? region, string? profile, Func<string, string?> environment, RetryPolicy policy, Action<AwsAttempt>? observer)
    {
        var resolvedRegion = RegionResolver.Resolve(region, profile, environment);
        var credentials = CredentialSource.Resolve(profile, environment);
        var http = AwsHttpClient.CreateHttpClient(policy.Network);
        var aws = new AwsHttpClient(http, credentials.GetAsync, service => EndpointResolver.Resolve(service, resolvedRegion, environment), policy)
        {
            Observer = observer,
        };
        var identity = new CallerIdentity(credentials.SdkCredentials, EndpointResolver.Resolve(AwsService.Sts, resolvedRegion, environment), resolvedRegion, policy.Network);
        var uploader = new PackageUploader(credentials.SdkCredentials, EndpointResolver.Resolve(AwsService.S3, resolvedRegion, environment), resolvedRegion, policy.Network);
        return new AwsClients(resolvedRegion, http, aws, identity, uploader);
    }

    public void Dispose() => _http.Dispose();
}
