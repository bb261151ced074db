using Mono.Cecil;

namespace Lambada.Build.Scanning;

/// <summary>
/// Full names the scan matches on, so the user's assembly and ours are never loaded. Lambada's own are spelled with
/// <c>nameof</c> through a compile-only reference to Lambada.Attributes: a rename there fails this build, and constants
/// leave no reference behind, so the task never loads that assembly.
/// </summary>
internal static class AttributeNames
{
    public const string Function = nameof(Lambada) + "." + nameof(LambadaFunctionAttribute);
    public const string Environment = nameof(Lambada) + "." + nameof(LambadaEnvironmentAttribute);
    public const string Tag = nameof(Lambada) + "." + nameof(LambadaTagAttribute);
    public const string Defaults = nameof(Lambada) + "." + nameof(LambadaDefaultsAttribute);
    public const string Url = nameof(Lambada) + "." + nameof(LambadaUrlAttribute);
    public const string Http = nameof(Lambada) + "." + nameof(LambadaHttpAttribute);
    public const string TargetFramework = "System.Runtime.Versioning.TargetFrameworkAttribute";
    public const string AsyncStateMachine = "System.Runtime.CompilerServices.AsyncStateMachineAttribute";
    public const string IteratorStateMachine = "System.Runtime.CompilerServices.IteratorStateMachineAttribute";
    public const string ParamArray = "System.ParamArrayAttribute";

    /// <summary>Whether <paramref name="attribute"/> is of type <paramref name="fullName"/>, without building Cecil's FullName (this runs for every attribute of every method).</summary>
    public static bool Is(CustomAttribute attribute, string fullName)
    {
        var type = attribute.AttributeType;
        return fullName.Length == type.Namespace.Length + 1 + type.Name.Length
            && fullName.EndsWith(type.Name, StringComparison.Ordinal)
            && fullName.StartsWith(type.Namespace, StringComparison.Ordinal);
    }
}
