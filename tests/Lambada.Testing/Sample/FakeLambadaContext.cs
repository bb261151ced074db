using Lambada.Runtime;

namespace Lambada.Tests.Sample;

/// <summary>A context as the host would pass it, for calling handlers directly.</summary>
internal sealed class FakeLambadaContext(int memoryLimitInMB, TimeSpan remainingTime) : ILambadaContext, ILambadaLogger
{
    public string AwsRequestId => "00000000-0000-0000-0000-000000000001";
    public string FunctionName => "lb_test";
    public string FunctionVersion => "$LATEST";
    public string InvokedFunctionArn => "arn:aws:lambda:us-east-1:123456789012:function:lb_test";
    public int MemoryLimitInMB => memoryLimitInMB;
    public TimeSpan RemainingTime => remainingTime;
    public string? ClientContext => null;
    public string? CognitoIdentity => null;
    public ILambadaLogger Logger => this;

    public void Log(string message)
    {
    }
}
