using Lambada.Testing;

namespace Lambada.Tests.Deployment.Faults;

/// <summary>The IAM actions role creation makes, as the proxy recognises them (query protocol: <c>Action=…</c> in the body), and IAM's refusal.</summary>
internal static class IamFaults
{
    public static ProxyOperation CreateRole { get; } = Action("CreateRole");
    public static ProxyOperation AttachRolePolicy { get; } = Action("AttachRolePolicy");
    public static ProxyOperation ListAttachedRolePolicies { get; } = Action("ListAttachedRolePolicies");

    /// <summary>IAM's 403 for a missing permission, as XML; not retried.</summary>
    public static Fault AccessDenied(string permission) => new ErrorReply("access denied", 403, "AccessDenied",
        _ => $"User: arn:aws:iam::123456789012:user/dev is not authorized to perform: {permission}", Xml: true);

    private static ProxyOperation Action(string action) => new(action, "POST", "^/$", $"Action={action}&");
}
