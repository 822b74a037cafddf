import GRPCCore
import SPIFFE

/// The JWT-SVID profile.
extension WorkloadAPIClient {
    /// The JWT-SVID for `audience` of the default identity, or of `subject` when given.
    public func fetchJWTSVID(
        audience: [String],
        subject: SPIFFEID? = nil
    ) async throws(WorkloadAPIError) -> JWTSVIDToken {
        try await fetchJWTSVIDs(audience: audience, subject: subject)[0]
    }

    /// JWT-SVIDs for `audience`: one per identity of the workload, or only `subject`'s.
    public func fetchJWTSVIDs(
        audience: [String],
        subject: SPIFFEID? = nil
    ) async throws(WorkloadAPIError) -> [JWTSVIDToken] {
        guard !audience.isEmpty else { throw .invalidConfiguration("a JWT-SVID needs at least one audience") }
        var request = JWTSVIDRequest()
        request.audience = audience
        request.spiffeID = subject?.description ?? ""
        let response = try await call {
            try await api.fetchJWTSVID(request, metadata: Self.securityMetadata)
        }
        return try JWTSVIDToken.tokens(response)
    }

    /// The JWT bundles the workload may use (the first message of `FetchJWTBundles`).
    public func fetchJWTBundles() async throws(WorkloadAPIError) -> BundleSet {
        try await call {
            try await api.fetchJWTBundles(JWTBundlesRequest(), metadata: Self.securityMetadata) { response in
                for try await message in response.messages {
                    return try BundleSet(jwt: message)
                }
                throw WorkloadAPIError.streamEnded
            }
        }
    }

    /// Calls `onUpdate` with every JWT bundle set the server pushes; ends like ``watchX509Contexts(_:)``.
    public func watchJWTBundles(
        _ onUpdate: @escaping @Sendable (BundleSet) async -> Void
    ) async throws(WorkloadAPIError) {
        try await call {
            try await api.fetchJWTBundles(JWTBundlesRequest(), metadata: Self.securityMetadata) { response in
                for try await message in response.messages {
                    await onUpdate(try BundleSet(jwt: message))
                }
                throw WorkloadAPIError.streamEnded
            }
        }
    }

    /// Asks the server to validate `token` for `audience`; throws ``WorkloadAPIError/invalidArgument(_:)`` with
    /// the reason when it is not valid.
    public func validateJWTSVID(token: String, audience: String) async throws(WorkloadAPIError) -> ValidatedJWTSVID {
        guard !audience.isEmpty else { throw .invalidConfiguration("validation needs an audience") }
        guard !token.isEmpty else { throw .invalidConfiguration("validation needs a token") }
        var request = ValidateJWTSVIDRequest()
        request.audience = audience
        request.svid = token
        let response = try await call {
            try await api.validateJWTSVID(request, metadata: Self.securityMetadata)
        }
        return try ValidatedJWTSVID(response)
    }
}
