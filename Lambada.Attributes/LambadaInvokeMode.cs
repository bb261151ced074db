namespace Lambada;

/// <summary>How a function URL returns the function's answer.</summary>
public enum LambadaInvokeMode
{
    /// <summary>The whole answer at once, at most 6 MB. The default.</summary>
    Buffered = 0,

    /// <summary>Streamed as the function writes it (up to 200 MB). The Lambada host does not stream yet: the build refuses it (LMB0180).</summary>
    ResponseStream = 1,
}
