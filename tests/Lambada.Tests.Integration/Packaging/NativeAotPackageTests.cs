using System.Diagnostics;
using System.Text.Json;
using Lambada.Testing;

namespace Lambada.Tests.Packaging;

/// <summary>
/// A <c>PublishAot</c> project with no hand-written code beyond its functions: the package build compiles in the binding
/// the scan generated, so the Native AOT bootstrap serves every handler shape over a real Runtime API server — typed
/// events and results, async and ValueTask, Stream, an instance handler — with the trimmer and AOT warnings as errors.
/// </summary>
[TestClass]
public sealed class NativeAotPackageTests
{
    private static FixtureProject? _project;
    private static ProcessResult _package = new(-1, "");
    private static TempDirectory? _extracted;

    private static FixtureProject Project => _project!;

    [ClassInitialize]
    public static void Package(TestContext _)
    {
        _project = new FixtureProject("Compiled", new Dictionary<string, string>
        {
            ["Functions.cs"] = """
                using Lambada;
                using Lambada.Runtime;

                namespace Compiled;

                public sealed record Order(string Id, int Quantity, List<Line> Lines);
                public sealed class Line { public string Sku { get; set; } = ""; public decimal Price { get; set; } }
                public sealed record Receipt(string OrderId, decimal Total, int Lines, string Function);

                public static class Functions
                {
                    [LambadaFunction(Name = "shout")] public static string Shout(string text) => text.ToUpperInvariant();

                    [LambadaFunction(Name = "total")]
                    public static async Task<Receipt> Total(Order order, ILambadaContext context)
                    {
                        await Task.Yield();
                        return new(order.Id, order.Lines.Sum(l => l.Price) * order.Quantity, order.Lines.Count, context.FunctionName);
                    }

                    [LambadaFunction(Name = "count")] public static ValueTask<Dictionary<string, int>> Count(string[] words) =>
                        ValueTask.FromResult(words.GroupBy(w => w).ToDictionary(g => g.Key, g => g.Count()));

                    [LambadaFunction(Name = "size")] public static long Size(Stream body) => body.Length;
                }

                public sealed class Counter
                {
                    private int calls;
                    [LambadaFunction(Name = "next")] public int Next(CancellationToken token) => ++calls;
                }
                """,
        }, "<PublishAot>true</PublishAot><TreatWarningsAsErrors>true</TreatWarningsAsErrors>");
        _package = Project.Build("-t:LambadaPackage");
        if (_package.ExitCode == 0)
        {
            _extracted = new TempDirectory("aot-package");
            PythonZip.Extract(PackagePaths.Zip(Project), _extracted.Path);
        }
    }

    [ClassCleanup]
    public static void CleanUp()
    {
        _extracted?.Dispose();
        _project?.Dispose();
    }

    [TestMethod]
    public void The_package_is_one_native_executable_behind_bootstrap_built_without_a_warning()
    {
        Assert.AreEqual(0, _package.ExitCode, _package.ToString());
        Assert.IsFalse(System.Text.RegularExpressions.Regex.IsMatch(_package.Output, @"warning [A-Z]+\d+"), _package.Output);
        var entries = PythonZip.Entries(PackagePaths.Zip(Project)).ToDictionary(e => e.Name);

        Assert.AreEqual(PackagePaths.Executable, entries["bootstrap"].Mode);
        Assert.AreEqual(PackagePaths.Executable, entries["Compiled"].Mode);
        Assert.IsFalse(entries.Keys.Any(n => n.EndsWith(".dll", StringComparison.Ordinal)), "Native AOT: no IL assemblies, got " + string.Join(", ", entries.Keys));
    }

    [TestMethod]
    public void Typed_events_and_results_go_through_the_generated_json()
    {
        var receipt = Serve("Compiled.Functions::Total", """{"id":"o-1","quantity":2,"lines":[{"sku":"a","price":1.25},{"sku":"b","price":0.5}]}""").Single();

        Assert.AreEqual(OutcomeKind.Response, receipt.Kind, receipt.Text);
        using var json = JsonDocument.Parse(receipt.Text);
        Assert.AreEqual("o-1", json.RootElement.GetProperty("OrderId").GetString());
        Assert.AreEqual(3.5m, json.RootElement.GetProperty("Total").GetDecimal());
        Assert.AreEqual(2, json.RootElement.GetProperty("Lines").GetInt32());
        Assert.AreEqual("aot-test", json.RootElement.GetProperty("Function").GetString());
    }

    [TestMethod]
    public void Sync_valuetask_and_stream_handlers_answer()
    {
        Assert.AreEqual("\"HELLO\"", Serve("Compiled.Functions::Shout", "\"hello\"").Single().Text);
        Assert.AreEqual("""{"a":2,"b":1}""", Serve("Compiled.Functions::Count", """["a","b","a"]""").Single().Text);
        Assert.AreEqual("7", Serve("Compiled.Functions::Size", "\"12345\"").Single().Text);
    }

    [TestMethod]
    public void An_instance_handler_is_created_once_and_a_bad_event_fails_only_its_invocation()
    {
        var counted = Serve("Compiled.Counter::Next", "{}", "{}");
        CollectionAssert.AreEqual(new[] { "1", "2" }, counted.Select(o => o.Text).ToArray());

        var outcomes = Serve("Compiled.Functions::Total", "{not json", """{"id":"o-2","quantity":1,"lines":[]}""");
        Assert.AreEqual(OutcomeKind.Error, outcomes[0].Kind);
        Assert.AreEqual("Runtime.SerializationError", outcomes[0].ErrorType, outcomes[0].Text);
        Assert.AreEqual(OutcomeKind.Response, outcomes[1].Kind, outcomes[1].Text);
        StringAssert.Contains(outcomes[1].Text, "\"OrderId\":\"o-2\"");
    }

    [TestMethod]
    public void A_plain_aot_publish_without_the_binding_is_refused_with_the_way_out()
    {
        Assert.AreEqual(0, _package.ExitCode, _package.ToString());
        var publish = ProcessRunner.Run("dotnet", ["publish", Project.ProjectFile, "-r", "linux-x64", "-nodeReuse:false", "-o", Path.Combine(Project.Directory, "plain-publish")]);

        Assert.AreNotEqual(0, publish.ExitCode, publish.ToString());
        StringAssert.Contains(publish.Output, "error LMB0205");
        StringAssert.Contains(publish.Output, "-t:LambadaPackage");
        Assert.IsFalse(File.Exists(Path.Combine(Project.Directory, "plain-publish", "Compiled")), "nothing was published");
    }

    /// <summary>Starts the extracted bootstrap as Lambda would, against a fresh Runtime API server, and hands it the events in turn.</summary>
    private static Outcome[] Serve(string handler, params string[] payloads)
    {
        Assert.AreEqual(0, _package.ExitCode, _package.ToString());
        var start = new ProcessStartInfo(_extracted!.File("bootstrap"));
        start.Environment["AWS_LAMBDA_FUNCTION_NAME"] = "aot-test";
        return RuntimeApiTestServer.ServeProcess(start, handler, TimeSpan.FromSeconds(30), payloads);
    }
}
