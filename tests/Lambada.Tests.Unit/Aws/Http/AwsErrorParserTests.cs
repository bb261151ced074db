using System.Text;
using Lambada.Build.Aws.Http;

namespace Lambada.Tests.Aws.Http;

/// <summary>Error code, message, request id and Retry-After from rest-json (Lambda, moto) and query/XML (IAM) error answers.</summary>
[TestClass]
public sealed class AwsErrorParserTests
{
    [TestMethod]
    public void The_ErrorType_header_wins_and_its_suffix_is_cut()
    {
        var error = Parse(429, """{"Type":"User","Message":"Rate exceeded","Reason":"CallerRateLimitExceeded"}""",
            ("x-amzn-ErrorType", "TooManyRequestsException:http://internal.amazon.com/coral/com.amazon.coral.service/"),
            ("x-amzn-RequestId", "req-1"), ("Retry-After", "3"));

        Assert.AreEqual("TooManyRequestsException", error.Code);
        Assert.AreEqual("Rate exceeded", error.AwsMessage);
        Assert.AreEqual(429, error.StatusCode);
        Assert.AreEqual("req-1", error.RequestId);
        Assert.AreEqual(TimeSpan.FromSeconds(3), error.RetryAfter);
        Assert.AreEqual("CreateFunction", error.Operation);
    }

    [TestMethod]
    public void Without_the_header_the_code_is_the_body_type_after_the_last_hash()
    {
        var error = Parse(400, """{"__type":"com.amazon.coral.validate#ValidationException","message":"1 validation error detected"}""");

        Assert.AreEqual("ValidationException", error.Code);
        Assert.AreEqual("1 validation error detected", error.AwsMessage);
        Assert.IsNull(error.RetryAfter);
    }

    [TestMethod]
    [DataRow("""{"__type":"ResourceNotFoundException","message":"Function not found: f"}""")]
    [DataRow("""{"code":"ResourceNotFoundException","Message":"Function not found: f"}""")]
    [DataRow("""{"Code":"ResourceNotFoundException","message":"Function not found: f"}""")]
    public void Code_and_message_are_read_whatever_their_casing(string body)
    {
        var error = Parse(404, body);

        Assert.AreEqual("ResourceNotFoundException", error.Code);
        Assert.AreEqual("Function not found: f", error.AwsMessage);
    }

    [TestMethod]
    public void The_error_message_header_overrides_the_body()
    {
        var error = Parse(400, """{"message":"from body"}""", ("x-amzn-ErrorType", "InvalidParameterValueException"), ("x-amzn-error-message", "from header"));

        Assert.AreEqual("from header", error.AwsMessage);
    }

    [TestMethod]
    public void An_IAM_XML_error_gives_its_Code_and_Message()
    {
        var error = Parse(409, """
            <ErrorResponse xmlns="https://iam.amazonaws.com/doc/2010-05-08/">
              <Error><Type>Sender</Type><Code>LimitExceeded</Code><Message>Cannot exceed quota for RolesPerAccount: 1000</Message></Error>
              <RequestId>4f1e</RequestId>
            </ErrorResponse>
            """, ("x-amzn-RequestId", "4f1e"));

        Assert.AreEqual("LimitExceeded", error.Code);
        Assert.AreEqual("Cannot exceed quota for RolesPerAccount: 1000", error.AwsMessage);
        Assert.AreEqual("4f1e", error.RequestId);
        Assert.AreEqual(FailureKind.Permanent, RetryPolicy.Classify(error), "IAM's LimitExceeded is a quota, not a throttle");
    }

    [TestMethod]
    public void Motos_IAM_XML_with_a_lower_case_message_is_read()
    {
        var error = Parse(404, "<ErrorResponse><Error><Code>NoSuchEntity</Code><message>Role x not found</message></Error></ErrorResponse>");

        Assert.AreEqual("NoSuchEntity", error.Code);
        Assert.AreEqual("Role x not found", error.AwsMessage);
    }

    [TestMethod]
    [DataRow(500, "")]
    [DataRow(502, "<html><body>Bad Gateway</body>")]
    [DataRow(503, "Service Unavailable")]
    public void An_empty_or_unreadable_body_falls_back_to_the_status(int status, string body)
    {
        var error = Parse(status, body);

        Assert.AreEqual($"HTTP{status}", error.Code);
        Assert.AreEqual("(no message)", error.AwsMessage);
        Assert.AreEqual(FailureKind.Transient, RetryPolicy.Classify(error));
    }

    [TestMethod]
    public void An_empty_body_keeps_the_header_code()
    {
        var error = Parse(429, "", ("x-amzn-ErrorType", "TooManyRequestsException"));

        Assert.AreEqual("TooManyRequestsException", error.Code);
        Assert.AreEqual("(no message)", error.AwsMessage);
    }

    [TestMethod]
    [DataRow("-1")]
    [DataRow("soon")]
    [DataRow("Wed, 21 Oct 2015 07:28:00 GMT")]
    public void A_Retry_After_that_is_not_a_number_of_seconds_is_ignored(string value) =>
        Assert.IsNull(Parse(429, "{}", ("Retry-After", value)).RetryAfter);

    private static AwsServiceException Parse(int status, string body, params (string Name, string Value)[] headers) =>
        AwsErrorParser.Parse("CreateFunction", new AwsResponse(status, Encoding.UTF8.GetBytes(body),
            headers.ToDictionary(h => h.Name, h => h.Value, StringComparer.OrdinalIgnoreCase)));
}
