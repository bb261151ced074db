namespace Lambada;

/// <summary>Who may call a function URL or an HTTP API route.</summary>
public enum LambadaAuth
{
    /// <summary>Only callers that sign with SigV4 and hold <c>lambda:InvokeFunctionUrl</c> (URLs) or <c>execute-api:Invoke</c> (routes). The default.</summary>
    AwsIam = 0,

    /// <summary>Anyone on the internet. Write it out: Lambada never makes an endpoint public by default.</summary>
    None = 1,
}
