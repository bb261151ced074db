using Lambada.Build.Diagnostics;
using Lambada.Build.Model;
using Mono.Cecil;

namespace Lambada.Build.Scanning;

/// <summary>
/// Finds where a function is declared. The PDB gives the method's first sequence point (for async
/// methods, that of the state machine's MoveNext); from there the source is searched upward for the
/// <c>[LambadaFunction</c> attribute itself, so errors point at the line the user has to change.
/// </summary>
internal sealed class SourceLocator(IReadOnlyList<SourceRoot> sourceRoots, PdbSymbols? symbols)
{
    private const string AttributeText = "LambadaFunction";
    private const int MaxLinesAboveBody = 200;
    private readonly Dictionary<string, string[]?> _fileLines = new(StringComparer.Ordinal);

    public SourceLocation? Locate(MethodDefinition method)
    {
        if (symbols is null)
            return null;
        if (FirstSequencePoint(method) is var (document, line, column))
            return Refine(LocalPath(document), line, column, method.Name);

        // No body (abstract, extern, interface): find the type's declaration in the PDB's documents, then the method's after it.
        foreach (var file in CandidateFiles(method))
        {
            var lines = ReadLines(file);
            if (lines is null)
                continue;
            var typeLine = Array.FindIndex(lines, l => DeclaresType(l, method.DeclaringType.Name));
            var declaration = typeLine < 0 ? -1 : Array.FindIndex(lines, typeLine, l => DeclaresMethod(l, method.Name));
            if (declaration >= 0)
                return Refine(file, declaration + 1, 1, method.Name);
        }
        return null;
    }

    private IEnumerable<string> CandidateFiles(MethodDefinition method) =>
        EnclosingTypes(method.DeclaringType)
            .SelectMany(t => t.Methods)
            .Select(m => FirstSequencePoint(m)?.Document)
            .OfType<string>()
            .Concat(symbols!.Documents)
            .Distinct(StringComparer.Ordinal)
            .Select(LocalPath);

    private static IEnumerable<TypeDefinition> EnclosingTypes(TypeDefinition type)
    {
        for (var t = type; t is not null; t = t.DeclaringType)
            yield return t;
    }

    private (string Document, int Line, int Column)? FirstSequencePoint(MethodDefinition method) =>
        symbols!.FirstSequencePoint((int)(StateMachineMoveNext(method) ?? method).MetadataToken.RID);

    private static MethodDefinition? StateMachineMoveNext(MethodDefinition method)
    {
        if (!method.HasCustomAttributes)
            return null;
        var attribute = method.CustomAttributes.FirstOrDefault(a =>
            AttributeNames.Is(a, AttributeNames.AsyncStateMachine) || AttributeNames.Is(a, AttributeNames.IteratorStateMachine));
        if (attribute?.ConstructorArguments.FirstOrDefault().Value is not TypeReference machine)
            return null;
        // The compiler nests the state machine in the method's type; names are unique among nested types.
        var type = method.DeclaringType.NestedTypes.FirstOrDefault(t => t.Name == machine.Name);
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

    private static bool DeclaresType(string line, string name)
    {
        var simpleName = name.Split('`')[0];
        return new[] { "class ", "struct ", "interface ", "record " }.Any(keyword =>
        {
            var at = line.IndexOf(keyword + simpleName, StringComparison.Ordinal);
            var end = at + keyword.Length + simpleName.Length;
            return at >= 0 && (end == line.Length || !char.IsLetterOrDigit(line[end]) && line[end] != '_');
        });
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
        if (!_fileLines.TryGetValue(file, out var lines))
        {
            try { lines = File.ReadAllLines(file); }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException or ArgumentException) { lines = null; }
            _fileLines[file] = lines;
        }
        return lines;
    }
}
