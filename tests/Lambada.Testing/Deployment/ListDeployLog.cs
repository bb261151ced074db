using System.Collections.Concurrent;
using Lambada.Build.Deployment;
using Lambada.Build.Diagnostics;
using Lambada.Build.Model;

namespace Lambada.Tests.Deployment;

/// <summary>Keeps what a deploy said, in order, for assertions and failure messages.</summary>
internal sealed class ListDeployLog : IDeployLog
{
    private const string WarningPrefix = "warning ";
    private readonly ConcurrentQueue<string> _lines = new();

    public IReadOnlyList<string> Lines => _lines.ToList();

    /// <summary>The warnings alone, as <c>code function: message</c>.</summary>
    public IReadOnlyList<string> Warnings =>
        Lines.Where(l => l.StartsWith(WarningPrefix, StringComparison.Ordinal)).Select(l => l[WarningPrefix.Length..]).ToList();

    public void Info(string message) => _lines.Enqueue(message);

    public void Warning(DiagnosticDescriptor descriptor, FunctionDefinition function, string message) =>
        _lines.Enqueue($"{WarningPrefix}{descriptor.Code} {function.Name}: {message}");
}
