namespace Lambada.Runtime.Http;

/// <summary>The request cannot be bound to the handler's parameters: the caller's fault, answered 400 with this message.</summary>
internal sealed class HttpBindingException(string message, Exception? inner = null) : Exception(message, inner);
