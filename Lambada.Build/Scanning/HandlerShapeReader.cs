using Mono.Cecil;

namespace Lambada.Build.Scanning;

/// <summary>Reads the facts about a method that decide whether the runtime could call it.</summary>
public static class HandlerShapeReader
{
    public static HandlerShape Read(MethodDefinition method)
    {
        var type = method.DeclaringType;
        return new HandlerShape
        {
            IsPublic = method.IsPublic,
            IsTypePublic = IsVisible(type),
            IsStatic = method.IsStatic,
            IsGeneric = method.HasGenericParameters,
            IsTypeGeneric = type.HasGenericParameters,
            IsTypeAbstract = type.IsAbstract && !type.IsSealed && !type.IsInterface,
            IsTypeInterface = type.IsInterface,
            HasPublicParameterlessConstructor = type.IsValueType
                || type.Methods.Any(m => m.IsConstructor && !m.IsStatic && m.IsPublic && !m.HasParameters),
            IsAsync = method.CustomAttributes.Any(a => AttributeNames.Is(a, AttributeNames.AsyncStateMachine)),
            ReturnType = method.ReturnType.FullName,
            Parameters = method.Parameters.Select(ReadParameter).ToArray(),
        };
    }

    private static HandlerParameter ReadParameter(ParameterDefinition parameter) => new(
        parameter.Name,
        parameter.ParameterType.FullName,
        IsByRef: parameter.ParameterType.IsByReference || parameter.IsOut,
        IsParamArray: parameter.HasCustomAttributes && parameter.CustomAttributes.Any(a => AttributeNames.Is(a, AttributeNames.ParamArray)));

    private static bool IsVisible(TypeDefinition type)
    {
        for (var t = type; t is not null; t = t.DeclaringType)
            if (!(t.IsPublic || t.IsNestedPublic))
                return false;
        return true;
    }
}
