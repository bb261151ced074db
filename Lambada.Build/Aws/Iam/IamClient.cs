using System.Text;
using System.Xml.Linq;
using Lambada.Build.Aws.Configuration;
using Lambada.Build.Aws.Http;
using Lambada.Build.Aws.Signing;

namespace Lambada.Build.Aws.Iam;

/// <summary>The IAM operations Lambada uses (query protocol, XML answers, API version 2010-05-08).</summary>
internal sealed class IamClient(AwsHttpClient aws)
{
    public const string LambdaTrustPolicy =
        """{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":{"Service":"lambda.amazonaws.com"},"Action":"sts:AssumeRole"}]}""";

    public const string BasicExecutionPolicyArn = "arn:aws:iam::aws:policy/service-role/AWSLambdaBasicExecutionRole";

    public async Task<IamRole?> GetRoleAsync(string roleName, CancellationToken cancellation)
    {
        try
        {
            var result = await CallAsync("GetRole", [new("RoleName", roleName)], mutates: false, cancellation).ConfigureAwait(false);
            return ReadRole(Child(result, "Role"));
        }
        catch (AwsServiceException e) when (e.Code == "NoSuchEntity")
        {
            return null;
        }
    }

    /// <summary>Every role of the account, following <c>Marker</c> while <c>IsTruncated</c>.</summary>
    public async Task<IReadOnlyList<IamRole>> ListRolesAsync(CancellationToken cancellation)
    {
        var roles = new List<IamRole>();
        string? marker = null;
        do
        {
            var parameters = new List<KeyValuePair<string, string>> { new("MaxItems", "1000") };
            if (marker is not null)
                parameters.Add(new("Marker", marker));
            var result = await CallAsync("ListRoles", parameters, mutates: false, cancellation).ConfigureAwait(false);
            roles.AddRange(Members(Child(result, "Roles")).Select(ReadRole).OfType<IamRole>());
            marker = Child(result, "IsTruncated")?.Value == "true" ? Child(result, "Marker")?.Value : null;
        }
        while (marker is not null);
        return roles;
    }

    public async Task<IamRole> CreateRoleAsync(string roleName, string path, string description, IReadOnlyDictionary<string, string> tags, CancellationToken cancellation)
    {
        var parameters = new List<KeyValuePair<string, string>>
        {
            new("RoleName", roleName), new("Path", path), new("AssumeRolePolicyDocument", LambdaTrustPolicy), new("Description", description),
        };
        foreach (var (tag, index) in tags.Select((t, i) => (t, i + 1)))
        {
            parameters.Add(new($"Tags.member.{index}.Key", tag.Key));
            parameters.Add(new($"Tags.member.{index}.Value", tag.Value));
        }
        var result = await CallAsync("CreateRole", parameters, mutates: true, cancellation).ConfigureAwait(false);
        return ReadRole(Child(result, "Role")) ?? throw new AwsServiceException("CreateRole", "EmptyResponse", "IAM returned no role", 200, null);
    }

    public Task AttachRolePolicyAsync(string roleName, string policyArn, CancellationToken cancellation) =>
        CallAsync("AttachRolePolicy", [new("RoleName", roleName), new("PolicyArn", policyArn)], mutates: true, cancellation);

    /// <summary>The ARNs of the managed policies attached to a role, following <c>Marker</c> while <c>IsTruncated</c>.</summary>
    public async Task<IReadOnlyList<string>> ListAttachedRolePolicyArnsAsync(string roleName, CancellationToken cancellation)
    {
        var arns = new List<string>();
        string? marker = null;
        do
        {
            var parameters = new List<KeyValuePair<string, string>> { new("RoleName", roleName), new("MaxItems", "1000") };
            if (marker is not null)
                parameters.Add(new("Marker", marker));
            var result = await CallAsync("ListAttachedRolePolicies", parameters, mutates: false, cancellation).ConfigureAwait(false);
            arns.AddRange(Members(Child(result, "AttachedPolicies")).Select(p => Child(p, "PolicyArn")?.Value).OfType<string>());
            marker = Child(result, "IsTruncated")?.Value == "true" ? Child(result, "Marker")?.Value : null;
        }
        while (marker is not null);
        return arns;
    }

    private async Task<XElement?> CallAsync(string action, IReadOnlyList<KeyValuePair<string, string>> parameters, bool mutates, CancellationToken cancellation)
    {
        var form = new StringBuilder($"Action={action}&Version=2010-05-08");
        foreach (var (key, value) in parameters)
            form.Append('&').Append(UriEncoding.Encode(key)).Append('=').Append(UriEncoding.Encode(value));
        var request = new AwsRequest(action, AwsService.Iam, "POST", "/")
        {
            Body = Encoding.UTF8.GetBytes(form.ToString()),
            ContentType = "application/x-www-form-urlencoded; charset=utf-8",
            Mutates = mutates,
        };
        var response = await aws.SendAsync(request, cancellation).ConfigureAwait(false);
        var document = XDocument.Parse(Encoding.UTF8.GetString(response.Body));
        return document.Root?.Elements().FirstOrDefault(e => e.Name.LocalName == $"{action}Result");
    }

    private static IamRole? ReadRole(XElement? role)
    {
        var name = Child(role, "RoleName")?.Value;
        var arn = Child(role, "Arn")?.Value;
        if (name is null || arn is null)
            return null;
        var tags = Child(role, "Tags") is { } list
            ? Members(list).ToDictionary(t => Child(t, "Key")?.Value ?? "", t => Child(t, "Value")?.Value ?? "", StringComparer.Ordinal)
            : null;
        return new IamRole(name, arn, Child(role, "Path")?.Value ?? "/", tags);
    }

    private static IEnumerable<XElement> Members(XElement? list) =>
        list?.Elements().Where(e => e.Name.LocalName == "member") ?? [];

    private static XElement? Child(XElement? parent, string name) =>
        parent?.Elements().FirstOrDefault(e => e.Name.LocalName == name);
}
