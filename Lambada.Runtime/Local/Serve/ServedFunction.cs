using System.Diagnostics.CodeAnalysis;
using Lambada.Runtime.Handlers;

namespace Lambada.Runtime.Local.Serve;

/// <summary>
/// A function as <c>serve</c> runs it: its handler made on first use and then kept (as Lambda keeps one instance per
/// sandbox; here concurrent requests share it), and a fresh <see cref="LocalContext"/> with the manifest's memory and timeout per call,
/// logging to <c>serve</c>'s stderr.
/// </summary>
[RequiresUnreferencedCode(Trimming.Reason), RequiresDynamicCode(Trimming.Reason)]
internal sealed class ServedFunction(CatalogEntry entry, LocalManifestFunction? resolved, TextWriter log)
{
    private readonly Lazy<FunctionHandler> _handler = new(() => new FunctionHandler(entry.Method), LazyThreadSafetyMode.ExecutionAndPublication);

    public CatalogEntry Entry => entry;

    public string Name => entry.Name;

    /// <summary>Runs the function on <paramref name="payload"/>; the handler's own exception (or a bad event's <c>JsonException</c>) propagates.</summary>
    public async Task<byte[]> InvokeAsync(ReadOnlyMemory<byte> payload, CancellationToken stop)
    {
        var context = new LocalContext(entry, resolved, log);
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(stop);
        deadline.CancelAfter(context.Timeout);
        return await _handler.Value.InvokeAsync(payload, context, deadline.Token).ConfigureAwait(false);
    }
}
