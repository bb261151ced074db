namespace Lambada.Build.Deployment;

/// <summary>What Lambada writes on a function besides the user's settings: the ownership tag and the settings digest.</summary>
public static class OwnershipTags
{
    public const string ProjectTag = "lambada:project";
}
