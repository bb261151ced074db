namespace Lambada.Build.Model;

/// <summary>How a type in a signature is built: a named type, or a construction over an element type.</summary>
internal enum SignatureTypeForm { Named, Array, Pointer, FunctionPointer, ByReference, GenericParameter }

/// <summary>
/// A type of a handler's signature, as far as deciding whether the host can pass or return it: what it is, what it derives
/// from and implements, and the types it is built of (type arguments, or the element of an array, pointer or by-ref).
/// Facts that need the type's definition are false when that definition cannot be resolved from the project's references.
/// </summary>
internal sealed record SignatureType
{
    /// <summary>The type as C# writes it, for messages: <c>List&lt;Action&gt;</c>, <c>Span&lt;byte&gt;</c>, <c>int*</c>.</summary>
    public required string Name { get; init; }

    /// <summary>A named type's full name without type arguments (<c>System.Threading.Tasks.Task`1</c>); empty for the other forms.</summary>
    public string FullName { get; init; } = "";
    public SignatureTypeForm Form { get; init; } = SignatureTypeForm.Named;

    /// <summary>An array's rank: 1 for <c>T[]</c>, 2 for <c>T[,]</c>.</summary>
    public int Rank { get; init; }

    /// <summary>Whether the named type's definition was found, so the facts below are known.</summary>
    public bool IsResolved { get; init; }
    public bool IsInterface { get; init; }
    public bool IsAbstract { get; init; }

    /// <summary>A <c>ref struct</c> (Span&lt;T&gt;, ReadOnlySpan&lt;T&gt;, TypedReference, the user's own).</summary>
    public bool IsByRefLike { get; init; }

    /// <summary>Carries [JsonConverter], [JsonPolymorphic] or [JsonDerivedType]: System.Text.Json is told how to build it.</summary>
    public bool HasJsonConstruction { get; init; }

    /// <summary>Has a public instance <c>GetAwaiter()</c> of its own or inherited: C# can await it.</summary>
    public bool HasGetAwaiter { get; init; }

    /// <summary>Full names (without type arguments) of every base class and implemented interface.</summary>
    public IReadOnlyList<string> Ancestors { get; init; } = [];

    /// <summary>Type arguments of a generic type, or the single element type of the other constructions.</summary>
    public IReadOnlyList<SignatureType> Arguments { get; init; } = [];

    public bool IsOrDerivesFrom(string fullName) => FullName == fullName || Ancestors.Contains(fullName);
}
