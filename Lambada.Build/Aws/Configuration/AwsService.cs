namespace Lambada.Build.Aws.Configuration;

/// <summary>A service Lambada calls: its signing name and the id that names its endpoint variable (<c>AWS_ENDPOINT_URL_LAMBDA</c>).</summary>
internal sealed record AwsService(string SigningName, string EndpointId)
{
    public static readonly AwsService Lambda = new("lambda", "LAMBDA");
    public static readonly AwsService Iam = new("iam", "IAM");
    public static readonly AwsService Sts = new("sts", "STS");
    public static readonly AwsService S3 = new("s3", "S3");

    /// <summary>API Gateway v2 (HTTP APIs): signed as <c>apigateway</c>, endpoint variable <c>AWS_ENDPOINT_URL_APIGATEWAYV2</c>.</summary>
    public static readonly AwsService ApiGateway = new("apigateway", "APIGATEWAYV2");
}
