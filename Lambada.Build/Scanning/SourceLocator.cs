using Mono.Cecil;
using Mono.Cecil.Cil;

namespace Lambada.Build.Scanning;

/// <summary>
/// Finds where a function is declared. The PDB gives the method's first sequence point (for async
/// methods, that of the state machine's MoveNext); from there the source is searched upward for the
/// <c>[LambadaFunction</c> attribute itself, so errors point at the line the user has to change.
/// </summary>
public sealed class SourceLocator(IReadOnlyList<SourceRoot> sourceRoots)
{
    private const string AttributeText = "LambadaFunction";
    private const int MaxLinesAboveBody = 40;
    private readonly Dictionary<string, string[]?> fileLines = new(StringComparer.Ordinal);

    public SourceLocation? Locate(MethodDefinition method)
    {
        var point = FirstSequencePoint(method);
        if (point is not null)
            return Refine(LocalPath(point.Document.Url), point.StartLine, point.StartColumn, method.Name);

        // No body (abstract, extern): find the declaration by name in the file of the type's other methods.
        var typeFile = method.DeclaringType.Methods.Select(FirstSequencePoint).FirstOrDefault(p => p is not null)?.Document.Url;
        if (typeFile is null)
            return null;
        var file = LocalPath(typeFile);
        var lines = ReadLines(file);
        var declaration = lines is null ? -1 : Array.FindIndex(lines, l => DeclaresMethod(l, method.Name));
        return declaration < 0 ? null : Refine(file, declaration + 1, 1, method.Name);
    }

    private static SequencePoint? FirstSequencePoint(MethodDefinition method)
    {
        var body = StateMachineMoveNext(method) ?? method;
        return body.DebugInformation.HasSequencePoints
            ? body.DebugInformation.SequencePoints.FirstOrDefault(p => !p.IsHidden)
            : null;
    }

    private static MethodDefinition? StateMachineMoveNext(MethodDefinition method)
    {
        var attribute = method.CustomAttributes.FirstOrDefault(a =>
            a.AttributeType.FullName is AttributeNames.AsyncStateMachine or AttributeNames.IteratorStateMachine);
        if (attribute?.ConstructorArguments.FirstOrDefault().Value is not TypeReference machine)
            return null;
        var type = method.DeclaringType.NestedTypes.FirstOrDefault(t => t.FullName == machine.FullName);
        return type?.Methods.FirstOrDefault(m => m.Name == "MoveNext");
    }

    private SourceLocation Refine(string file, int line, int column, string methodName)
    {
        var lines = ReadLines(file);
        if (lines is null || line > lines.Length)
            return new SourceLocation(file, line, column);

        for (var i = line - 1; i >= 0 && i >= line - 1 - MaxLinesAboveBody; i--)
        {
            var text = lines[i];
            var at = text.IndexOf(AttributeText, StringComparison.Ordinal);
            if (at >= 0)
            {
                var bracket = text.LastIndexOf('[', at);
                return new SourceLocation(file, i + 1, (bracket >= 0 ? bracket : at) + 1);
            }
            if (i < line - 1 && EndsMember(text) && !DeclaresMethod(text, methodName))
                break;
        }
        return new SourceLocation(file, line, column);
    }

    private static bool EndsMember(string line)
    {
        var trimmed = line.TrimEnd();
        return trimmed.EndsWith('}') || trimmed.EndsWith(';');
    }

    private static bool DeclaresMethod(string line, string name)
    {
        var at = line.IndexOf(" " + name, StringComparison.Ordinal);
        if (at < 0)
            return false;
        var rest = line.AsSpan(at + 1 + name.Length).TrimStart();
        return rest.Length > 0 && (rest[0] == '(' || rest[0] == '<');
    }

    private string LocalPath(string pdbPath)
    {
        foreach (var root in sourceRoots)
            if (root.MappedPath.Length > 0 && pdbPath.StartsWith(root.MappedPath, StringComparison.Ordinal))
                return Path.Combine(root.LocalPath, pdbPath[root.MappedPath.Length..].Replace('/', Path.DirectorySeparatorChar));
        return pdbPath;
    }

    private string[]? ReadLines(string file)
    {
        if (!fileLines.TryGetValue(file, out var lines))
        {
            try { lines = File.ReadAllLines(file); }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException or ArgumentException) { lines = null; }
            fileLines[file] = lines;
        }
        return lines;
    }
}
