using Lambada.Build.Aws.Lambda;

namespace Lambada.Build.Deployment;

/// <summary>
/// One configuration field Lambada owns on a function: the planner compares it, CreateFunction and
/// UpdateFunctionConfiguration send it. <see cref="OwnedFields"/> lists them all.
/// </summary>
internal abstract class OwnedField(string name)
{
    /// <summary>Lambda's name for the field, which the plan shows too.</summary>
    public string Name { get; } = name;

    /// <summary>The change the plan shows when Lambda holds another value than the desired one; null when they agree.</summary>
    public abstract FieldChange? Compare(FunctionConfiguration remote, DesiredConfiguration desired);

    public abstract CreateFunctionRequest SetOn(CreateFunctionRequest request, DesiredConfiguration desired);

    public abstract UpdateFunctionConfigurationRequest SetOn(UpdateFunctionConfigurationRequest request, DesiredConfiguration desired);
}

/// <summary>How the plan shows a difference between the value Lambda holds and the desired one; null when they agree.</summary>
internal delegate FieldChange? FieldComparison<in T>(string field, T remote, T desired);

/// <summary>An owned field of type <typeparamref name="T"/>: one value read from each side, compared, and set on both requests.</summary>
/// <param name="remote">The value Lambda holds, AWS's default (<see cref="LambdaDefaults"/>) when the configuration leaves the field out.</param>
internal sealed class OwnedField<T>(
    string name,
    Func<DesiredConfiguration, T> desired,
    Func<FunctionConfiguration, T> remote,
    FieldComparison<T> compare,
    Func<CreateFunctionRequest, T, CreateFunctionRequest> onCreate,
    Func<UpdateFunctionConfigurationRequest, T, UpdateFunctionConfigurationRequest> onUpdate) : OwnedField(name)
{
    public override FieldChange? Compare(FunctionConfiguration remoteConfiguration, DesiredConfiguration desiredConfiguration) =>
        compare(Name, remote(remoteConfiguration), desired(desiredConfiguration));

    public override CreateFunctionRequest SetOn(CreateFunctionRequest request, DesiredConfiguration desiredConfiguration) =>
        onCreate(request, desired(desiredConfiguration));

    public override UpdateFunctionConfigurationRequest SetOn(UpdateFunctionConfigurationRequest request, DesiredConfiguration desiredConfiguration) =>
        onUpdate(request, desired(desiredConfiguration));
}
