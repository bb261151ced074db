using System.Collections.Concurrent;
using Lambada.Build.Aws.Http;
using Lambada.Build.Aws.Iam;
using Lambada.Build.Aws.Sdk;
using Lambada.Build.Diagnostics;
using Lambada.Build.Model;

namespace Lambada.Build.Deployment;

/// <summary>
/// Turns each role spec into an ARN, once per build: a bare name or <c>*/name</c> with one GetRole, any other glob
/// against one ListRoles of the account, an ARN of the caller's account checked with GetRole. A missing role is an
/// error naming it, or is created (trust: Lambda; policy: basic execution; tag: <c>lambada:project</c>) when the
/// project allows it. A role carrying that tag is Lambada's own: its policy is checked, and attached when an earlier
/// deploy created the role but could not attach it. A role without the tag is used as it is, never changed.
/// </summary>
internal sealed class RoleResolver(IamClient iam, CallerIdentity identity, string project, bool createRoles, bool planOnly, IDeployLog log)
{
    public const string CreatedDescription = "Lambda execution role created by Lambada";

    private static readonly string PolicyName = RoleSpec.RoleName(IamClient.BasicExecutionPolicyArn);

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
            return role is not null ? await CheckedAsync(role, cancellation).ConfigureAwait(false) : await CreateAsync(spec, name, cancellation).ConfigureAwait(false);
        }
        var matches = (await _allRoles.Value.ConfigureAwait(false)).Where(r => spec.Matches(r.Arn)).ToList();
        return matches.Count switch
        {
            // ListRoles carries no tags: one GetRole tells whether the match is a role Lambada created.
            1 => await CheckedAsync(await iam.GetRoleAsync(matches[0].RoleName, cancellation).ConfigureAwait(false) ?? matches[0], cancellation).ConfigureAwait(false),
            0 => throw DeployFailure.Of(DiagnosticCatalogue.RoleNotFound, spec.Text,
                $"No IAM role of this account matches '{spec}'"),
            _ => throw DeployFailure.Of(DiagnosticCatalogue.RoleAmbiguous, spec.Text,
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
            ? await CheckedAsync(role, cancellation).ConfigureAwait(false)
            : throw DeployFailure.Of(DiagnosticCatalogue.RoleNotFound, spec.Text, $"The IAM role {spec} does not exist in this account");
    }

    private async Task<ResolvedRole> CreateAsync(RoleSpec spec, string name, CancellationToken cancellation)
    {
        if (!createRoles)
            throw DeployFailure.Of(DiagnosticCatalogue.RoleNotFound, spec.Text,
                $"The IAM role '{name}' (from Role = \"{spec}\") does not exist in this account");
        var account = await identity.AccountIdAsync(cancellation).ConfigureAwait(false);
        if (planOnly)
        {
            log.Info($"would create IAM role {name} with {IamClient.BasicExecutionPolicyArn} (LambadaCreateRoles)");
            return new ResolvedRole($"arn:aws:iam::{account}:role/{name}", Created: true);
        }
        IamRole created;
        try
        {
            created = await iam.CreateRoleAsync(name, "/", CreatedDescription,
                new Dictionary<string, string> { [LambadaContract.OwnershipTag] = project }, cancellation).ConfigureAwait(false);
        }
        catch (AwsServiceException e) when (e.Code == "EntityAlreadyExists")
        {
            // A retried CreateRole whose first answer was lost, or another build that got there first: use the role that is there.
            created = await iam.GetRoleAsync(name, cancellation).ConfigureAwait(false) ?? throw DeployFailure.Of(DiagnosticCatalogue.DeployAwsError, spec.Text, $"{e.Summary}, yet GetRole does not find {name}");
            return await CheckedAsync(created, cancellation).ConfigureAwait(false);
        }
        if (await AttachAsync(created, justCreated: true, cancellation).ConfigureAwait(false) is { } incomplete)
            return new ResolvedRole(created.Arn, Created: true) { Incomplete = incomplete };
        log.Info($"created IAM role {created.Arn} with {IamClient.BasicExecutionPolicyArn}");
        return new ResolvedRole(created.Arn, Created: true);
    }

    /// <summary>One ListAttachedRolePolicies, only for roles Lambada created (tagged), only when the role is resolved through IAM at all.</summary>
    private async Task<ResolvedRole> CheckedAsync(IamRole role, CancellationToken cancellation)
    {
        if (role.Tags?.TryGetValue(LambadaContract.OwnershipTag, out var owner) != true)
            return new ResolvedRole(role.Arn, Created: false);
        var policies = await iam.ListAttachedRolePolicyArnsAsync(role.RoleName, cancellation).ConfigureAwait(false);
        if (policies.Contains(IamClient.BasicExecutionPolicyArn, StringComparer.Ordinal))
            return new ResolvedRole(role.Arn, Created: false);
        if (!createRoles)
            throw DeployFailure.Of(DiagnosticCatalogue.OwnRoleWithoutPolicy, role.Arn,
                $"The IAM role {role.Arn} was created by Lambada ({LambadaContract.OwnershipTag} = '{owner}') but has no {PolicyName} attached, so the function could not write its logs");
        if (planOnly)
        {
            log.Info($"would attach {IamClient.BasicExecutionPolicyArn} to IAM role {role.Arn} (created by Lambada without it)");
            return new ResolvedRole(role.Arn, Created: false);
        }
        if (await AttachAsync(role, justCreated: false, cancellation).ConfigureAwait(false) is { } incomplete)
            return new ResolvedRole(role.Arn, Created: false) { Incomplete = incomplete };
        log.Info($"attached {IamClient.BasicExecutionPolicyArn} to IAM role {role.Arn}: Lambada created the role, an earlier deploy could not attach the policy");
        return new ResolvedRole(role.Arn, Created: false);
    }

    /// <summary>Null once the policy is attached; else what was done and what was not, which every function of the role reports.</summary>
    private async Task<IncompleteRole?> AttachAsync(IamRole role, bool justCreated, CancellationToken cancellation)
    {
        try
        {
            await iam.AttachRolePolicyAsync(role.RoleName, IamClient.BasicExecutionPolicyArn, cancellation).ConfigureAwait(false);
            return null;
        }
        catch (AwsServiceException e)
        {
            var attach = $"attach {PolicyName} to {role.RoleName}";
            return new IncompleteRole(DiagnosticCatalogue.DeployAwsError,
                $"{(justCreated ? "created" : "found")} the IAM role {role.Arn} but could not attach {IamClient.BasicExecutionPolicyArn}: {e.Summary}; "
                + $"the role carries the {LambadaContract.OwnershipTag} tag, so the next deploy with LambadaCreateRoles=true attaches it",
                justCreated ? [$"created IAM role {role.RoleName}"] : [], [attach]);
        }
    }
}

/// <summary>A role's ARN and whether this build created it (or, when planning, would create it).</summary>
internal sealed record ResolvedRole(string Arn, bool Created)
{
    /// <summary>Set when the role is Lambada's own but could not be given its policy: its functions are not deployed.</summary>
    public IncompleteRole? Incomplete { get; init; }
}

/// <summary>
/// A role Lambada created, or found as its own, that could not be given its policy: what was done (the role may now
/// exist) travels with the error, so the function's report does not say "Nothing was changed" when a role was created.
/// </summary>
internal sealed record IncompleteRole(DiagnosticDescriptor Error, string Message, IReadOnlyList<string> Done, IReadOnlyList<string> NotDone);
