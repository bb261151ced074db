using Lambada.Testing;

namespace Lambada.Tests.Aws.Signing;

/// <summary>
/// <c>sigv4-apigateway-vectors.json</c> is what its script writes: running <c>generate_apigateway_vectors.py</c> against the
/// installed botocore (python3) gives the committed file byte for byte, so the vectors are botocore's and not edited by hand.
/// </summary>
[TestClass]
public sealed class ApiGatewayVectorScriptTests
{
    [TestMethod]
    public void The_script_reproduces_the_committed_file()
    {
        var folder = Path.Combine(RepoPaths.Root, "tests", "Lambada.Testing", "Aws", "Signing");

        var result = ProcessRunner.Run("python3", [Path.Combine(folder, "generate_apigateway_vectors.py")], timeout: TimeSpan.FromMinutes(1));

        Assert.AreEqual(0, result.ExitCode, result.ToString());
        Assert.AreEqual(File.ReadAllText(Path.Combine(folder, "sigv4-apigateway-vectors.json")), result.Output);
    }
}
