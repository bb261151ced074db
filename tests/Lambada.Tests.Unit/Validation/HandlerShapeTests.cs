using Lambada.Build.Model;
using Lambada.Testing;

namespace Lambada.Tests.Validation;

/// <summary>
/// Every handler shape the runtime accepts passes validation untouched; every event or result type the host cannot pass
/// or return is its own LMB code at the attribute's line, wherever in the type it sits.
/// </summary>
[TestClass]
public sealed class HandlerShapeTests
{
    [TestMethod]
    [DataRow("[LambadaFunction] public void A() { }")]
    [DataRow("[LambadaFunction] public static string A(string input) => input;")]
    [DataRow("[LambadaFunction] public int A(Dictionary<string, int> input, ILambadaContext context) => input.Count;")]
    [DataRow("[LambadaFunction] public Task A(CancellationToken token) => Task.CompletedTask;")]
    [DataRow("[LambadaFunction] public async Task<string> A(string input, CancellationToken token) { await Task.Delay(1, token); return input; }")]
    [DataRow("[LambadaFunction] public ValueTask<int> A(int input) => new(input);")]
    [DataRow("[LambadaFunction] public ValueTask A(ILambadaContext context) => default;")]
    [DataRow("[LambadaFunction] public Stream A(Stream input) => input;")]
    [DataRow("[LambadaFunction] public void A(ILambadaContext context, CancellationToken token) { }")]
    [DataRow("public static class Tools { [LambadaFunction] public static int A(int x) => x; }")]
    [DataRow("public abstract class Base { [LambadaFunction] public static int A(int x) => x; }")]
    [DataRow("public struct Value { [LambadaFunction] public int A(int x) => x; }")]
    [DataRow("public class Outer { public class Inner { [LambadaFunction] public void A() { } } }")]
    // Not ref structs: System.Text.Json reads Memory<T> as an array, ReadOnlyMemory<byte> as base64.
    [DataRow("[LambadaFunction] public int A(Memory<int> input) => input.Length;")]
    [DataRow("[LambadaFunction] public ReadOnlyMemory<byte> A(ReadOnlyMemory<byte> input) => input;")]
    // Interfaces System.Text.Json fills with a List, Dictionary, HashSet or immutable collection.
    [DataRow("[LambadaFunction] public int A(IReadOnlyList<string> input) => input.Count;")]
    [DataRow("[LambadaFunction] public int A(IDictionary<string, int> input) => input.Count;")]
    [DataRow("[LambadaFunction] public IEnumerable<string> A(IEnumerable<string> input) => input;")]
    [DataRow("[LambadaFunction] public int A(ISet<int> input) => input.Count;")]
    [DataRow("[LambadaFunction] public int A(System.Collections.IList input) => input.Count;")]
    [DataRow("[LambadaFunction] public int A(System.Collections.Immutable.IImmutableList<int> input) => input.Count;")]
    // Read into a buffered sequence; only writing one as the result needs the asynchronous serializer.
    [DataRow("[LambadaFunction] public async Task<int> A(IAsyncEnumerable<int> input) { var n = 0; await foreach (var i in input) n += i; return n; }")]
    [DataRow("[LambadaFunction] public object A(object input) => input;")]
    [DataRow("[LambadaFunction] public dynamic A(dynamic input) => input;")]
    [DataRow("[LambadaFunction] public System.Text.Json.Nodes.JsonNode? A(System.Text.Json.Nodes.JsonNode? input) => input;")]
    [DataRow("[LambadaFunction] public int A(System.Text.Json.JsonElement input) => 1;")]
    [DataRow(@"[System.Text.Json.Serialization.JsonDerivedType(typeof(Circle), ""circle"")] public abstract class Shape { }
    public sealed class Circle : Shape { }
    [LambadaFunction] public string A(Shape input) => input.GetType().Name;")]
    [DataRow(@"[System.Text.Json.Serialization.JsonConverter(typeof(System.Text.Json.Serialization.JsonStringEnumConverter))] public interface IOrder { }
    [LambadaFunction] public int A(IOrder input) => 1;")]
    // A result is written through its declared type, so an interface or abstract class is fine there.
    [DataRow("[LambadaFunction] public IReadOnlyList<int> A() => [1];")]
    [DataRow("public abstract class Reply { public int Code { get; set; } } public sealed class Ok : Reply { } [LambadaFunction] public Reply A() => new Ok();")]
    [DataRow("[LambadaFunction] public Task<Stream> A(Stream input) => Task.FromResult(input);")]
    [DataRow("[LambadaFunction] public MemoryStream A() => new();")]
    [DataRow("[LambadaFunction] public Task<List<int>> A(int[][] input) => Task.FromResult(new List<int>());")]
    [DataRow("[LambadaFunction] public int? A(int? input) => input;")]
    [DataRow("[LambadaFunction] public (int, string) A() => (1, \"a\");")]
    [DataRow("[LambadaFunction] public DateTimeOffset A(Guid input) => default;")]
    public void Accepted_shape_gives_no_diagnostic(string members)
    {
        var outcome = FixtureScan.Run(FixtureScan.ClassWith(members));

        Assert.IsTrue(outcome.Succeeded, string.Join("; ", outcome.Diagnostics));
        Assert.AreEqual(0, outcome.Diagnostics.Count);
        Assert.AreEqual(1, outcome.Manifest.Functions.Count);
    }

    [TestMethod]
    [DataRow("span_parameter", "LMB0151", "parameter 'data' is Span<byte>, a ref struct", "[LambadaFunction] public int A(Span<byte> data) => data.Length;")]
    [DataRow("read_only_span_parameter", "LMB0151", "parameter 'text' is ReadOnlySpan<char>, a ref struct", "[LambadaFunction] public int A(ReadOnlySpan<char> text) => text.Length;")]
    [DataRow("own_ref_struct_parameter", "LMB0151", "parameter 'window' is Functions.Window, a ref struct", "public ref struct Window { public int Start; } [LambadaFunction] public int A(Window window) => window.Start;")]
    [DataRow("span_return", "LMB0151", "the return type is Span<byte>, a ref struct", "[LambadaFunction] public Span<byte> A() => default;")]
    [DataRow("pointer_parameter", "LMB0151", "parameter 'p' is int*, a pointer", "[LambadaFunction] public unsafe int A(int* p) => 0;")]
    [DataRow("pointer_return", "LMB0151", "the return type is byte*, a pointer", "[LambadaFunction] public unsafe byte* A() => null;")]
    [DataRow("function_pointer_parameter", "LMB0151", "parameter 'f' is delegate*, a function pointer", "[LambadaFunction] public unsafe void A(delegate*<int, void> f) { }")]
    [DataRow("array_of_pointers_parameter", "LMB0151", "parameter 'p' int*[] holds int*, a pointer", "[LambadaFunction] public unsafe void A(int*[] p) { }")]
    [DataRow("delegate_return", "LMB0152", "the return type is Func<int>, a delegate", "[LambadaFunction] public Func<int> A() => () => 1;")]
    [DataRow("action_parameter", "LMB0152", "parameter 'callback' is Action, a delegate", "[LambadaFunction] public void A(Action callback) { }")]
    [DataRow("own_delegate_parameter", "LMB0152", "parameter 'step' is Functions.Step, a delegate", "public delegate int Step(int x); [LambadaFunction] public int A(Step step) => step(1);")]
    [DataRow("list_of_delegates_parameter", "LMB0152", "parameter 'steps' List<Action> holds Action, a delegate", "[LambadaFunction] public void A(List<Action> steps) { }")]
    [DataRow("task_of_delegate_return", "LMB0152", "the return type Task<Func<int>> holds Func<int>, a delegate", "[LambadaFunction] public Task<Func<int>> A() => Task.FromResult<Func<int>>(() => 1);")]
    [DataRow("async_enumerable_return", "LMB0153", "the return type is IAsyncEnumerable<int>, an IAsyncEnumerable<T>", "[LambadaFunction] public async IAsyncEnumerable<int> A() { await Task.Yield(); yield return 1; }")]
    [DataRow("task_of_async_enumerable_return", "LMB0153", "the return type Task<IAsyncEnumerable<int>> holds IAsyncEnumerable<int>, an IAsyncEnumerable<T>", "[LambadaFunction] public Task<IAsyncEnumerable<int>> A() => Task.FromResult<IAsyncEnumerable<int>>(null!);")]
    [DataRow("interface_parameter", "LMB0154", "parameter 'order' is Functions.IOrder, an interface", "public interface IOrder { int Id { get; } } [LambadaFunction] public int A(IOrder order) => order.Id;")]
    [DataRow("abstract_class_parameter", "LMB0154", "parameter 'order' is Functions.Order, an abstract class", "public abstract class Order { public int Id { get; set; } } [LambadaFunction] public int A(Order order) => order.Id;")]
    [DataRow("list_of_interfaces_parameter", "LMB0154", "parameter 'orders' List<Functions.IOrder> holds Functions.IOrder, an interface", "public interface IOrder { int Id { get; } } [LambadaFunction] public int A(List<IOrder> orders) => orders.Count;")]
    [DataRow("read_only_set_parameter", "LMB0154", "parameter 'ids' is IReadOnlySet<int>, an interface", "[LambadaFunction] public int A(IReadOnlySet<int> ids) => ids.Count;")]
    [DataRow("list_of_streams_parameter", "LMB0154", "parameter 'parts' List<Stream> holds Stream, an abstract class", "[LambadaFunction] public int A(List<Stream> parts) => parts.Count;")]
    [DataRow("task_of_task_return", "LMB0155", "the return type Task<Task<int>> holds Task<int>, an awaitable", "[LambadaFunction] public Task<Task<int>> A() => Task.FromResult(Task.FromResult(1));")]
    [DataRow("async_task_of_task_return", "LMB0155", "the return type Task<Task<int>> holds Task<int>, an awaitable", "[LambadaFunction] public async Task<Task<int>> A() { await Task.Yield(); return Task.FromResult(1); }")]
    [DataRow("task_of_value_task_return", "LMB0155", "the return type Task<ValueTask<int>> holds ValueTask<int>, an awaitable", "[LambadaFunction] public Task<ValueTask<int>> A() => Task.FromResult(new ValueTask<int>(1));")]
    [DataRow("value_task_of_task_return", "LMB0155", "the return type ValueTask<Task> holds Task, an awaitable", "[LambadaFunction] public ValueTask<Task> A() => new(Task.CompletedTask);")]
    [DataRow("list_of_tasks_return", "LMB0155", "the return type List<Task<int>> holds Task<int>, an awaitable", "[LambadaFunction] public List<Task<int>> A() => [];")]
    [DataRow("task_subclass_return", "LMB0155", "the return type is Functions.Job, an awaitable other than Task", "public class Job : Task<int> { public Job() : base(() => 1) { } } [LambadaFunction] public Job A() => new();")]
    [DataRow("custom_awaitable_return", "LMB0155", "the return type is ConfiguredTaskAwaitable<int>, an awaitable other than Task", "[LambadaFunction] public System.Runtime.CompilerServices.ConfiguredTaskAwaitable<int> A() => Task.FromResult(1).ConfigureAwait(false);")]
    [DataRow("task_parameter", "LMB0155", "parameter 'pending' is Task<int>, an awaitable", "[LambadaFunction] public int A(Task<int> pending) => 1;")]
    [DataRow("type_parameter", "LMB0156", "parameter 'type' is Type, a reflection type", "[LambadaFunction] public string A(Type type) => type.Name;")]
    [DataRow("method_info_return", "LMB0156", "the return type is MethodInfo, a reflection type", "[LambadaFunction] public System.Reflection.MethodInfo A() => null!;")]
    [DataRow("native_integer_parameter", "LMB0156", "parameter 'handle' is nint, a native-sized integer", "[LambadaFunction] public void A(nint handle) { }")]
    [DataRow("multi_dimensional_array_parameter", "LMB0156", "parameter 'grid' is int[,], a multi-dimensional array", "[LambadaFunction] public int A(int[,] grid) => grid.Length;")]
    [DataRow("dictionary_of_types_return", "LMB0156", "the return type Dictionary<string, Type> holds Type, a reflection type", "[LambadaFunction] public Dictionary<string, Type> A() => [];")]
    [DataRow("memory_stream_parameter", "LMB0157", "parameter 'body' is MemoryStream, a Stream subclass", "[LambadaFunction] public long A(MemoryStream body) => body.Length;")]
    // Open generics: a type parameter is in scope only in a generic method or a (nested in a) generic type, which is LMB0141.
    [DataRow("type_parameter_of_enclosing_generic_type", "LMB0141", "generic", "public class Box<T> { public class Inner { [LambadaFunction] public void A(T input) { } } }")]
    [DataRow("ref_readonly_return", "LMB0150", "returns ref int", "private static int field; [LambadaFunction] public ref readonly int A() => ref field;")]
    public void Unrunnable_shape_is_reported_with_its_code_at_the_attribute(string rule, string code, string says, string members)
    {
        var source = FixtureScan.ClassWith(members);
        var (outcome, binding) = FixtureScan.RunWithBinding(source);

        Assert.IsFalse(outcome.Succeeded, rule);
        var diagnostic = outcome.Diagnostics.Single();
        Assert.AreEqual(code, diagnostic.Code, $"{rule}: {diagnostic}");
        StringAssert.Contains(diagnostic.Message, says, rule);
        StringAssert.Contains(diagnostic.Message, " — ", "every message says how to fix it");
        Assert.IsNotNull(diagnostic.Location, rule);
        Assert.AreEqual(FixtureScan.LinesOf(source, "[LambadaFunction").Single(), diagnostic.Location.Line, rule);
        Assert.IsTrue(diagnostic.Location.File.EndsWith("Functions.cs", StringComparison.Ordinal), diagnostic.Location.File);
        Assert.IsNull(binding, $"{rule}: no binding is written for a package that must not be built");
    }

    [TestMethod]
    public void A_shape_whose_types_cannot_be_resolved_is_scanned_without_failing()
    {
        // Only the fixture's own folder to resolve from: the framework's types stay unknown, and the scan neither throws nor guesses.
        using var dir = new TempDirectory("unresolved");
        var dll = CSharpCompiler.Compile(dir.Path, "Fixture", new Dictionary<string, string>
        {
            ["Functions.cs"] = FixtureScan.ClassWith("[LambadaFunction] public Task<List<int>> A(Memory<int> input) => Task.FromResult(new List<int>());"),
        });

        var outcome = Lambada.Build.FunctionScan.Run(dll, dir.File("functions.json"), ScanOptions.Default, ProjectOptions.None);

        Assert.IsTrue(outcome.Succeeded, string.Join("; ", outcome.Diagnostics));
    }
}
