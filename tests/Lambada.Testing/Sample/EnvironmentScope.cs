namespace Lambada.Tests.Sample;

/// <summary>
/// Sets process environment variables (null removes one) and restores the values from before the first
/// change on dispose. The process environment is shared, so only use it in a [DoNotParallelize] class.
/// </summary>
internal sealed class EnvironmentScope : IDisposable
{
    private readonly Dictionary<string, string?> _original = [];

    public EnvironmentScope Set(IEnumerable<KeyValuePair<string, string?>> variables)
    {
        foreach (var (name, value) in variables)
        {
            _original.TryAdd(name, Environment.GetEnvironmentVariable(name));
            Environment.SetEnvironmentVariable(name, value);
        }
        return this;
    }

    public void Dispose()
    {
        foreach (var (name, value) in _original)
            Environment.SetEnvironmentVariable(name, value);
    }
}
