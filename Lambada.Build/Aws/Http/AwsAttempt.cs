namespace Lambada.Build.Aws.Http;

/// <summary>One HTTP exchange with AWS, as reported to observers (logs, request counts in tests and benchmarks).</summary>
public sealed record AwsAttempt(string Operation, bool Mutates, int Attempt, int? StatusCode, AwsServiceException? Error, TimeSpan? RetryIn);
