namespace Lambada.Build.Aws.Configuration;

/// <summary>
/// AWS's endpoint conventions: <c>AWS_ENDPOINT_URL_&lt;SERVICE&gt;</c>, then <c>AWS_ENDPOINT_URL</c> (both ignored when
/// <c>AWS_IGNORE_CONFIGURED_ENDPOINT_URLS=true</c>), else the public endpoint of the region's partition.
/// IAM is a global service: one endpoint per partition, signed for the partition's home region.
/// </summary>
internal static class EndpointResolver
{
    public static AwsEndpoint Resolve(AwsService service, string region, Func<string, string?> environment)
    {
        var signingRegion = service == AwsService.Iam ? IamSigningRegion(region) : region;
        if (Override(service, environment) is ({ } configured, var variable))
            return new AwsEndpoint(configured, signingRegion, IsOverridden: true) { Source = variable };
        var suffix = region.StartsWith("cn-", StringComparison.Ordinal) ? "amazonaws.com.cn" : "amazonaws.com";
        var host = service == AwsService.Iam ? IamHost(region) : $"{service.SigningName}.{region}.{suffix}";
        return new AwsEndpoint(new Uri($"https://{host}/"), signingRegion, IsOverridden: false) { Source = $"default endpoint for region {region}" };
    }

    private static (Uri? Uri, string Variable) Override(AwsService service, Func<string, string?> environment)
    {
        if (string.Equals(environment("AWS_IGNORE_CONFIGURED_ENDPOINT_URLS"), "true", StringComparison.OrdinalIgnoreCase))
            return (null, "");
        var variable = $"AWS_ENDPOINT_URL_{service.EndpointId}";
        var value = NonEmpty(environment(variable));
        if (value is null)
        {
            variable = "AWS_ENDPOINT_URL";
            value = NonEmpty(environment(variable));
        }
        if (value is null)
            return (null, "");
        if (!Uri.TryCreate(value.EndsWith('/') ? value : value + "/", UriKind.Absolute, out var uri) || uri.Scheme is not ("http" or "https"))
            throw new AwsConfigurationException(
                $"{variable} is '{value}', which is not an http(s) URL such as http://localhost:4566. Fix or unset {variable}.");
        return (uri, variable);
    }

    private static string IamSigningRegion(string region) => region switch
    {
        _ when region.StartsWith("cn-", StringComparison.Ordinal) => "cn-north-1",
        _ when region.StartsWith("us-gov-", StringComparison.Ordinal) => "us-gov-west-1",
        _ => "us-east-1",
    };

    private static string IamHost(string region) => region switch
    {
        _ when region.StartsWith("cn-", StringComparison.Ordinal) => "iam.cn-north-1.amazonaws.com.cn",
        _ when region.StartsWith("us-gov-", StringComparison.Ordinal) => "iam.us-gov.amazonaws.com",
        _ => "iam.amazonaws.com",
    };

    private static string? NonEmpty(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}
