namespace Lambada.Build.Deployment;

/// <summary>Masks values that must never reach the build log (environment values) wherever AWS echoes them in a message.</summary>
internal sealed class Redactor(IEnumerable<string> secrets)
{
    private readonly string[] _secrets = secrets.Where(s => s.Length >= 4).Distinct().OrderByDescending(s => s.Length).ToArray();

    public string Apply(string text) => _secrets.Aggregate(text, (current, secret) => current.Replace(secret, "***", StringComparison.Ordinal));
}
