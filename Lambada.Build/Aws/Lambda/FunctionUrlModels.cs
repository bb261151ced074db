namespace Lambada.Build.Aws.Lambda;

/// <summary>What Create/UpdateFunctionUrlConfig send (PascalCase on the wire).</summary>
internal sealed record FunctionUrlSettings(string AuthType, string InvokeMode, FunctionUrlCors? Cors);

/// <summary>A URL's CORS, as Lambda's <c>Cors</c> structure.</summary>
internal sealed record FunctionUrlCors
{
    public bool? AllowCredentials { get; init; }
    public IReadOnlyList<string>? AllowHeaders { get; init; }
    public IReadOnlyList<string>? AllowMethods { get; init; }
    public IReadOnlyList<string>? AllowOrigins { get; init; }
    public IReadOnlyList<string>? ExposeHeaders { get; init; }
    public int? MaxAge { get; init; }
}

/// <summary>A URL configuration as Lambda returns it.</summary>
internal sealed record FunctionUrlConfig
{
    public required string FunctionUrl { get; init; }
    public string? FunctionArn { get; init; }
    public string? AuthType { get; init; }
    public string? InvokeMode { get; init; }
    public FunctionUrlCors? Cors { get; init; }
    public string? CreationTime { get; init; }
    public string? LastModifiedTime { get; init; }
}
