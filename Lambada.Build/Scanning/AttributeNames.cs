using Mono.Cecil;

namespace Lambada.Build.Scanning;

/// <summary>Full names the scan matches on, so the user's assembly and ours are never loaded.</summary>
public static class AttributeNames
{
    public const string Function = "Lambada.LambadaFunctionAttribute";
    public const string Environment = "Lambada.LambadaEnvironmentAttribute";
    public const string Tag = "Lambada.LambadaTagAttribute";
    public const string Defaults = "Lambada.LambadaDefaultsAttribute";
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
