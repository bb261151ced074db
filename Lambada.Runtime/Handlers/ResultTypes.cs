using System.Diagnostics.CodeAnalysis;
using System.Reflection;

namespace Lambada.Runtime.Handlers;

/// <summary>What a handler's return type means: the type of the value it produces, and how to wait for it.</summary>
internal static class ResultTypes
{
    /// <summary>The type whose value is the response; null when the handler produces none (void, Task, ValueTask).</summary>
    public static Type? Of(Type returnType)
    {
        if (returnType == typeof(void) || returnType == typeof(Task) || returnType == typeof(ValueTask))
            return null;
        if (returnType.IsGenericType && returnType.GetGenericTypeDefinition() is var definition
            && (definition == typeof(Task<>) || definition == typeof(ValueTask<>)))
            return returnType.GetGenericArguments()[0];
        return returnType;
    }

    /// <summary>Whether the handler hands back a Task or ValueTask (with or without a value) to be awaited.</summary>
    public static bool IsAwaitable(Type returnType) =>
        typeof(Task).IsAssignableFrom(returnType) || returnType == typeof(ValueTask)
        || (returnType.IsGenericType && returnType.GetGenericTypeDefinition() == typeof(ValueTask<>));

    /// <summary>Awaits a returned Task/ValueTask (with or without a value) and gives its value; other values pass through.</summary>
    [RequiresUnreferencedCode(Trimming.Reason)]
    public static async Task<object?> AwaitAsync(object? returned)
    {
        switch (returned)
        {
            case Task task:
                await task.ConfigureAwait(false);
                return ValueOf(task);
            case ValueTask valueTask:
                await valueTask.ConfigureAwait(false);
                return null;
        }
        if (returned is not null && returned.GetType() is { IsGenericType: true } type && type.GetGenericTypeDefinition() == typeof(ValueTask<>))
        {
            var task = (Task)type.GetMethod(nameof(ValueTask<int>.AsTask))!.Invoke(returned, null)!;
            await task.ConfigureAwait(false);
            return ValueOf(task);
        }
        return returned;
    }

    [RequiresUnreferencedCode(Trimming.Reason)]
    private static object? ValueOf(Task task)
    {
        var type = task.GetType();
        // Task<VoidTaskResult> (what async Task methods return) has a Result of an internal type: no value.
        return type.IsGenericType && type.GetGenericArguments()[0].Name != "VoidTaskResult"
            ? type.GetProperty(nameof(Task<int>.Result), BindingFlags.Public | BindingFlags.Instance)!.GetValue(task)
            : null;
    }
}
