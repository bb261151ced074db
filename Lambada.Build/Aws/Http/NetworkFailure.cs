namespace Lambada.Build.Aws.Http;

/// <summary>Why a call got no AWS answer at all, as opposed to an AWS error with a status code.</summary>
internal enum NetworkFailure
{
    /// <summary>AWS answered (with an error status).</summary>
    None,

    /// <summary>No connection was made (refused, DNS failure, connect timeout): the request was never sent.</summary>
    NoConnection,

    /// <summary>The request was sent (or may have been) and no answer came: a timeout, or the connection lost mid-answer.</summary>
    NoAnswer,

    /// <summary>Not sent at all: the endpoint had already stopped answering another request of this deploy.</summary>
    Unreachable,
}
