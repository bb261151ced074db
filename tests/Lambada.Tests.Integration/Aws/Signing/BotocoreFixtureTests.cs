namespace Lambada.Tests.Aws.Signing;

/// <summary>
/// The requests Lambada's Lambda, IAM and STS clients make, signed by the installed botocore at test time and by our
/// signer; the Authorization headers must be identical. Both sides get exactly the same headers.
/// </summary>
[TestClass]
public sealed class BotocoreFixtureTests
{
    private const string Token = "IQoJb3JpZ2luX2VjEXAMPLE//////////wEaCXVzLWVhc3QtMSJHMEUCIQD+token/with+slashes==";
    private const string FunctionArn = "arn%3Aaws%3Alambda%3Aeu-west-1%3A123456789012%3Afunction%3Amy-fn";
    private const string Json = "application/json";
    private const string Form = "application/x-www-form-urlencoded; charset=utf-8";
    private const string LambdaHost = "https://lambda.eu-west-1.amazonaws.com";

    private static readonly IReadOnlyList<WireRequest> Requests =
    [
        Lambda("GetFunction by name", "GET", "/2015-03-31/functions/my-fn"),
        Lambda("GetFunction by ARN with Qualifier", "GET", $"/2015-03-31/functions/{FunctionArn}?Qualifier=live"),
        Lambda("GetFunctionConfiguration of $LATEST", "GET", "/2015-03-31/functions/my-fn/configuration?Qualifier=%24LATEST"),
        Lambda("CreateFunction", "POST", "/2015-03-31/functions",
            """{"FunctionName":"my-fn","Runtime":"provided.al2023","Role":"arn:aws:iam::123456789012:role/lambada","Handler":"bootstrap","Code":{"ZipFile":"UEsDBA=="}}""",
            Headers(("Content-Type", Json))),
        Lambda("UpdateFunctionConfiguration", "PUT", "/2015-03-31/functions/my-fn/configuration",
            """{"Timeout":30,"MemorySize":512,"Environment":{"Variables":{"GREETING":"héllo wörld"}}}""", Headers(("Content-Type", Json))),
        Lambda("UpdateFunctionCode", "PUT", $"/2015-03-31/functions/{FunctionArn}/code",
            """{"ZipFile":"UEsDBBQAAAAIAA==","Publish":false}""", Headers(("Content-Type", Json))),
        Lambda("UntagResource with a repeated key", "DELETE", $"/2017-03-31/tags/{FunctionArn}?tagKeys=a&tagKeys=b%20c"),
        Lambda("UntagResource with keys out of order", "DELETE", $"/2017-03-31/tags/{FunctionArn}?tagKeys=z&tagKeys=b%20c&tagKeys=a"),
        Lambda("ListFunctions with a marker", "GET", "/2015-03-31/functions/?Marker=eyJ2IjoxLCJrIjoiYStiL2MifQ%3D%3D&MaxItems=50"),
        Lambda("ListFunctions with query keys out of order", "GET", "/2015-03-31/functions/?MaxItems=50&Marker=m%2Bn%2Fo"),
        Lambda("Invoke with an invocation type", "POST", "/2015-03-31/functions/my-fn/invocations", """{"name":"x"}""",
            Headers(("X-Amz-Invocation-Type", "RequestResponse"), ("X-Amz-Log-Type", "Tail"), ("Content-Type", Json))),
        Lambda("Invoke asynchronously with a session token", "POST", $"/2015-03-31/functions/{FunctionArn}/invocations?Qualifier=live", "{}",
            Headers(("X-Amz-Invocation-Type", "Event")), Token),
        Lambda("AddPermission", "POST", "/2015-03-31/functions/my-fn/policy",
            """{"StatementId":"s3","Action":"lambda:InvokeFunction","Principal":"s3.amazonaws.com"}""", Headers(("Content-Type", Json))),
        Lambda("DeleteFunction with a session token", "DELETE", "/2015-03-31/functions/my-fn", sessionToken: Token),
        Lambda("GetFunction on a non-default port", "GET", "/2015-03-31/functions/my-fn?Qualifier=live", host: "http://127.0.0.1:5077"),
        Lambda("PUT on a non-default port with a token", "PUT", "/2015-03-31/functions/my-fn/configuration", """{"Timeout":3}""",
            Headers(("Content-Type", Json)), Token, host: "http://127.0.0.1:5077"),
        Lambda("GetFunction in China", "GET", "/2015-03-31/functions/my-fn", region: "cn-north-1", host: "https://lambda.cn-north-1.amazonaws.com.cn"),
        Lambda("a header value with tabs and runs of spaces", "POST", "/2015-03-31/functions/my-fn/invocations", "{}",
            Headers(("X-Amz-Client-Context", " \tab  c\t d "), ("Content-Type", Json))),
        Lambda("an explicit Host header", "GET", "/2015-03-31/functions/my-fn", headers: Headers(("Host", "lambda.eu-west-1.amazonaws.com"))),
        Lambda("a caller's own session token header without a token in the keys", "GET", "/2015-03-31/functions/my-fn",
            headers: Headers(("X-Amz-Security-Token", "from-the-caller"))),
        Lambda("unsigned hop-by-hop headers", "POST", "/2015-03-31/functions/my-fn/invocations", "{}",
            Headers(("User-Agent", "lambada/0.1"), ("Expect", "100-continue"), ("Content-Type", Json), ("X-Amzn-Trace-Id", "Root=1-abc"))),
        new("IAM GetRole", "iam", "us-east-1", "POST", "https://iam.amazonaws.com/",
            Headers(("Content-Type", Form)), "Action=GetRole&Version=2010-05-08&RoleName=lambada-my-fn"),
        new("IAM CreateRole with a policy document", "iam", "us-east-1", "POST", "https://iam.amazonaws.com/",
            Headers(("Content-Type", Form)),
            "Action=CreateRole&Version=2010-05-08&RoleName=lambada-my-fn&AssumeRolePolicyDocument=%7B%22Version%22%3A%222012-10-17%22%7D&Path=%2F"),
        new("IAM AttachRolePolicy with a session token", "iam", "us-east-1", "POST", "https://iam.amazonaws.com/",
            Headers(("Content-Type", Form)),
            "Action=AttachRolePolicy&Version=2010-05-08&RoleName=r&PolicyArn=arn%3Aaws%3Aiam%3A%3Aaws%3Apolicy%2Fservice-role%2FAWSLambdaBasicExecutionRole",
            Token),
        new("STS GetCallerIdentity", "sts", "eu-west-1", "POST", "https://sts.eu-west-1.amazonaws.com/",
            Headers(("Content-Type", Form)), "Action=GetCallerIdentity&Version=2011-06-15"),
        new("STS GetCallerIdentity with a session token", "sts", "us-east-1", "POST", "https://sts.us-east-1.amazonaws.com/",
            Headers(("Content-Type", Form)), "Action=GetCallerIdentity&Version=2011-06-15", Token),
    ];

    private static readonly Lazy<IReadOnlyList<BotocoreSignature>> Signatures = new(() => Botocore.Sign(Requests));

    public static IEnumerable<TestDataRow<int>> Indexes =>
        Requests.Select((r, i) => new TestDataRow<int>(i) { DisplayName = r.Name });

    [TestMethod]
    [DynamicData(nameof(Indexes))]
    public void Authorization_matches_the_installed_botocore(int index)
    {
        var request = Requests[index];
        var expected = Signatures.Value[index];

        var signed = request.Sign().ToDictionary(h => h.Key, h => h.Value);

        Assert.AreEqual(expected.Headers["Authorization"], signed["Authorization"],
            $"botocore's canonical request:\n{expected.CanonicalRequest}");
        Assert.AreEqual(expected.Headers["X-Amz-Date"], signed["X-Amz-Date"]);
        if (request.SessionToken is not null)
            Assert.AreEqual(expected.Headers["X-Amz-Security-Token"], signed["X-Amz-Security-Token"]);
        else
            Assert.IsFalse(signed.ContainsKey("X-Amz-Security-Token"));
    }

    [TestMethod]
    public void The_botocore_script_reproduces_a_vector_from_the_file()
    {
        var vector = SigningVectors.Load().Single(v => v.Name == "lambda-GetFunction-arn-qualifier");

        var signature = Botocore.Sign([vector.Request]).Single();

        Assert.AreEqual(vector.ExpectedHeaders["Authorization"], signature.Headers["Authorization"]);
    }

    private static WireRequest Lambda(string name, string method, string pathAndQuery, string body = "",
        IReadOnlyDictionary<string, string>? headers = null, string? sessionToken = null,
        string region = "eu-west-1", string host = LambdaHost) =>
        new(name, "lambda", region, method, host + pathAndQuery, headers ?? Headers(), body, sessionToken);

    private static Dictionary<string, string> Headers(params (string Name, string Value)[] headers) =>
        headers.ToDictionary(h => h.Name, h => h.Value);
}
