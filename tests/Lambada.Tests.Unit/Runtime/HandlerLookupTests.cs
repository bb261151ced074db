using System.Reflection;
using System.Text.Json;
using Lambada.Runtime;
using Lambada.Runtime.Handlers;
using Lambada.Testing;

namespace Lambada.Tests.Runtime;

/// <summary>LAMBADA_HANDLER is resolved by type and method name; the full scan of the assembly is only for listing and errors.</summary>
[TestClass]
public sealed class HandlerLookupTests
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(20);
    private static readonly Assembly Tests = typeof(TestHandlers).Assembly;

    [TestMethod]
    public void The_handler_resolves_without_scanning_the_assembly()
    {
        var method = HandlerLookup.Find(new UnscannableAssembly(Tests), $"{typeof(TestHandlers).FullName}::{nameof(TestHandlers.Price)}");

        Assert.AreEqual(typeof(TestHandlers).GetMethod(nameof(TestHandlers.Price)), method);
    }

    [TestMethod]
    public async Task A_handler_found_without_the_scan_serves_invocations()
    {
        using var server = new RuntimeApiTestServer();
        using var stop = new CancellationTokenSource();
        var serving = LambadaHost.ServeAsync(server.Address, $"{typeof(TestHandlers).FullName}::{nameof(TestHandlers.Echo)}", new UnscannableAssembly(Tests), stop.Token);

        var outcome = await server.Enqueue("\"unscanned\"").WaitAsync(Patience);
        stop.Cancel();

        Assert.AreEqual((OutcomeKind.Response, "\"unscanned\""), (outcome.Kind, outcome.Text));
        Assert.AreEqual(0, await serving.WaitAsync(Patience));
    }

    [TestMethod]
    [DataRow("Lambada.Tests.Runtime.TestHandlers::Nope", DisplayName = "no such method")]
    [DataRow("Lambada.Tests.Runtime.NoSuchType::Echo", DisplayName = "no such type")]
    [DataRow("Lambada.Tests.Runtime.HandlerLookupTests::The_handler_resolves_without_scanning_the_assembly", DisplayName = "a method without [LambadaFunction]")]
    [DataRow("::Echo", DisplayName = "no type name")]
    public async Task An_unknown_handler_is_an_init_error_that_names_the_functions_there_are(string methodId)
    {
        using var server = new RuntimeApiTestServer();

        var exitCode = await LambadaHost.ServeAsync(server.Address, methodId, Tests).WaitAsync(Patience);

        Assert.AreEqual(1, exitCode);
        var init = await server.InitError.Task.WaitAsync(Patience);
        Assert.AreEqual(("Runtime.NoSuchHandler", "application/vnd.aws.lambda.error+json"), (init.ErrorType, init.ContentType));
        using var body = JsonDocument.Parse(init.Text);
        Assert.AreEqual("Runtime.NoSuchHandler", body.RootElement.GetProperty("errorType").GetString());
        var message = body.RootElement.GetProperty("errorMessage").GetString()!;
        StringAssert.Contains(message, $"No [LambadaFunction] method '{methodId}'");
        StringAssert.Contains(message, "echo, ");
        Assert.AreEqual(0, body.RootElement.GetProperty("stackTrace").GetArrayLength());
    }

    [TestMethod]
    public void A_handler_id_without_the_separator_is_refused_before_any_lookup()
    {
        var error = Assert.ThrowsExactly<HandlerNotFoundException>(() => HandlerLookup.Find(new UnscannableAssembly(Tests), "TestHandlers.Echo"));

        StringAssert.Contains(error.Message, "expected Namespace.Type::Method");
    }

    /// <summary>An assembly that hands out a type by name but fails any attempt to list its types.</summary>
    private sealed class UnscannableAssembly(Assembly inner) : Assembly
    {
        public override string? FullName => inner.FullName;

        public override Type? GetType(string name, bool throwOnError, bool ignoreCase) => inner.GetType(name, throwOnError, ignoreCase);

        public override Type[] GetTypes() => throw new AssertFailedException("the assembly was scanned");

        public override Type[] GetExportedTypes() => throw new AssertFailedException("the assembly was scanned");

        public override IEnumerable<TypeInfo> DefinedTypes => throw new AssertFailedException("the assembly was scanned");
    }
}
