using System.Text.RegularExpressions;
using Lambada.Testing;

namespace Lambada.Tests.Deployment.Faults;

/// <summary>The Lambda calls after CreateFunction / UpdateFunctionCode that the proxy's own list lacks, and a refusal that is not retried.</summary>
internal static class LambdaStepFaults
{
    public static ProxyOperation PutFunctionConcurrency(string name) => new("PutFunctionConcurrency", "PUT", $"^/2017-10-31/functions/{Regex.Escape(name)}/concurrency$");
    public static ProxyOperation PublishVersion(string name) => new("PublishVersion", "POST", $"^/2015-03-31/functions/{Regex.Escape(name)}/versions$");
    public static ProxyOperation CreateAlias(string name) => new("CreateAlias", "POST", $"^/2015-03-31/functions/{Regex.Escape(name)}/aliases$");
    public static ProxyOperation UpdateAlias(string name, string alias) => new("UpdateAlias", "PUT", $"^/2015-03-31/functions/{Regex.Escape(name)}/aliases/{Regex.Escape(alias)}$");

    /// <summary>TagResource: the function's ARN is URI-encoded in the path.</summary>
    public static ProxyOperation TagResource(string name) => new("TagResource", "POST", $"^/2017-03-31/tags/.*function(%3A|:){Regex.Escape(name)}$");

    /// <summary>Lambda's 403 for a missing permission; not retried.</summary>
    public static Fault AccessDenied(string permission) => new ErrorReply("access denied", 403, "AccessDeniedException",
        _ => $"User: arn:aws:iam::123456789012:user/dev is not authorized to perform: {permission}");
}
