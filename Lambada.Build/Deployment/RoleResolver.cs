using System.Collections.Concurrent;
using Lambada.Build.Aws.Iam;
using Lambada.Build.Aws.Sdk;

namespace Lambada.Build.Deployment;

/// <summary>
/// Turns each role spec into an ARN, once per build: a bare name or <c>*/name</c> with one GetRole, any other glob
/// against one ListRoles of the account, an ARN of the caller's account checked with GetRole. A missing role is an
/// error naming it, or is created (trust: Lambda; policy: basic execution) when the project allows it.
/// </summary>
public sealed class RoleResolver(IamClient iam, CallerIdentity identity, bool createRoles, bool planOnly, IDeployLog log)
{
    public static readonly string MissingRoleCode = DiagnosticCatalogue.RoleNotFound.Code;
    public static readonly string AmbiguousRoleCode = DiagnosticCatalogue.RoleAmbiguous.Code;

    private readonly ConcurrentDictionary<string, Lazy<Task<ResolvedRole>>> _resolved = new(StringComparer.Ordinal);
    private readonly Lazy<Task<IReadOnlyList<IamRole>>> _allRoles = new(() => iam.ListRolesAsync(CancellationToken.None));

    public Task<ResolvedRole> ResolveAsync(RoleSpec spec, CancellationToken cancellation) =>
        _resolved.GetOrAdd(spec.Text, _ => new Lazy<Task<ResolvedRole>>(() => ResolveOnceAsync(spec, cancellation))).Value;

    private async Task<ResolvedRole> ResolveOnceAsync(RoleSpec spec, CancellationToken cancellation)
    {
        if (spec.IsArn)
            return await ResolveArnAsync(spec, cancellation).ConfigureAwait(false);
        if (spec.DirectName is { } name)
        {
            var role = await iam.GetRoleAsync(name, cancellation).ConfigureAwait(false);
            return role is not null ? new ResolvedRole(role.Arn, Created: false) : await CreateAsync(spec, name, cancellation).ConfigureAwait(false);
        }
        var matches = (await _allRoles.Value.ConfigureAwait(false)).Where(r => spec.Matches(r.Arn)).ToList();
        return matches.Count switch
        {
            1 => new ResolvedRole(matches[0].Arn, Created: false),
            0 => throw new DeploymentException(MissingRoleCode,
                $"No IAM role of this account matches '{spec}'"),
            _ => throw new DeploymentException(AmbiguousRoleCode,
                $"The role pattern '{spec}' matches {matches.Count} roles ({string.Join(", ", matches.Select(r => r.Arn))})"),
        };
    }

    private async Task<ResolvedRole> ResolveArnAsync(RoleSpec spec, CancellationToken cancellation)
    {
        var account = spec.Text.Split(':') is { Length: >= 6 } parts ? parts[4] : "";
        if (account != await identity.AccountIdAsync(cancellation).ConfigureAwait(false))
            return new ResolvedRole(spec.Text, Created: false);
        var role = await iam.GetRoleAsync(RoleSpec.RoleName(spec.Text), cancellation).ConfigureAwait(false);
        return role is not null && role.Arn == spec.Text
            ? new ResolvedRole(role.Arn, Created: false)
            : throw new DeploymentException(MissingRoleCode, $"The IAM role {spec} does not exist in this account");
    }

    private async Task<ResolvedRole> CreateAsync(RoleSpec spec, string name, CancellationToken cancellation)
    {
        if (!createRoles)
            throw new DeploymentException(MissingRoleCode,
                $"The IAM role '{name}' (from Role = \"{spec}\") does not exist in this account");
        var account = await identity.AccountIdAsync(cancellation).ConfigureAwait(false);
        if (planOnly)
        {
            log.Info($"would create IAM role {name} with {IamClient.BasicExecutionPolicyArn} (LambadaCreateRoles)");
            return new ResolvedRole($"arn:aws:iam::{account}:role/{name}", Created: true);
        }
        var created = await iam.CreateRoleAsync(name, "/", "Lambda execution role created by Lambada", cancellation).ConfigureAwait(false);
        await iam.AttachRolePolicyAsync(name, IamClient.BasicExecutionPolicyArn, cancellation).ConfigureAwait(false);
        log.Info($"created IAM role {created.Arn} with {IamClient.BasicExecutionPolicyArn}");
        return new ResolvedRole(created.Arn, Created: true);
    }
}

/// <summary>A role's ARN and whether this build created it (or, when planning, would create it).</summary>
public sealed record ResolvedRole(string Arn, bool Created);
