namespace Lambada.Runtime.Handlers;

/// <summary>The handler named by <c>LAMBADA_HANDLER</c> (or on the command line) cannot be run: an init error.</summary>
internal sealed class HandlerNotFoundException(string message) : Exception(message);
