namespace Lambada.Build.Aws.Configuration;

/// <summary>Credentials, region or endpoint cannot be worked out; the message says what to set.</summary>
public sealed class AwsConfigurationException(string message, Exception? inner = null) : Exception(message, inner);
