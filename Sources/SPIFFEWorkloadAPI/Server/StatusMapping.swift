import GRPCCore

/// The gRPC statuses the server answers with, matching SPIRE's Workload API handler.
extension RPCError {
    init(_ error: WorkloadIdentityError) {
        switch error {
        case .noIdentity, .notEntitled:
            self.init(code: .permissionDenied, message: "no identity issued")
        case .issuanceFailed(let reason):
            self.init(code: .unavailable, message: "could not issue SVID: \(reason)")
        }
    }

    init(_ error: AttestationError) {
        switch error {
        case .callerGone:
            self.init(code: .unauthenticated, message: "could not verify existence of the original caller")
        case .peerCredentialsUnavailable, .unsupportedPlatform, .missingAttestation, .unreadable, .malformedStat:
            self.init(code: .unavailable, message: "workload attestation failed")
        }
    }

    static let shuttingDown = RPCError(code: .unavailable, message: "workload API server is shutting down")
}
