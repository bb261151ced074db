using System.Runtime.InteropServices;
using System.Text.Json;
using Lambada.Testing;
using LambdaShell;

namespace Lambada.Tests.Sample;

/// <summary><c>lb_describeRuntime</c>: what it reports, and that it never reports a secret.</summary>
[TestClass]
[DoNotParallelize]
public sealed class DescribeRuntimeTests
{
    private static readonly string FakeSecret = "fake-secret-" + Guid.NewGuid().ToString("N");
    private static readonly string FakeToken = "fake-token-" + Guid.NewGuid().ToString("N");
    private static readonly string FakeKeyId = "AKIAFAKE" + Guid.NewGuid().ToString("N")[..12].ToUpperInvariant();
    private static readonly string FakeOther = "fake-value-" + Guid.NewGuid().ToString("N");

    [TestMethod]
    public async Task It_lists_environment_variable_names_but_no_value_at_all()
    {
        using var environment = new EnvironmentScope().Set(new Dictionary<string, string?>
        {
            ["AWS_SECRET_ACCESS_KEY"] = FakeSecret,
            ["AWS_SESSION_TOKEN"] = FakeToken,
            ["AWS_ACCESS_KEY_ID"] = FakeKeyId,
            ["LAMBADA_TEST_PLAIN"] = FakeOther,
        });

        var description = await new ShellFunctions().DescribeRuntime(
            new RuntimeQuery { IncludeEnvironmentVariableNames = true }, new FakeLambadaContext(256, TimeSpan.FromSeconds(10)));
        var json = JsonSerializer.Serialize(description);

        CollectionAssert.IsSubsetOf(new[] { "AWS_ACCESS_KEY_ID", "AWS_SECRET_ACCESS_KEY", "AWS_SESSION_TOKEN", "LAMBADA_TEST_PLAIN" }, description.EnvironmentVariableNames);
        foreach (var secret in new[] { FakeSecret, FakeToken, FakeKeyId, FakeOther })
            Assert.IsFalse(json.Contains(secret, StringComparison.Ordinal), $"{secret} leaked: {json}");
    }

    [TestMethod]
    public async Task Names_are_left_out_unless_asked_for_and_a_prefix_filters_them()
    {
        using var environment = new EnvironmentScope().Set(new Dictionary<string, string?> { ["LAMBADA_TEST_PLAIN"] = FakeOther });
        var context = new FakeLambadaContext(256, TimeSpan.FromSeconds(10));

        var without = await new ShellFunctions().DescribeRuntime(new RuntimeQuery(), context);
        var filtered = await new ShellFunctions().DescribeRuntime(
            new RuntimeQuery { IncludeEnvironmentVariableNames = true, EnvironmentVariablePrefix = "LAMBADA_TEST_" }, context);

        Assert.IsNull(without.EnvironmentVariableNames);
        CollectionAssert.AreEqual(new[] { "LAMBADA_TEST_PLAIN" }, filtered.EnvironmentVariableNames);
    }

    [TestMethod]
    public async Task It_reports_the_runtime_the_machine_and_the_memory_from_the_context()
    {
        var description = await new ShellFunctions().DescribeRuntime(new RuntimeQuery(), new FakeLambadaContext(1769, TimeSpan.FromSeconds(3)));

        Assert.AreEqual(1769, description.MemoryLimitInMB);
        Assert.AreEqual(Environment.ProcessorCount, description.ProcessorCount);
        Assert.AreEqual(RuntimeInformation.FrameworkDescription, description.Framework);
        StringAssert.StartsWith(description.Framework, ".NET 10");
        Assert.AreEqual(RuntimeInformation.ProcessArchitecture.ToString(), description.ProcessArchitecture);
        Assert.AreEqual(RuntimeInformation.OSArchitecture.ToString(), description.OSArchitecture);
        Assert.IsGreaterThan(0L, description.AvailableMemoryBytes);
    }

    [TestMethod]
    public async Task The_operating_system_is_the_os_release_pretty_name_or_else_the_kernel_description()
    {
        using var temp = new TempDirectory("lambdashell-os");
        File.WriteAllLines(temp.File("os-release"), ["NAME=\"Amazon Linux\"", "PRETTY_NAME=\"Amazon Linux 2023.6.20250101\"", "ID=amzn"]);

        var named = await new RuntimeDescriber(temp.File("os-release")).DescribeAsync(new RuntimeQuery(), 128);
        var unnamed = await new RuntimeDescriber(temp.File("missing")).DescribeAsync(new RuntimeQuery(), 128);

        Assert.AreEqual("Amazon Linux 2023.6.20250101", named.OperatingSystem);
        Assert.AreEqual(RuntimeInformation.OSDescription, unnamed.OperatingSystem);
    }
}
