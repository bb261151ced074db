using Lambada.Build.Aws.Configuration;

namespace Lambada.Tests.Aws.Configuration;

/// <summary>Endpoint variables, their precedence and the public endpoints per partition; the environment is injected.</summary>
[TestClass]
public sealed class EndpointResolverTests
{
    [TestMethod]
    [DataRow("lambda", "us-east-1", "https://lambda.us-east-1.amazonaws.com/", "us-east-1")]
    [DataRow("lambda", "eu-west-1", "https://lambda.eu-west-1.amazonaws.com/", "eu-west-1")]
    [DataRow("sts", "ap-southeast-2", "https://sts.ap-southeast-2.amazonaws.com/", "ap-southeast-2")]
    [DataRow("iam", "eu-west-1", "https://iam.amazonaws.com/", "us-east-1")]
    [DataRow("lambda", "cn-north-1", "https://lambda.cn-north-1.amazonaws.com.cn/", "cn-north-1")]
    [DataRow("sts", "cn-northwest-1", "https://sts.cn-northwest-1.amazonaws.com.cn/", "cn-northwest-1")]
    [DataRow("iam", "cn-northwest-1", "https://iam.cn-north-1.amazonaws.com.cn/", "cn-north-1")]
    [DataRow("lambda", "us-gov-east-1", "https://lambda.us-gov-east-1.amazonaws.com/", "us-gov-east-1")]
    [DataRow("iam", "us-gov-east-1", "https://iam.us-gov.amazonaws.com/", "us-gov-west-1")]
    public void Public_endpoints_follow_the_partition(string service, string region, string expectedUri, string expectedSigningRegion)
    {
        var endpoint = EndpointResolver.Resolve(Service(service), region, NoVariables);

        Assert.AreEqual(expectedUri, endpoint.BaseUri.ToString());
        Assert.AreEqual(expectedSigningRegion, endpoint.SigningRegion);
        Assert.IsFalse(endpoint.IsOverridden);
    }

    [TestMethod]
    [DataRow("lambda", "AWS_ENDPOINT_URL_LAMBDA")]
    [DataRow("iam", "AWS_ENDPOINT_URL_IAM")]
    [DataRow("sts", "AWS_ENDPOINT_URL_STS")]
    [DataRow("s3", "AWS_ENDPOINT_URL_S3")]
    public void The_service_variable_overrides_that_service_only(string service, string variable)
    {
        var environment = Variables((variable, "http://localhost:4566"));

        var overridden = EndpointResolver.Resolve(Service(service), "eu-west-1", environment);
        var others = Services.Where(s => s.SigningName != service)
            .Select(s => EndpointResolver.Resolve(s, "eu-west-1", environment));

        Assert.AreEqual("http://localhost:4566/", overridden.BaseUri.ToString());
        Assert.IsTrue(overridden.IsOverridden);
        Assert.IsTrue(others.All(e => !e.IsOverridden && e.BaseUri.Host.EndsWith(".amazonaws.com", StringComparison.Ordinal)));
    }

    [TestMethod]
    public void The_general_variable_overrides_every_service()
    {
        var environment = Variables(("AWS_ENDPOINT_URL", "http://127.0.0.1:5077"));

        var endpoints = Services.Select(s => EndpointResolver.Resolve(s, "eu-west-1", environment)).ToList();

        Assert.IsTrue(endpoints.All(e => e.IsOverridden && e.BaseUri.ToString() == "http://127.0.0.1:5077/"), string.Join(", ", endpoints));
    }

    [TestMethod]
    public void The_service_variable_wins_over_the_general_one()
    {
        var environment = Variables(("AWS_ENDPOINT_URL", "http://general:1"), ("AWS_ENDPOINT_URL_LAMBDA", "http://lambda-only:2"));

        Assert.AreEqual("http://lambda-only:2/", EndpointResolver.Resolve(AwsService.Lambda, "eu-west-1", environment).BaseUri.ToString());
        Assert.AreEqual("http://general:1/", EndpointResolver.Resolve(AwsService.Iam, "eu-west-1", environment).BaseUri.ToString());
    }

    [TestMethod]
    public void A_blank_service_variable_falls_through_to_the_general_one()
    {
        var environment = Variables(("AWS_ENDPOINT_URL", "http://general:1"), ("AWS_ENDPOINT_URL_LAMBDA", "  "));

        Assert.AreEqual("http://general:1/", EndpointResolver.Resolve(AwsService.Lambda, "eu-west-1", environment).BaseUri.ToString());
    }

    [TestMethod]
    [DataRow("true")]
    [DataRow("TRUE")]
    public void The_ignore_flag_turns_both_variables_off(string flag)
    {
        var environment = Variables(("AWS_ENDPOINT_URL", "http://general:1"), ("AWS_ENDPOINT_URL_LAMBDA", "http://lambda-only:2"),
            ("AWS_IGNORE_CONFIGURED_ENDPOINT_URLS", flag));

        var endpoint = EndpointResolver.Resolve(AwsService.Lambda, "eu-west-1", environment);

        Assert.AreEqual("https://lambda.eu-west-1.amazonaws.com/", endpoint.BaseUri.ToString());
        Assert.IsFalse(endpoint.IsOverridden);
    }

    [TestMethod]
    public void The_ignore_flag_set_to_false_leaves_the_variables_on()
    {
        var environment = Variables(("AWS_ENDPOINT_URL_LAMBDA", "http://lambda-only:2"), ("AWS_IGNORE_CONFIGURED_ENDPOINT_URLS", "false"));

        Assert.IsTrue(EndpointResolver.Resolve(AwsService.Lambda, "eu-west-1", environment).IsOverridden);
    }

    [TestMethod]
    [DataRow("http://localhost:4566", "http://localhost:4566/")]
    [DataRow("http://localhost:4566/", "http://localhost:4566/")]
    [DataRow(" https://vpce-1.lambda.eu-west-1.vpce.amazonaws.com ", "https://vpce-1.lambda.eu-west-1.vpce.amazonaws.com/")]
    [DataRow("http://proxy:8080/aws/lambda", "http://proxy:8080/aws/lambda/")]
    public void An_override_ends_with_exactly_one_slash(string value, string expected)
    {
        var endpoint = EndpointResolver.Resolve(AwsService.Lambda, "eu-west-1", Variables(("AWS_ENDPOINT_URL_LAMBDA", value)));

        Assert.AreEqual(expected, endpoint.BaseUri.ToString());
    }

    [TestMethod]
    [DataRow("AWS_ENDPOINT_URL_LAMBDA", "localhost:4566")]
    [DataRow("AWS_ENDPOINT_URL_LAMBDA", "ftp://localhost:4566")]
    [DataRow("AWS_ENDPOINT_URL", "not a url")]
    [DataRow("AWS_ENDPOINT_URL", "/var/run/lambda")]
    public void A_bad_url_is_an_error_naming_the_variable_and_the_value(string variable, string value)
    {
        var error = Assert.Throws<AwsConfigurationException>(() =>
            EndpointResolver.Resolve(AwsService.Lambda, "eu-west-1", Variables((variable, value))));

        StringAssert.Contains(error.Message, $"'{value}'");
        StringAssert.Contains(error.Message, variable);
        Assert.AreEqual(variable == "AWS_ENDPOINT_URL", !error.Message.Contains("AWS_ENDPOINT_URL_", StringComparison.Ordinal), error.Message);
    }

    [TestMethod]
    public void An_override_is_signed_for_the_region_and_iam_for_its_partitions_home_region()
    {
        var environment = Variables(("AWS_ENDPOINT_URL", "http://localhost:4566"));

        Assert.AreEqual("eu-central-1", EndpointResolver.Resolve(AwsService.Lambda, "eu-central-1", environment).SigningRegion);
        Assert.AreEqual("us-east-1", EndpointResolver.Resolve(AwsService.Iam, "eu-central-1", environment).SigningRegion);
        Assert.AreEqual("cn-north-1", EndpointResolver.Resolve(AwsService.Iam, "cn-northwest-1", environment).SigningRegion);
    }

    private static readonly AwsService[] Services = [AwsService.Lambda, AwsService.Iam, AwsService.Sts, AwsService.S3];

    private static AwsService Service(string signingName) => Services.Single(s => s.SigningName == signingName);

    private static string? NoVariables(string name) => null;

    private static Func<string, string?> Variables(params (string Name, string Value)[] variables) =>
        name => variables.Where(v => v.Name == name).Select(v => v.Value).FirstOrDefault();
}
