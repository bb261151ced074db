namespace Lambada.Build.Deployment;

/// <summary>
/// A role Lambada created, or found as its own, that could not be given its policy: what was done (the role may now
/// exist) travels with the error, so the function's report does not say "Nothing was changed" when a role was created.
/// </summary>
public sealed class IncompleteRoleException(string code, string message, IReadOnlyList<string> done, IReadOnlyList<string> notDone, Exception inner)
    : Exception(message, inner)
{
    public string Code { get; } = code;
    public IReadOnlyList<string> Done { get; } = done;
    public IReadOnlyList<string> NotDone { get; } = notDone;
}
