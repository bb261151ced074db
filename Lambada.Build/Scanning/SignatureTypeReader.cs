using Lambada.Build.Model;
using Mono.Cecil;

namespace Lambada.Build.Scanning;

/// <summary>
/// Reads a <see cref="SignatureType"/> from a Cecil type reference. Definitions are resolved through the scan's resolver
/// (the project's own references); one that cannot be found leaves its facts unknown instead of failing the scan.
/// </summary>
internal static class SignatureTypeReader
{
    private const string ByRefLikeAttribute = "System.Runtime.CompilerServices.IsByRefLikeAttribute";

    private static readonly HashSet<string> JsonConstructionAttributes = new(StringComparer.Ordinal)
    {
        "System.Text.Json.Serialization.JsonConverterAttribute",
        "System.Text.Json.Serialization.JsonPolymorphicAttribute",
        "System.Text.Json.Serialization.JsonDerivedTypeAttribute",
    };

    private static readonly Dictionary<string, string> Keywords = new(StringComparer.Ordinal)
    {
        ["System.Void"] = "void",
        ["System.Object"] = "object",
        ["System.String"] = "string",
        ["System.Boolean"] = "bool",
        ["System.Char"] = "char",
        ["System.Byte"] = "byte",
        ["System.SByte"] = "sbyte",
        ["System.Int16"] = "short",
        ["System.UInt16"] = "ushort",
        ["System.Int32"] = "int",
        ["System.UInt32"] = "uint",
        ["System.Int64"] = "long",
        ["System.UInt64"] = "ulong",
        ["System.Single"] = "float",
        ["System.Double"] = "double",
        ["System.Decimal"] = "decimal",
        ["System.IntPtr"] = "nint",
        ["System.UIntPtr"] = "nuint",
    };

    public static SignatureType Read(TypeReference type)
    {
        switch (type)
        {
            case IModifierType modified:
                return Read(modified.ElementType);
            case ByReferenceType byRef:
                return Over(SignatureTypeForm.ByReference, byRef.ElementType, e => $"ref {e}");
            case PointerType pointer:
                return Over(SignatureTypeForm.Pointer, pointer.ElementType, e => $"{e}*");
            case FunctionPointerType:
                return new SignatureType { Name = "delegate*", Form = SignatureTypeForm.FunctionPointer };
            case ArrayType array:
                return Over(SignatureTypeForm.Array, array.ElementType, e => $"{e}[{new string(',', array.Rank - 1)}]") with { Rank = array.Rank };
            case GenericParameter parameter:
                return new SignatureType { Name = parameter.Name, Form = SignatureTypeForm.GenericParameter };
            case GenericInstanceType generic:
                return Named(generic.ElementType, generic.GenericArguments.Select(Read).ToArray());
            case TypeSpecification other: // pinned, sentinel: not in a method signature C# writes
                return Read(other.ElementType);
            default:
                return Named(type, []);
        }
    }

    private static SignatureType Over(SignatureTypeForm form, TypeReference element, Func<string, string> name)
    {
        var inner = Read(element);
        return new SignatureType { Name = name(inner.Name), Form = form, Arguments = [inner] };
    }

    private static SignatureType Named(TypeReference type, IReadOnlyList<SignatureType> arguments)
    {
        var named = new SignatureType { Name = DisplayName(type, arguments), FullName = type.FullName, Arguments = arguments };
        // Primitives, string and object are known by their signature encoding; no need to read the framework for them.
        if (type.MetadataType is not (MetadataType.Class or MetadataType.ValueType or MetadataType.GenericInstance or MetadataType.TypedByReference))
            return named;
        var definition = TryResolve(type);
        if (definition is null)
            return named;

        var ancestors = new List<string>();
        var byRefLike = HasAttribute(definition, ByRefLikeAttribute);
        var jsonConstruction = definition.CustomAttributes.Any(a => JsonConstructionAttributes.Contains(a.AttributeType.FullName));
        var getAwaiter = false;
        for (var t = definition; t is not null;)
        {
            ancestors.AddRange(t.Interfaces.Select(i => i.InterfaceType.GetElementType().FullName));
            getAwaiter |= t.Methods.Any(m => m.Name == "GetAwaiter" && m.IsPublic && !m.IsStatic && !m.HasParameters);
            if (t.BaseType is not { } baseType)
                break;
            ancestors.Add(baseType.GetElementType().FullName);
            t = TryResolve(baseType);
        }

        return named with
        {
            IsResolved = true,
            IsInterface = definition.IsInterface,
            IsAbstract = definition.IsAbstract && !definition.IsSealed && !definition.IsInterface,
            IsByRefLike = byRefLike,
            HasJsonConstruction = jsonConstruction,
            HasGetAwaiter = getAwaiter,
            Ancestors = ancestors.Distinct(StringComparer.Ordinal).ToArray(),
        };
    }

    private static TypeDefinition? TryResolve(TypeReference type)
    {
        try
        {
            return type.Resolve();
        }
        catch (Exception e) when (e is AssemblyResolutionException or BadImageFormatException or IOException)
        {
            return null;
        }
    }

    private static bool HasAttribute(TypeDefinition type, string fullName) =>
        type.HasCustomAttributes && type.CustomAttributes.Any(a => AttributeNames.Is(a, fullName));

    private static string DisplayName(TypeReference type, IReadOnlyList<SignatureType> arguments)
    {
        if (arguments.Count == 0 && Keywords.TryGetValue(type.FullName, out var keyword))
            return keyword;
        if (type.Namespace == "System" && type.Name == "Nullable`1" && arguments.Count == 1)
            return arguments[0].Name + "?";

        return NestedGenericName.Compose(type, arguments.Select(a => (string?)a.Name).ToList()) ?? type.Name;
    }
}
