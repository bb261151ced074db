using Lambada.Build.Aws.Signing;

namespace Lambada.Tests.Aws.Signing;

/// <summary>The signer against the 18 requests botocore 1.43.11 signed in <c>sigv4-vectors.json</c>.</summary>
[TestClass]
public sealed class SigV4VectorTests
{
    // Rows of object: a public test method cannot name the internal vector type.
    public static IEnumerable<TestDataRow<object>> Vectors => Rows(SigningVectors.Load());

    public static IEnumerable<TestDataRow<object>> RawVectors => Rows(SigningVectors.Load().Where(v => v.Kind == "raw"));

    [TestMethod]
    public void The_file_holds_all_18_cases_of_both_kinds()
    {
        var vectors = SigningVectors.Load();

        Assert.HasCount(18, vectors);
        Assert.AreEqual(11, vectors.Count(v => v.Kind == "raw"));
        Assert.AreEqual(7, vectors.Count(v => v.Kind == "client"));
        Assert.IsTrue(vectors.Where(v => v.Kind == "raw").All(v => v.CanonicalRequest is not null && v.StringToSign is not null));
    }

    [TestMethod]
    public void Client_cases_went_to_the_endpoint_our_resolver_picks()
    {
        foreach (var vector in SigningVectors.Load().Where(v => v.Kind == "client"))
            StringAssert.StartsWith(vector.Request.Url, SigningVectors.Endpoint(vector.Request.Service, vector.ClientRegion).BaseUri.ToString(), vector.Name);
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
        Assert.HasCount(vector.Request.SessionToken is null ? 2 : 3, signed);
    }

    [TestMethod]
    [DynamicData(nameof(RawVectors))]
    public void Raw_cases_have_botocores_canonical_request_and_string_to_sign(object row)
    {
        var vector = (SigningVector)row;
        var added = vector.Request.Sign().Where(h => h.Key != "Authorization");

        var (canonical, _) = SigV4Signer.CanonicalRequest(vector.Request.ToSignable(), added, vector.Request.Service);
        var scope = $"20150830/{vector.Request.Region}/{vector.Request.Service}/aws4_request";

        CollectionAssert.AreEqual(vector.CanonicalRequest!.Split('\n'), canonical.Split('\n'), $"canonical request:\n{canonical}");
        Assert.AreEqual(vector.StringToSign, SigV4Signer.StringToSign("20150830T123600Z", scope, canonical));
    }

    private static IEnumerable<TestDataRow<object>> Rows(IEnumerable<SigningVector> vectors) =>
        vectors.Select(v => new TestDataRow<object>(v) { DisplayName = $"{v.Kind}: {v.Name}" });
}
