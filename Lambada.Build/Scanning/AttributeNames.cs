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
}
