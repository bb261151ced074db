using Lambada.Testing;

namespace Lambada.Tests.Binding;

/// <summary>
/// The C# the scan writes for the package build: which types it keeps for the trimmer and which get source-generated
/// JSON, named as C# inside the scanned assembly names them. (That it compiles and runs under Native AOT is
/// <c>NativeAotPackageTests</c>.)
/// </summary>
[TestClass]
public sealed class BindingSourceTests
{
    private const string Keep = "global::System.Diagnostics.CodeAnalysis.DynamicDependency(";
    private const string Members = "global::System.Diagnostics.CodeAnalysis.DynamicallyAccessedMemberTypes.";

    private static string Binding(string source)
    {
        var (outcome, binding) = FixtureScan.RunWithBinding(source);
        Assert.IsTrue(outcome.Succeeded, string.Join("; ", outcome.Diagnostics));
        Assert.IsNotNull(binding, "a successful scan writes the binding");
        return binding;
    }

    private static string[] JsonTypes(string binding) => binding.Split('\n')
        .Where(l => l.StartsWith("[global::System.Text.Json.Serialization.JsonSerializable(typeof(", StringComparison.Ordinal))
        .Select(l => l["[global::System.Text.Json.Serialization.JsonSerializable(typeof(".Length..l.IndexOf("))", StringComparison.Ordinal)])
        .ToArray();

    private static string KeepLine(string members, string type) => $"[{Keep}{string.Join(" | ", members.Split(" | ").Select(m => Members + m))}, typeof({type}))]";

    [TestMethod]
    public void Events_and_results_get_json_and_plumbing_does_not()
    {
        var binding = Binding(FixtureScan.ClassWith("""
                [LambadaFunction] public static Dictionary<string, List<string>> Run(List<string> commands) => new();
                [LambadaFunction] public static async Task<int[]> Sizes(string[][] grid, ILambadaContext context) { await Task.Yield(); return []; }
                [LambadaFunction] public static ValueTask<long?> Count(CancellationToken token) => default;
                [LambadaFunction] public static Stream Raw(Stream body) => body;
                [LambadaFunction] public static async Task Fire(string message) => await Task.Yield();
                [LambadaFunction] public static void Ping() { }
            """));

        CollectionAssert.AreEquivalent(new[]
        {
            "global::System.Collections.Generic.List<global::System.String>",
            "global::System.Collections.Generic.Dictionary<global::System.String, global::System.Collections.Generic.List<global::System.String>>",
            "global::System.String[][]",
            "global::System.Int32[]",
            "global::System.Nullable<global::System.Int64>",
            "global::System.String",
        }, JsonTypes(binding), binding);
        StringAssert.Contains(binding, "global::Lambada.Runtime.LambadaJson.UseGenerated(LambadaGeneratedJson.Default)");
        StringAssert.Contains(binding, "[global::System.Runtime.CompilerServices.ModuleInitializer]");
    }

    [TestMethod]
    public void Handler_types_are_kept_with_their_constructor_only_for_instance_methods_and_awaitables_with_what_the_runtime_reads()
    {
        var binding = Binding(FixtureScan.ClassWith("""
                [LambadaFunction] public Task<string> Instance(string s) => Task.FromResult(s);
                public static class Statics
                {
                    [LambadaFunction] public static ValueTask<int> Static(int i) => new(i);
                }
            """));

        var kept = binding.Split('\n').Where(l => l.Contains(Keep, StringComparison.Ordinal)).Select(l => l.Trim()).ToArray();
        CollectionAssert.AreEquivalent(new[]
        {
            KeepLine("PublicParameterlessConstructor | PublicMethods", "global::Fixture.Functions"),
            KeepLine("PublicMethods", "global::Fixture.Functions.Statics"),
            KeepLine("PublicMethods | PublicProperties", "global::System.Threading.Tasks.Task<global::System.String>"),
            KeepLine("PublicMethods | PublicProperties", "global::System.Threading.Tasks.ValueTask<global::System.Int32>"),
            KeepLine("PublicMethods | PublicProperties", "global::System.Threading.Tasks.Task<global::System.Int32>"),
        }, kept, binding);
    }

    [TestMethod]
    public void Nested_and_generic_types_are_named_as_csharp_names_them()
    {
        var binding = Binding($$"""
            {{FixtureScan.Usings}}

            namespace Fixture;

            public class Outer<T>
            {
                public class Inner<U> { public T? A { get; set; } public U? B { get; set; } }
            }

            public sealed class Shown { public string Name { get; set; } = ""; }

            public class Functions
            {
                [LambadaFunction] public static int Nested(Outer<string>.Inner<int> value) => 0;
                public sealed class Note { public string Text { get; set; } = ""; }
                [LambadaFunction] public static int Listed(List<Shown> shown) => 0;
                [LambadaFunction] public static int NestedNote(Note note) => 0;
            }
            """);

        CollectionAssert.IsSubsetOf(new[]
        {
            "global::Fixture.Outer<global::System.String>.Inner<global::System.Int32>",
            "global::System.Collections.Generic.List<global::Fixture.Shown>",
            "global::Fixture.Functions.Note",
        }, JsonTypes(binding), binding);
    }

    [TestMethod]
    public void Types_that_share_a_name_get_their_own_json_property_and_framework_types_keep_theirs()
    {
        var binding = Binding($$"""
            {{FixtureScan.Usings}}

            namespace Shop { public sealed class Order { public int Id { get; set; } } }
            namespace Billing { public sealed class Order { public int Id { get; set; } } }

            namespace Fixture
            {
                public class Functions
                {
                    [LambadaFunction] public static string A(Shop.Order order) => "";
                    [LambadaFunction] public static string B(Billing.Order order) => "";
                }
            }
            """);

        var lines = binding.Split('\n');
        Assert.AreEqual(2, lines.Count(l => l.Contains("Order)", StringComparison.Ordinal) && l.Contains("TypeInfoPropertyName = \"LambadaType", StringComparison.Ordinal)), binding);
        Assert.IsTrue(lines.Single(l => l.Contains("typeof(global::System.String)", StringComparison.Ordinal)).EndsWith("(typeof(global::System.String))]", StringComparison.Ordinal), binding);
    }
}
