using Lambada.Build.Diagnostics;
using Lambada.Build.Model;

namespace Lambada.Build.Validation;

/// <summary>
/// LMB0140–0157: everything the runtime would refuse about a handler method, refused at build time
/// instead. A handler is public, non-generic, not async void, reachable without constructor arguments,
/// takes (event?, context-or-token?) by value and returns a value, void, Stream or an awaitable of them;
/// which event and result types the host can pass is <see cref="HandlerTypeRules"/>'s. An HTTP function's parameters are
/// bound by kind and name, not position: <see cref="HttpHandlerRules"/> judges them instead of the 0–2-parameter rules here.
/// </summary>
internal static class HandlerRules
{
    public const int MaxHandlerLength = 127;
    private const string VoidType = "System.Void";

    public static IEnumerable<Diagnostic> Check(FunctionUnderCheck f)
    {
        var shape = f.Model.Shape;
        var method = f.Model.MethodId;

        if (!shape.IsPublic)
            yield return f.Report(DiagnosticCatalogue.HandlerNotPublic, method, "the method is not public");
        else if (!shape.IsTypePublic)
            yield return f.Report(DiagnosticCatalogue.HandlerNotPublic, method, $"{f.Model.TypeName} (or a type it is nested in) is not public");
        if (shape.IsGeneric || shape.IsTypeGeneric)
            yield return f.Report(DiagnosticCatalogue.HandlerGeneric, method);
        if (shape.IsAsync && shape.ReturnType == VoidType)
            yield return f.Report(DiagnosticCatalogue.HandlerAsyncVoid, method);
        if (shape.Returns.Form == SignatureTypeForm.ByReference)
            yield return f.Report(DiagnosticCatalogue.HandlerReturnType, method, shape.Returns.Name);
        else if (HandlerTypeRules.CheckResult(f, shape.Returns) is { } result)
            yield return result;

        if (!shape.IsStatic && (shape.IsTypeAbstract || shape.IsTypeInterface))
            yield return f.Report(DiagnosticCatalogue.HandlerTypeAbstract, method, shape.IsTypeInterface ? "the interface" : "the abstract class", f.Model.TypeName);
        else if (!shape.IsStatic && !shape.HasPublicParameterlessConstructor)
            yield return f.Report(DiagnosticCatalogue.HandlerNoConstructor, method, f.Model.TypeName);

        var parameterDiagnostics = HttpRules.IsHttp(f.Model)
            ? HttpHandlerRules.CheckParameters(f, shape.Parameters)
            : CheckParameters(f, shape.Parameters);
        foreach (var diagnostic in parameterDiagnostics)
            yield return diagnostic;

        if (method.Length > MaxHandlerLength)
            yield return f.Report(DiagnosticCatalogue.HandlerTooLong, method, method.Length);
    }

    private static IEnumerable<Diagnostic> CheckParameters(FunctionUnderCheck f, IReadOnlyList<HandlerParameter> parameters)
    {
        var method = f.Model.MethodId;
        if (parameters.Count > 2)
        {
            yield return f.Report(DiagnosticCatalogue.HandlerTooManyParameters, method, parameters.Count);
            yield break;
        }

        var seenContext = false;
        var seenToken = false;
        for (var i = 0; i < parameters.Count; i++)
        {
            var p = parameters[i];
            var problem = p.IsByRef ? null
                : p.IsParamArray ? "is a params array"
                : p.Type == HandlerShape.ContextType ? Once(ref seenContext, "is a second ILambadaContext")
                : p.Type == HandlerShape.CancellationTokenType ? Once(ref seenToken, "is a second CancellationToken")
                : i > 0 ? "is a second event (the event must be the first parameter)"
                : null;
            if (p.IsByRef)
                yield return f.Report(DiagnosticCatalogue.HandlerByRefParameter, method, p.Name);
            else if (problem is not null)
                yield return f.Report(DiagnosticCatalogue.HandlerParameterKind, method, p.Name, problem);
            else if (p.Type is not (HandlerShape.ContextType or HandlerShape.CancellationTokenType) && HandlerTypeRules.CheckEvent(f, p) is { } eventType)
                yield return eventType;
        }
    }

    private static string? Once(ref bool seen, string problemWhenRepeated)
    {
        if (seen)
            return problemWhenRepeated;
        seen = true;
        return null;
    }
}
