namespace Lambada.Build.Aws.Iam;

public sealed record IamRole(string RoleName, string Arn, string Path);
