namespace Lambada.Runtime;

/// <summary>Writes to the function's log (CloudWatch Logs inside Lambda, standard error locally).</summary>
public interface ILambadaLogger
{
    /// <summary>Writes one log entry.</summary>
    void Log(string message);
}
