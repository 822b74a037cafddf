import Foundation

/// A request that could not be accepted, with the id to answer it under (`null` when the id itself
/// could not be read).
public struct JSONRPCEnvelopeError: Error, Sendable, Hashable {
    public let id: JSONRPCID
    public let error: A2AError

    public init(id: JSONRPCID, error: A2AError) {
        self.id = id
        self.error = error
    }

    /// The complete JSON-RPC error response for this failure.
    public var responseBody: Data {
        JSONRPCResponse.failure(id: id, error: error)
    }
}
