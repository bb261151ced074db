namespace Lambada.Build.Aws.Lambda;

/// <summary>
/// What Lambda gives a function for a field a create request leaves out, which is also what a configuration that
/// omits the field means (ListFunctions leaves EphemeralStorage and Architectures out on older functions and on moto).
/// </summary>
internal static class LambdaDefaults
{
    public const int MemorySize = 128;
    public const int Timeout = 3;
    public const int EphemeralStorage = 512;
    public const string Architecture = "x86_64";
    public static IReadOnlyList<string> Architectures { get; } = [Architecture];
    public static IReadOnlyDictionary<string, string> Environment { get; } = new Dictionary<string, string>();
}
