import GRPCCore
import SPIFFE

/// The X.509-SVID profile.
extension WorkloadAPIClient {
    /// The workload's current SVIDs and bundles (the first message of `FetchX509SVID`).
    public func fetchX509Context() async throws(WorkloadAPIError) -> X509Context {
        try await call {
            try await api.fetchX509SVID(X509SVIDRequest(), metadata: Self.securityMetadata) { response in
                for try await message in response.messages {
                    return try X509Context(message)
                }
                throw WorkloadAPIError.streamEnded
            }
        }
    }

    /// Calls `onUpdate` with every X.509 context the server pushes, until the stream breaks (thrown), the server
    /// ends it (``WorkloadAPIError/streamEnded``) or the task is cancelled (``WorkloadAPIError/cancelled``).
    public func watchX509Contexts(
        _ onUpdate: @escaping @Sendable (X509Context) async -> Void
    ) async throws(WorkloadAPIError) {
        try await call {
            try await api.fetchX509SVID(X509SVIDRequest(), metadata: Self.securityMetadata) { response in
                for try await message in response.messages {
                    await onUpdate(try X509Context(message))
                }
                throw WorkloadAPIError.streamEnded
            }
        }
    }

    /// All X.509 bundles the workload may use (the first message of `FetchX509Bundles`).
    public func fetchX509Bundles() async throws(WorkloadAPIError) -> BundleSet {
        try await call {
            try await api.fetchX509Bundles(X509BundlesRequest(), metadata: Self.securityMetadata) { response in
                for try await message in response.messages {
                    return try BundleSet(x509: message)
                }
                throw WorkloadAPIError.streamEnded
            }
        }
    }

    /// Calls `onUpdate` with every X.509 bundle set the server pushes; ends like ``watchX509Contexts(_:)``.
    public func watchX509Bundles(
        _ onUpdate: @escaping @Sendable (BundleSet) async -> Void
    ) async throws(WorkloadAPIError) {
        try await call {
            try await api.fetchX509Bundles(X509BundlesRequest(), metadata: Self.securityMetadata) { response in
                for try await message in response.messages {
                    await onUpdate(try BundleSet(x509: message))
                }
                throw WorkloadAPIError.streamEnded
            }
        }
    }
}
