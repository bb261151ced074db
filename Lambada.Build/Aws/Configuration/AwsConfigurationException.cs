namespace Lambada.Build.Aws.Configuration;

/// <summary>What cannot be worked out, so the build can name the right diagnostic without Aws/ knowing the catalogue.</summary>
internal enum AwsConfigurationProblem
{
    Credentials,
    MissingRegion,
    UnknownRegion,
    SeveralRegions,
    Endpoint,
}

/// <summary>Credentials, region or endpoint cannot be worked out; the message (one line) says what was tried and what to set.</summary>
internal sealed class AwsConfigurationException : Exception
{
    public AwsConfigurationException(AwsConfigurationProblem problem, string message, Exception? inner = null)
        : base(message, inner) => Problem = problem;

    /// <summary>An endpoint problem: the form EndpointResolver uses.</summary>
    public AwsConfigurationException(string message, Exception? inner = null)
        : this(AwsConfigurationProblem.Endpoint, message, inner)
    {
    }

    public AwsConfigurationProblem Problem { get; }
}
