namespace Lambada.Build.Model;

/// <summary>A function's <c>[LambadaUrl]</c>, in Lambda's wire words (<c>AWS_IAM</c>/<c>NONE</c>, <c>BUFFERED</c>/<c>RESPONSE_STREAM</c>).</summary>
internal sealed record FunctionUrlDefinition
{
    public const string AwsIam = "AWS_IAM";
    public const string None = "NONE";
    public const string Buffered = "BUFFERED";
    public const string ResponseStream = "RESPONSE_STREAM";

    public string AuthType { get; init; } = AwsIam;
    public string InvokeMode { get; init; } = Buffered;

    /// <summary>Null when the attribute sets no CORS value.</summary>
    public UrlCors? Cors { get; init; }
}

/// <summary>A function URL's CORS settings, as written (empty lists where none were given).</summary>
internal sealed record UrlCors
{
    public IReadOnlyList<string> AllowOrigins { get; init; } = [];
    public IReadOnlyList<string> AllowMethods { get; init; } = [];
    public IReadOnlyList<string> AllowHeaders { get; init; } = [];
    public IReadOnlyList<string> ExposeHeaders { get; init; } = [];
    public bool AllowCredentials { get; init; }
    public int MaxAge { get; init; }
}
