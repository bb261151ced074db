using Lambada.Build.Aws.Configuration;
using Lambada.Tests.Aws.Clients;

namespace Lambada.Tests.Aws.Configuration;

/// <summary>
/// Where API Gateway v2 calls go: <c>https://apigateway.{region}.amazonaws.com</c> (<c>.com.cn</c> in China; the addresses
/// botocore 1.43.11's apigatewayv2 client resolves for these regions), else <c>AWS_ENDPOINT_URL_APIGATEWAYV2</c>, then
/// <c>AWS_ENDPOINT_URL</c>.
/// </summary>
[TestClass]
public sealed class ApiGatewayEndpointTests
{
    [TestMethod]
    [DataRow("us-east-1", "https://apigateway.us-east-1.amazonaws.com/")]
    [DataRow("eu-west-1", "https://apigateway.eu-west-1.amazonaws.com/")]
    [DataRow("ap-southeast-2", "https://apigateway.ap-southeast-2.amazonaws.com/")]
    [DataRow("cn-north-1", "https://apigateway.cn-north-1.amazonaws.com.cn/")]
    [DataRow("cn-northwest-1", "https://apigateway.cn-northwest-1.amazonaws.com.cn/")]
    [DataRow("us-gov-west-1", "https://apigateway.us-gov-west-1.amazonaws.com/")]
    public void The_public_endpoint_is_apigateway_in_the_region(string region, string expected)
    {
        var endpoint = EndpointResolver.Resolve(AwsService.ApiGateway, region, _ => null);

        Assert.AreEqual(expected, endpoint.BaseUri.ToString());
        Assert.AreEqual(region, endpoint.SigningRegion);
        Assert.IsFalse(endpoint.IsOverridden);
    }

    [TestMethod]
    public void The_signing_name_is_apigateway_and_the_variable_id_APIGATEWAYV2()
    {
        Assert.AreEqual("apigateway", AwsService.ApiGateway.SigningName);
        Assert.AreEqual("APIGATEWAYV2", AwsService.ApiGateway.EndpointId);
    }

    [TestMethod]
    public void AWS_ENDPOINT_URL_APIGATEWAYV2_beats_AWS_ENDPOINT_URL()
    {
        var environment = Variables(("AWS_ENDPOINT_URL_APIGATEWAYV2", "http://127.0.0.1:5001"), ("AWS_ENDPOINT_URL", "http://127.0.0.1:5002"));

        var endpoint = EndpointResolver.Resolve(AwsService.ApiGateway, "eu-west-1", environment);

        Assert.AreEqual("http://127.0.0.1:5001/", endpoint.BaseUri.ToString());
        Assert.AreEqual("AWS_ENDPOINT_URL_APIGATEWAYV2", endpoint.Source);
        Assert.AreEqual("eu-west-1", endpoint.SigningRegion);
        Assert.AreEqual("http://127.0.0.1:5002/", EndpointResolver.Resolve(AwsService.Lambda, "eu-west-1", environment).BaseUri.ToString());
    }

    [TestMethod]
    public void AWS_ENDPOINT_URL_applies_when_the_service_variable_is_unset()
    {
        var endpoint = EndpointResolver.Resolve(AwsService.ApiGateway, "eu-west-1", Variables(("AWS_ENDPOINT_URL", "http://localhost:4566")));

        Assert.AreEqual("http://localhost:4566/", endpoint.BaseUri.ToString());
        Assert.AreEqual("AWS_ENDPOINT_URL", endpoint.Source);
    }

    [TestMethod]
    [DataRow("AWS_ENDPOINT_URL_LAMBDA")]
    [DataRow("AWS_ENDPOINT_URL_APIGATEWAY")]
    public void Another_services_variable_does_not_move_API_Gateway_v2(string variable)
    {
        var endpoint = EndpointResolver.Resolve(AwsService.ApiGateway, "eu-west-1", Variables((variable, "http://localhost:4566")));

        Assert.AreEqual("https://apigateway.eu-west-1.amazonaws.com/", endpoint.BaseUri.ToString());
    }

    [TestMethod]
    public void AWS_IGNORE_CONFIGURED_ENDPOINT_URLS_ignores_both_variables()
    {
        var environment = Variables(("AWS_ENDPOINT_URL_APIGATEWAYV2", "http://127.0.0.1:5001"), ("AWS_ENDPOINT_URL", "http://127.0.0.1:5002"),
            ("AWS_IGNORE_CONFIGURED_ENDPOINT_URLS", "true"));

        Assert.AreEqual("https://apigateway.eu-west-1.amazonaws.com/", EndpointResolver.Resolve(AwsService.ApiGateway, "eu-west-1", environment).BaseUri.ToString());
    }

    [TestMethod]
    public void A_malformed_APIGATEWAYV2_variable_is_named_in_the_error()
    {
        var error = Assert.ThrowsExactly<AwsConfigurationException>(() =>
            EndpointResolver.Resolve(AwsService.ApiGateway, "eu-west-1", Variables(("AWS_ENDPOINT_URL_APIGATEWAYV2", "localhost:4566"))));

        StringAssert.Contains(error.Message, "AWS_ENDPOINT_URL_APIGATEWAYV2");
    }

    [TestMethod]
    public async Task The_client_sends_API_Gateway_calls_to_the_APIGATEWAYV2_endpoint_and_Lambda_calls_elsewhere()
    {
        using var apiGateway = new RecordingAwsServer(_ => new ScriptedAnswer(200, """{"items":[]}"""));
        using var lambda = new RecordingAwsServer(_ => new ScriptedAnswer(404, """{"Message":"none"}""", "ResourceNotFoundException"));
        using var clients = lambda.Clients(new Dictionary<string, string?> { ["AWS_ENDPOINT_URL_APIGATEWAYV2"] = apiGateway.Endpoint });

        await clients.ApiGateway.GetApisAsync(CancellationToken.None);
        await clients.Urls.GetAsync("orders", CancellationToken.None);

        Assert.AreEqual("GET /v2/apis?maxResults=100", apiGateway.Single.ToString());
        Assert.AreEqual("GET /2021-10-31/functions/orders/url", lambda.Single.ToString());
    }

    private static Func<string, string?> Variables(params (string Name, string Value)[] variables) =>
        name => variables.FirstOrDefault(v => v.Name == name).Value;
}
