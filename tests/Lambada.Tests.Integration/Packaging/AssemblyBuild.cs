using System.Diagnostics;
using System.Reflection.Metadata;
using System.Reflection.PortableExecutable;

namespace Lambada.Tests.Packaging;

/// <summary>How an assembly was compiled, read from its <c>DebuggableAttribute</c> as the JIT reads it.</summary>
internal static class AssemblyBuild
{
    /// <summary>True when the JIT optimizer is not disabled: a Release build (no attribute at all counts as optimised too).</summary>
    public static bool IsOptimized(byte[] assembly)
    {
        using var pe = new PEReader(new MemoryStream(assembly));
        var metadata = pe.GetMetadataReader();
        foreach (var handle in metadata.GetAssemblyDefinition().GetCustomAttributes())
        {
            var attribute = metadata.GetCustomAttribute(handle);
            if (TypeName(metadata, attribute) != "System.Diagnostics.DebuggableAttribute")
                continue;
            var value = metadata.GetBlobReader(attribute.Value);
            value.ReadUInt16();     // prolog
            // Roslyn writes DebuggableAttribute(DebuggingModes): an int32, then the count of named arguments (2 bytes).
            // The older (bool isJITTrackingEnabled, bool isJITOptimizerDisabled) form is two bytes instead.
            if (value.RemainingBytes == sizeof(int) + sizeof(ushort))
                return ((DebuggableAttribute.DebuggingModes)value.ReadInt32() & DebuggableAttribute.DebuggingModes.DisableOptimizations) == 0;
            value.ReadBoolean();
            return !value.ReadBoolean();
        }
        return true;
    }

    private static string TypeName(MetadataReader metadata, CustomAttribute attribute)
    {
        var type = attribute.Constructor.Kind switch
        {
            HandleKind.MemberReference => metadata.GetMemberReference((MemberReferenceHandle)attribute.Constructor).Parent,
            HandleKind.MethodDefinition => metadata.GetMethodDefinition((MethodDefinitionHandle)attribute.Constructor).GetDeclaringType(),
            _ => default,
        };
        return type.Kind switch
        {
            HandleKind.TypeReference => Name(metadata, metadata.GetTypeReference((TypeReferenceHandle)type).Namespace, metadata.GetTypeReference((TypeReferenceHandle)type).Name),
            HandleKind.TypeDefinition => Name(metadata, metadata.GetTypeDefinition((TypeDefinitionHandle)type).Namespace, metadata.GetTypeDefinition((TypeDefinitionHandle)type).Name),
            _ => "",
        };
    }

    private static string Name(MetadataReader metadata, StringHandle ns, StringHandle name) => metadata.GetString(ns) + "." + metadata.GetString(name);
}
