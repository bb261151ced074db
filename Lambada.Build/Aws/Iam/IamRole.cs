namespace Lambada.Build.Aws.Iam;

/// <summary>A role as IAM returns it. <see cref="Tags"/> is null when the answer does not carry them (ListRoles never does).</summary>
internal sealed record IamRole(string RoleName, string Arn, string Path, IReadOnlyDictionary<string, string>? Tags = null);
