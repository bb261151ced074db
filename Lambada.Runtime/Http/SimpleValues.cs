using System.Globalization;

namespace Lambada.Runtime.Http;

/// <summary>
/// The types bound from a route value or the query string, and how each is read from text: invariant culture, as ASP.NET's
/// minimal APIs do, so <c>1.5</c> is one and a half on every machine.
/// </summary>
internal static class SimpleValues
{
    private const NumberStyles Integer = NumberStyles.Integer;
    private const NumberStyles Real = NumberStyles.Float | NumberStyles.AllowThousands;
    private const DateTimeStyles Dates = DateTimeStyles.AllowWhiteSpaces | DateTimeStyles.RoundtripKind;
    private static readonly CultureInfo Invariant = CultureInfo.InvariantCulture;

    /// <summary>Whether <paramref name="type"/> (or the value type under a <c>Nullable&lt;&gt;</c>) is bound from text.</summary>
    public static bool IsSimple(Type type)
    {
        var value = Nullable.GetUnderlyingType(type) ?? type;
        return value == typeof(string) || value.IsEnum || value == typeof(bool) || value == typeof(byte) || value == typeof(sbyte)
            || value == typeof(short) || value == typeof(ushort) || value == typeof(int) || value == typeof(uint) || value == typeof(long)
            || value == typeof(ulong) || value == typeof(float) || value == typeof(double) || value == typeof(decimal) || value == typeof(Guid)
            || value == typeof(DateTime) || value == typeof(DateTimeOffset) || value == typeof(DateOnly) || value == typeof(TimeOnly)
            || value == typeof(TimeSpan);
    }

    /// <summary>Reads <paramref name="text"/> as a <paramref name="type"/> (not nullable: the caller unwraps <c>Nullable&lt;&gt;</c>).</summary>
    public static bool TryParse(Type type, string text, out object? value)
    {
        bool ok;
        (ok, value) = type switch
        {
            _ when type == typeof(string) => (true, text),
            _ when type.IsEnum => Enum.TryParse(type, text, ignoreCase: true, out var e) && IsMeant(type, e) ? (true, e) : (false, null),
            _ when type == typeof(bool) => bool.TryParse(text, out var b) ? (true, b) : (false, null),
            _ when type == typeof(byte) => byte.TryParse(text, Integer, Invariant, out var n) ? (true, n) : (false, (object?)null),
            _ when type == typeof(sbyte) => sbyte.TryParse(text, Integer, Invariant, out var n) ? (true, n) : (false, null),
            _ when type == typeof(short) => short.TryParse(text, Integer, Invariant, out var n) ? (true, n) : (false, null),
            _ when type == typeof(ushort) => ushort.TryParse(text, Integer, Invariant, out var n) ? (true, n) : (false, null),
            _ when type == typeof(int) => int.TryParse(text, Integer, Invariant, out var n) ? (true, n) : (false, null),
            _ when type == typeof(uint) => uint.TryParse(text, Integer, Invariant, out var n) ? (true, n) : (false, null),
            _ when type == typeof(long) => long.TryParse(text, Integer, Invariant, out var n) ? (true, n) : (false, null),
            _ when type == typeof(ulong) => ulong.TryParse(text, Integer, Invariant, out var n) ? (true, n) : (false, null),
            _ when type == typeof(float) => float.TryParse(text, Real, Invariant, out var n) ? (true, n) : (false, null),
            _ when type == typeof(double) => double.TryParse(text, Real, Invariant, out var n) ? (true, n) : (false, null),
            _ when type == typeof(decimal) => decimal.TryParse(text, Real, Invariant, out var n) ? (true, n) : (false, null),
            _ when type == typeof(Guid) => Guid.TryParse(text, out var g) ? (true, g) : (false, null),
            _ when type == typeof(DateTime) => DateTime.TryParse(text, Invariant, Dates, out var d) ? (true, d) : (false, null),
            _ when type == typeof(DateTimeOffset) => DateTimeOffset.TryParse(text, Invariant, DateTimeStyles.AllowWhiteSpaces, out var d) ? (true, d) : (false, null),
            _ when type == typeof(DateOnly) => DateOnly.TryParse(text, Invariant, DateTimeStyles.AllowWhiteSpaces, out var d) ? (true, d) : (false, null),
            _ when type == typeof(TimeOnly) => TimeOnly.TryParse(text, Invariant, DateTimeStyles.AllowWhiteSpaces, out var t) ? (true, t) : (false, null),
            _ when type == typeof(TimeSpan) => TimeSpan.TryParse(text, Invariant, out var t) ? (true, t) : (false, null),
            _ => (false, null),
        };
        return ok;
    }

    /// <summary><c>default</c> of a simple type, without reflection: null for <c>string</c>.</summary>
    public static object? Zero(Type type) => type switch
    {
        _ when type.IsEnum => Enum.ToObject(type, 0),
        _ when type == typeof(bool) => false,
        _ when type == typeof(byte) => (byte)0,
        _ when type == typeof(sbyte) => (sbyte)0,
        _ when type == typeof(short) => (short)0,
        _ when type == typeof(ushort) => (ushort)0,
        _ when type == typeof(int) => 0,
        _ when type == typeof(uint) => 0u,
        _ when type == typeof(long) => 0L,
        _ when type == typeof(ulong) => 0UL,
        _ when type == typeof(float) => 0f,
        _ when type == typeof(double) => 0d,
        _ when type == typeof(decimal) => 0m,
        _ when type == typeof(Guid) => Guid.Empty,
        _ when type == typeof(DateTime) => default(DateTime),
        _ when type == typeof(DateTimeOffset) => default(DateTimeOffset),
        _ when type == typeof(DateOnly) => default(DateOnly),
        _ when type == typeof(TimeOnly) => default(TimeOnly),
        _ when type == typeof(TimeSpan) => TimeSpan.Zero,
        _ => null,
    };

    /// <summary>What a type is called in a 400's message: the C# keyword, or the type's name (an enum's with its names).</summary>
    public static string Describe(Type type) => type switch
    {
        _ when type == typeof(bool) => "bool (true or false)",
        _ when type == typeof(byte) => "byte",
        _ when type == typeof(sbyte) => "sbyte",
        _ when type == typeof(short) => "short",
        _ when type == typeof(ushort) => "ushort",
        _ when type == typeof(int) => "int",
        _ when type == typeof(uint) => "uint",
        _ when type == typeof(long) => "long",
        _ when type == typeof(ulong) => "ulong",
        _ when type == typeof(float) => "float",
        _ when type == typeof(double) => "double",
        _ when type == typeof(decimal) => "decimal",
        _ when type.IsEnum => $"{type.Name} ({string.Join(", ", Enum.GetNames(type))})",
        _ => type.Name,
    };

    // Enum.TryParse takes any number ("99") and any list of names ("Red,Green"); outside a [Flags] enum only a declared value is meant.
    private static bool IsMeant(Type type, object value) => type.IsDefined(typeof(FlagsAttribute), inherit: false) || Enum.IsDefined(type, value);
}
