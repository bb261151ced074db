using Lambada.Build.Aws.Configuration;

namespace Lambada.Tests.Aws.Configuration;

/// <summary>Credentials from a profile's credential_process, a program Lambada runs; these tests change process environment variables.</summary>
[TestClass]
[DoNotParallelize]
public sealed class CredentialProcessTests
{
    private static readonly string Unique = Guid.NewGuid().ToString("N")[..12].ToUpperInvariant();

    [TestMethod]
    public async Task A_credential_process_that_fails_is_one_line_naming_the_profile_and_never_the_command()
    {
        using var files = new AwsConfigFiles(config: $"""
            [profile scripted]
            credential_process = /bin/false --token secret-{Unique}
            """);
        var source = CredentialSource.Resolve("scripted");

        var error = await Assert.ThrowsExactlyAsync<AwsConfigurationException>(() => source.GetAsync(CancellationToken.None));

        Assert.AreEqual(AwsConfigurationProblem.Credentials, error.Problem);
        StringAssert.StartsWith(error.Message, "The AWS credentials of profile 'scripted' (LambadaProfile) (");
        Assert.IsFalse(error.Message.Contains(Unique, StringComparison.OrdinalIgnoreCase), error.Message);
        Assert.IsFalse(error.Message.Contains('\n'), error.Message);
    }
}
