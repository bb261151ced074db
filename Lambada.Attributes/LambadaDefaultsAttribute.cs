using System;

namespace Lambada;

/// <summary>
/// Assembly-wide defaults for every <see cref="LambadaFunctionAttribute"/> in this assembly that leaves a
/// value unset. MSBuild properties (<c>LambadaDefaultMemorySize</c>, …) override these; a value set on
/// the function itself always wins.
/// </summary>
[AttributeUsage(AttributeTargets.Assembly, AllowMultiple = false)]
public sealed class LambadaDefaultsAttribute : Attribute
{
    /// <summary>Default memory in MB, 128–10240.</summary>
    public int MemorySize { get; set; }

    /// <summary>Default timeout in seconds, 1–900.</summary>
    public int Timeout { get; set; }

    /// <summary>Default role (ARN, bare name or pattern, as in <see cref="LambadaFunctionAttribute.Role"/>).</summary>
    public string? Role { get; set; }

    /// <summary>Default runtime.</summary>
    public LambadaRuntime Runtime { get; set; }

    /// <summary>Default architecture.</summary>
    public LambadaArchitecture Architecture { get; set; }

    /// <summary>Default size of <c>/tmp</c> in MB, 512–10240.</summary>
    public int EphemeralStorage { get; set; }
}
