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

    /// <summary>
    /// Awaits a returned Task/ValueTask (with or without a value) and gives its value; other values pass through. The value
    /// is read through the declared <paramref name="returnType"/> (<c>Task&lt;T&gt;.Result</c>, <c>ValueTask&lt;T&gt;.AsTask()</c>),
    /// whose members a trimmed or Native AOT package keeps — not through the task's runtime type, which for an async
    /// method is a framework-internal subclass.
    /// </summary>
    [RequiresUnreferencedCode(Trimming.Reason)]
    public static async Task<object?> AwaitAsync(object? returned, Type returnType)
    {
        if (returnType.IsGenericType && returnType.GetGenericTypeDefinition() == typeof(ValueTask<>))
        {
            var asTask = returnType.GetMethod(nameof(ValueTask<int>.AsTask), Type.EmptyTypes)!;
            returned = asTask.Invoke(returned, null);
            returnType = asTask.ReturnType;
        }
        switch (returned)
        {
            case Task task:
                await task.ConfigureAwait(false);
                return returnType.IsGenericType
                    ? returnType.GetProperty(nameof(Task<int>.Result), BindingFlags.Public | BindingFlags.Instance)!.GetValue(task)
                    : null;
            case ValueTask valueTask:
                await valueTask.ConfigureAwait(false);
                return null;
            default:
                return returned;
        }
    }
}
