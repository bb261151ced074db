using Lambada.Build.Diagnostics;
using Lambada.Build.Model;

namespace Lambada.Build.Validation;

/// <summary>
/// LMB0151–0157: event and result types the host cannot pass or return, wherever they sit in the type (a
/// <c>List&lt;Action&gt;</c> holds a delegate as much as an <c>Action</c> is one). What counts is what the host does:
/// it boxes arguments and results (no ref structs or pointers), reads the event and writes the result with
/// System.Text.Json in one synchronous call, awaits exactly Task, Task&lt;T&gt;, ValueTask and ValueTask&lt;T&gt; once,
/// and hands the raw payload only to a parameter declared as <c>Stream</c>.
/// </summary>
internal static class HandlerTypeRules
{
    private const string Task = "System.Threading.Tasks.Task";
    private const string TaskOfValue = "System.Threading.Tasks.Task`1";
    private const string ValueTask = "System.Threading.Tasks.ValueTask";
    private const string ValueTaskOfValue = "System.Threading.Tasks.ValueTask`1";
    private const string Stream = "System.IO.Stream";
    private const string AsyncEnumerable = "System.Collections.Generic.IAsyncEnumerable`1";
    private const string JsonNode = "System.Text.Json.Nodes.JsonNode";

    /// <summary>The abstract types System.Text.Json fills with a concrete collection of its choosing (measured on .NET 10; not IReadOnlySet&lt;T&gt;).</summary>
    private static readonly HashSet<string> CollectionInterfaces = new(StringComparer.Ordinal)
    {
        "System.Collections.Generic.IEnumerable`1", "System.Collections.Generic.ICollection`1", "System.Collections.Generic.IList`1",
        "System.Collections.Generic.IReadOnlyCollection`1", "System.Collections.Generic.IReadOnlyList`1", "System.Collections.Generic.ISet`1",
        "System.Collections.Generic.IDictionary`2", "System.Collections.Generic.IReadOnlyDictionary`2",
        "System.Collections.IEnumerable", "System.Collections.ICollection", "System.Collections.IList", "System.Collections.IDictionary",
        "System.Collections.Immutable.IImmutableList`1", "System.Collections.Immutable.IImmutableSet`1", "System.Collections.Immutable.IImmutableQueue`1",
        "System.Collections.Immutable.IImmutableStack`1", "System.Collections.Immutable.IImmutableDictionary`2",
        AsyncEnumerable, // read into a buffered sequence; only writing one needs the asynchronous serializer
    };

    private enum Side { Event, Result }

    private sealed record Finding(DiagnosticDescriptor Descriptor, SignatureType Type, string What);

    public static Diagnostic? CheckEvent(FunctionUnderCheck f, HandlerParameter parameter) =>
        Find(parameter.Shape, Side.Event, outermost: true) is { } finding
            ? Report(f, $"parameter '{parameter.Name}'", parameter.Shape, finding)
            : null;

    public static Diagnostic? CheckResult(FunctionUnderCheck f, SignatureType returns)
    {
        Finding? finding;
        if (returns.FullName is Task or ValueTask)
            finding = null;
        else if (returns.FullName is TaskOfValue or ValueTaskOfValue)
            finding = Find(returns.Arguments[0], Side.Result, outermost: false);
        else if (IsAwaitable(returns))
            finding = new(DiagnosticCatalogue.HandlerUnawaitedAwaitable, returns, "an awaitable other than Task, Task<T>, ValueTask or ValueTask<T>");
        else
            finding = Find(returns, Side.Result, outermost: true);
        return finding is null ? null : Report(f, "the return type", returns, finding);
    }

    private static Diagnostic Report(FunctionUnderCheck f, string where, SignatureType declared, Finding finding)
    {
        var subject = ReferenceEquals(declared, finding.Type)
            ? $"{where} is {declared.Name}, {finding.What}"
            : $"{where} {declared.Name} holds {finding.Type.Name}, {finding.What}";
        return f.Report(finding.Descriptor, f.Model.MethodId, subject);
    }

    private static Finding? Find(SignatureType type, Side side, bool outermost)
    {
        if (Judge(type, side, outermost) is { } own)
            return own;
        foreach (var argument in type.Arguments)
            if (Find(argument, side, outermost: false) is { } inner)
                return inner;
        return null;
    }

    private static Finding? Judge(SignatureType t, Side side, bool outermost)
    {
        if (t.Form == SignatureTypeForm.Pointer)
            return new(DiagnosticCatalogue.HandlerStackOnlyType, t, "a pointer");
        if (t.Form == SignatureTypeForm.FunctionPointer)
            return new(DiagnosticCatalogue.HandlerStackOnlyType, t, "a function pointer");
        if (t.IsByRefLike)
            return new(DiagnosticCatalogue.HandlerStackOnlyType, t, "a ref struct");
        if (t.IsOrDerivesFrom("System.Delegate") || t.IsOrDerivesFrom("System.MulticastDelegate"))
            return new(DiagnosticCatalogue.HandlerDelegate, t, "a delegate");
        if (RefusedByJson(t) is { } kind)
            return new(DiagnosticCatalogue.HandlerNotJson, t, kind);
        if (IsAwaitable(t))
            return new(DiagnosticCatalogue.HandlerUnawaitedAwaitable, t, "an awaitable");
        if (side == Side.Result && t.IsOrDerivesFrom(AsyncEnumerable))
            return new(DiagnosticCatalogue.HandlerAsyncEnumerableResult, t, "an IAsyncEnumerable<T>");
        if (side == Side.Event && outermost && t.FullName != Stream && t.IsOrDerivesFrom(Stream))
            return new(DiagnosticCatalogue.HandlerStreamSubclassEvent, t, "a Stream subclass");
        if (side == Side.Event && (t.IsInterface || t.IsAbstract) && !(outermost && t.FullName == Stream) && !JsonCreates(t))
            return new(DiagnosticCatalogue.HandlerAbstractEvent, t, t.IsInterface ? "an interface" : "an abstract class");
        return null;
    }

    /// <summary>What System.Text.Json refuses by design, whatever the value (its UnsupportedTypeConverter, and multi-dimensional arrays).</summary>
    private static string? RefusedByJson(SignatureType t) =>
        t.Form == SignatureTypeForm.Array && t.Rank > 1 ? "a multi-dimensional array"
        : t.FullName is "System.IntPtr" or "System.UIntPtr" ? "a native-sized integer"
        : t.IsOrDerivesFrom("System.Reflection.MemberInfo") ? "a reflection type"
        : t.FullName == "System.Runtime.Serialization.SerializationInfo" ? "a SerializationInfo"
        : null;

    private static bool IsAwaitable(SignatureType t) =>
        t.IsOrDerivesFrom(Task) || t.IsOrDerivesFrom(TaskOfValue) || t.FullName is ValueTask or ValueTaskOfValue || t.HasGetAwaiter;

    private static bool JsonCreates(SignatureType t) =>
        t.HasJsonConstruction || CollectionInterfaces.Contains(t.FullName) || t.IsOrDerivesFrom(JsonNode);
}
