using Lambada.Build.Model;
using Mono.Cecil;

namespace Lambada.Build.Scanning;

/// <summary>Reads the facts about a method that decide whether the runtime could call it.</summary>
internal static class HandlerShapeReader
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
            Returns = SignatureTypeReader.Read(method.ReturnType),
            Parameters = method.Parameters.Select(ReadParameter).ToArray(),
        };
    }

    private static HandlerParameter ReadParameter(ParameterDefinition parameter)
    {
        var shape = SignatureTypeReader.Read(parameter.ParameterType);
        return new HandlerParameter(
            parameter.Name,
            parameter.ParameterType.FullName,
            IsByRef: shape.Form == SignatureTypeForm.ByReference || parameter.IsOut,
            IsParamArray: parameter.HasCustomAttributes && parameter.CustomAttributes.Any(a => AttributeNames.Is(a, AttributeNames.ParamArray)),
            shape);
    }

    private static bool IsVisible(TypeDefinition type)
    {
        for (var t = type; t is not null; t = t.DeclaringType)
            if (!(t.IsPublic || t.IsNestedPublic))
                return false;
        return true;
    }
}
