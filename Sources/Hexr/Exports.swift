// An agent program imports only `Hexr`: the A2A types it handles (TaskContext, Part, A2ATask, …)
// and SPIFFE IDs come with it.
@_exported import A2A
@_exported import SPIFFE
