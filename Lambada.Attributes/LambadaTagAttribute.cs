using System;

namespace Lambada;

/// <summary>
/// Adds one tag to the function; repeat the attribute for more (at most 50 per function).
/// Keys are 1–128 characters and may not start with <c>aws:</c> or <c>lambada:</c>; values at most 256.
/// </summary>
[AttributeUsage(AttributeTargets.Method, AllowMultiple = true, Inherited = false)]
public sealed class LambadaTagAttribute : Attribute
{
    /// <summary>Tags the function with <paramref name="key"/> = <paramref name="value"/>.</summary>
    public LambadaTagAttribute(string key, string value)
    {
        Key = key;
        Value = value;
    }

    /// <summary>The tag's key.</summary>
    public string Key { get; }

    /// <summary>The tag's value.</summary>
    public string Value { get; }
}
