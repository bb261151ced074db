using Lambada.Build.Aws.Signing;

namespace Lambada.Tests.Aws.Signing;

/// <summary>
/// The signer against the API Gateway v2 requests botocore 1.43.11's apigatewayv2 client built and signed
/// (<c>sigv4-apigateway-vectors.json</c>, written by <c>generate_apigateway_vectors.py</c>): signing name <c>apigateway</c>,
/// a paged GET with an encoded nextToken, China, a session token, camelCase POST bodies, a PATCH and a DELETE.
/// </summary>
[TestClass]
public sealed class ApiGatewaySigningVectorTests
{
    public static IEnumerable<TestDataRow<object>> Vectors =>
        SigningVectors.Load(SigningVectors.ApiGatewayFilePath).Select(v => new TestDataRow<object>(v) { DisplayName = v.Name });

    [TestMethod]
    public void The_file_holds_six_apigateway_client_cases_with_every_method_Lambada_uses()
    {
        var vectors = SigningVectors.Load(SigningVectors.ApiGatewayFilePath);

        Assert.HasCount(6, vectors);
        Assert.IsTrue(vectors.All(v => v.Kind == "client" && v.Request.Service == "apigateway"));
        CollectionAssert.AreEquivalent(new[] { "GET", "POST", "PATCH", "DELETE" }, vectors.Select(v => v.Request.Method).Distinct().ToArray());
        Assert.IsTrue(vectors.All(v => v.ExpectedHeaders["Authorization"].Contains("/apigateway/aws4_request", StringComparison.Ordinal)));
    }

    [TestMethod]
    public void Each_case_went_to_the_endpoint_our_resolver_picks()
    {
        foreach (var vector in SigningVectors.Load(SigningVectors.ApiGatewayFilePath))
            StringAssert.StartsWith(vector.Request.Url, SigningVectors.Endpoint("apigateway", vector.ClientRegion).BaseUri.ToString(), vector.Name);
    }

    [TestMethod]
    [DynamicData(nameof(Vectors))]
    public void Authorization_matches_botocore_byte_for_byte(object row)
    {
        var vector = (SigningVector)row;

        var signed = vector.Request.Sign().ToDictionary(h => h.Key, h => h.Value);

        Assert.AreEqual(vector.ExpectedHeaders["Authorization"], signed["Authorization"]);
        Assert.AreEqual(vector.ExpectedHeaders["X-Amz-Date"], signed["X-Amz-Date"]);
        Assert.AreEqual(vector.ExpectedHeaders.GetValueOrDefault("X-Amz-Security-Token"), signed.GetValueOrDefault("X-Amz-Security-Token"));
    }

    [TestMethod]
    public void Signing_the_same_request_for_another_service_gives_another_signature()
    {
        var vector = SigningVectors.Load(SigningVectors.ApiGatewayFilePath).First();

        var asApigatewayV2 = SigV4Signer.Sign(vector.Request.ToSignable(), vector.Request.Credentials, vector.Request.Region, "apigatewayv2", WireRequest.SigningTime)
            .Single(h => h.Key == "Authorization").Value;

        Assert.AreNotEqual(vector.ExpectedHeaders["Authorization"], asApigatewayV2);
    }
}
