using Lambada.Build.Aws.Http;

namespace Lambada.Tests.Aws.Http;

/// <summary>Which failures are retried (aws-lambda-api.md §5.2/§5.3): botocore's throttle and transient sets plus the two deploy-specific cases.</summary>
[TestClass]
public sealed class RetryClassificationTests
{
    private const string InProgress = "The operation cannot be performed at this time. An update is in progress for resource: arn:aws:lambda:us-east-1:123456789012:function:f";
    private const string CannotAssume = "The role defined for the function cannot be assumed by Lambda.";

    [TestMethod]
    [DataRow("TooManyRequestsException", 429)]
    [DataRow("HTTP429", 429)]
    [DataRow("Throttling", 400)]
    [DataRow("ThrottlingException", 400)]
    [DataRow("ThrottledException", 400)]
    [DataRow("RequestThrottledException", 400)]
    [DataRow("RequestThrottled", 400)]
    [DataRow("RequestLimitExceeded", 400)]
    [DataRow("LimitExceededException", 400)]
    [DataRow("BandwidthLimitExceeded", 400)]
    [DataRow("ProvisionedThroughputExceededException", 400)]
    [DataRow("TransactionInProgressException", 400)]
    [DataRow("EC2ThrottledException", 400)]
    [DataRow("SlowDown", 503)]
    [DataRow("PriorRequestNotComplete", 400)]
    public void Throttling_codes_and_429_are_throttled(string code, int status) =>
        Assert.AreEqual(FailureKind.Throttled, RetryPolicy.Classify(Error(code, status)));

    [TestMethod]
    [DataRow("ServiceException", 500)]
    [DataRow("HTTP502", 502)]
    [DataRow("ServiceUnavailable", 503)]
    [DataRow("HTTP504", 504)]
    [DataRow("RequestTimeout", 400)]
    [DataRow("RequestTimeoutException", 408)]
    public void Server_errors_and_timeouts_AWS_reports_are_transient(string code, int status) =>
        Assert.AreEqual(FailureKind.Transient, RetryPolicy.Classify(Error(code, status)));

    [TestMethod]
    [DataRow(NetworkFailure.NoConnection, FailureKind.NoConnection)]
    [DataRow(NetworkFailure.NoAnswer, FailureKind.NoAnswer)]
    [DataRow(NetworkFailure.Unreachable, FailureKind.Permanent)]
    public void Network_failures_have_kinds_of_their_own_whatever_their_code(object network, object kind) =>
        Assert.AreEqual((FailureKind)kind, RetryPolicy.Classify(new AwsServiceException("Op", "ServiceUnavailable", "", 0, null) { Network = (NetworkFailure)network }));

    [TestMethod]
    public void A_conflict_while_an_update_is_in_progress_waits_for_the_update() =>
        Assert.AreEqual(FailureKind.UpdateInProgress, RetryPolicy.Classify(Error("ResourceConflictException", 409, InProgress)));

    [TestMethod]
    public void A_role_Lambda_cannot_assume_yet_is_retried_as_IAM_propagation() =>
        Assert.AreEqual(FailureKind.RoleNotAssumableYet, RetryPolicy.Classify(Error("InvalidParameterValueException", 400, CannotAssume)));

    [TestMethod]
    [DataRow("ValidationException", 400, "1 validation error detected: Value 'bad name!!' at 'functionName' failed to satisfy constraint")]
    [DataRow("InvalidParameterValueException", 400, "Unzipped size must be smaller than 262144000 bytes")]
    [DataRow("InvalidRequestContentException", 400, "Could not parse request body into json")]
    [DataRow("CodeStorageExceededException", 400, "Code storage limit exceeded.")]
    [DataRow("InvalidCodeSignatureException", 400, "")]
    [DataRow("CodeVerificationFailedException", 400, "")]
    [DataRow("ResourceNotFoundException", 404, "Function not found: arn:aws:lambda:us-east-1:123456789012:function:f")]
    [DataRow("ResourceConflictException", 409, "Function already exist: f")]
    [DataRow("PreconditionFailedException", 412, "The Revision Id provided does not match the latest Revision Id.")]
    [DataRow("RequestTooLargeException", 413, "")]
    [DataRow("RequestEntityTooLargeException", 413, "Request must be smaller than 69905067 bytes for the CreateFunction operation")]
    [DataRow("LimitExceeded", 409, "Cannot exceed quota for RolesPerAccount: 1000")]
    [DataRow("NoSuchEntity", 404, "Role x not found")]
    [DataRow("EntityAlreadyExists", 409, "Role with name x already exists.")]
    [DataRow("AccessDeniedException", 403, "User is not authorized to perform: lambda:CreateFunction")]
    [DataRow("HTTP404", 404, "")]
    public void Everything_else_is_permanent(string code, int status, string message) =>
        Assert.AreEqual(FailureKind.Permanent, RetryPolicy.Classify(Error(code, status, message)));

    private static AwsServiceException Error(string code, int status, string message = "") => new("Op", code, message, status, null);
}
