namespace Lambada.Runtime.Handlers;

internal enum ParameterKind { Event, StreamEvent, Context, Cancellation }
