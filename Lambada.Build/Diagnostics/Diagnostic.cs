namespace Lambada.Build.Diagnostics;

internal enum Severity { Error, Warning }

/// <summary>One entry of the catalogue: a code, a severity and a message template that says what is wrong and how to fix it.</summary>
internal sealed record DiagnosticDescriptor(string Code, Severity Severity, string Title, string MessageFormat)
{
    public Diagnostic Create(SourceLocation? location, params object?[] args) =>
        new(this, string.Format(System.Globalization.CultureInfo.InvariantCulture, MessageFormat, args), location);
}

/// <summary>A problem found in the user's project, with the place it points at when the PDB told us.</summary>
internal sealed record Diagnostic(DiagnosticDescriptor Descriptor, string Message, SourceLocation? Location)
{
    public string Code => Descriptor.Code;
    public bool IsError => Descriptor.Severity == Severity.Error;

    /// <summary>MSBuild's canonical form: <c>file(line,col): error LMB0101: message</c>.</summary>
    public override string ToString()
    {
        var kind = IsError ? "error" : "warning";
        return Location is null ? $"{kind} {Code}: {Message}" : $"{Location}: {kind} {Code}: {Message}";
    }
}
