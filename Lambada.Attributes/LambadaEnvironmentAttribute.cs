using System;

namespace Lambada;

/// <summary>
/// Sets one environment variable of the function; repeat the attribute for more.
/// Keys match <c>[a-zA-Z][a-zA-Z0-9_]+</c>; keys and values together stay under 4 KB; keys Lambda
/// reserves (<c>AWS_REGION</c>, <c>AWS_LAMBDA_*</c>, <c>_HANDLER</c>, …) and <c>LAMBADA_*</c> are refused.
/// </summary>
[AttributeUsage(AttributeTargets.Method, AllowMultiple = true, Inherited = false)]
public sealed class LambadaEnvironmentAttribute : Attribute
{
    /// <summary>Sets <paramref name="key"/> to <paramref name="value"/> in the function's environment.</summary>
    public LambadaEnvironmentAttribute(string key, string value)
    {
        Key = key;
        Value = value;
    }

    /// <summary>The variable's name.</summary>
    public string Key { get; }

    /// <summary>The variable's value.</summary>
    public string Value { get; }
}
