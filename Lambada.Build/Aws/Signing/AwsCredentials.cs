namespace Lambada.Build.Aws.Signing;

/// <summary>One set of keys to sign with. <see cref="ToString"/> never shows the secret or the token.</summary>
internal sealed record AwsCredentials(string AccessKeyId, string SecretAccessKey, string? SessionToken)
{
    public override string ToString() =>
        $"AwsCredentials {{ AccessKeyId = {Mask(AccessKeyId)}, SessionToken = {(SessionToken is null ? "none" : "***")} }}";

    private static string Mask(string id) => id.Length <= 4 ? "***" : $"***{id[^4..]}";
}
