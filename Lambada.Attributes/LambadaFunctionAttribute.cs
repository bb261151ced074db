using System;

namespace Lambada;

/// <summary>
/// Declares that this method is an AWS Lambda function. At build time Lambada validates the values
/// below, and a deploy creates or updates one Lambda function per attribute.
/// Numbers left at 0 and strings left null mean "the default" (see <see cref="LambadaDefaultsAttribute"/>).
/// </summary>
[AttributeUsage(AttributeTargets.Method, AllowMultiple = false, Inherited = false)]
public sealed class LambadaFunctionAttribute : Attribute
{
    /// <summary>Function name: 1–64 characters of <c>A–Z a–z 0–9 _ -</c>. Default: the method name.</summary>
    public string? Name { get; set; }

    /// <summary>Memory in MB, 128–10240. Default: 512.</summary>
    public int MemorySize { get; set; }

    /// <summary>Timeout in seconds, 1–900. Default: 30.</summary>
    public int Timeout { get; set; }

    /// <summary>
    /// Execution role: a full role ARN, a bare role name in the caller's account, or a pattern with
    /// <c>*</c>/<c>?</c> matched against whole role ARNs (e.g. <c>*/lambda_s3_full</c>).
    /// Default: <c>lambda_basic_execution</c>.
    /// </summary>
    public string? Role { get; set; }

    /// <summary>Description, at most 256 characters. Default: empty.</summary>
    public string? Description { get; set; }

    /// <summary>
    /// Alias to publish a version under and point at it: 1–128 characters of <c>A–Z a–z 0–9 _ -</c>,
    /// not all digits. Default: no alias, no version published.
    /// </summary>
    public string? Alias { get; set; }

    /// <summary>Lambda runtime. Default: inferred from the target framework (net8.0 → dotnet8, net10.0 → dotnet10, self-contained → provided.al2023).</summary>
    public LambadaRuntime Runtime { get; set; }

    /// <summary>Instruction set architecture. Default: x86_64.</summary>
    public LambadaArchitecture Architecture { get; set; }

    /// <summary>Size of <c>/tmp</c> in MB, 512–10240. Default: 512.</summary>
    public int EphemeralStorage { get; set; }

    /// <summary>Reserved concurrent executions, 1 or more. Default (0): none reserved, the account's unreserved pool.</summary>
    public int ReservedConcurrency { get; set; }
}
