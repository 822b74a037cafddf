import GRPCCore
import Logging
import SPIFFE

/// The `SpiffeWorkloadAPI` gRPC service (spiffe.md §5.4). Every RPC first checks the security header
/// (InvalidArgument), then identifies the caller from the kernel-attested metadata that ``PeerAttestation``
/// injected, then asks the provider. Streams send the caller's full state at once and again after every
/// change the provider signals or SVID renewal it announces; identical consecutive messages are not repeated.
struct WorkloadAPIService: SpiffeWorkloadAPI.ServiceProtocol {
    let provider: any WorkloadIdentityProvider
    let attestation: PeerAttestation
    /// Notified once when the server stops; open streams then end with Unavailable.
    let shutdown: ChangeSignal
    let logger: Logger

    func fetchX509SVID(
        request: ServerRequest<X509SVIDRequest>,
        context: ServerContext
    ) async throws -> StreamingServerResponse<X509SVIDResponse> {
        let caller = try authenticate(request.metadata)
        return StreamingServerResponse { writer in
            try await stream(to: writer, for: caller) { () async throws(RPCError) in
                let issuance = try await mapped { () async throws(WorkloadIdentityError) in
                    try await provider.x509Issuance(for: caller)
                }
                return (try X509SVIDResponse(issuance.context), issuance.refreshAt)
            }
        }
    }

    func fetchX509Bundles(
        request: ServerRequest<X509BundlesRequest>,
        context: ServerContext
    ) async throws -> StreamingServerResponse<X509BundlesResponse> {
        let caller = try authenticate(request.metadata)
        return StreamingServerResponse { writer in
            try await stream(to: writer, for: caller) { () async throws(RPCError) in
                (try X509BundlesResponse(try await bundles(for: caller)), nil)
            }
        }
    }

    func fetchJWTBundles(
        request: ServerRequest<JWTBundlesRequest>,
        context: ServerContext
    ) async throws -> StreamingServerResponse<JWTBundlesResponse> {
        let caller = try authenticate(request.metadata)
        return StreamingServerResponse { writer in
            try await stream(to: writer, for: caller) { () async throws(RPCError) in
                (try JWTBundlesResponse(try await bundles(for: caller)), nil)
            }
        }
    }

    func fetchJWTSVID(
        request: ServerRequest<JWTSVIDRequest>,
        context: ServerContext
    ) async throws -> ServerResponse<JWTSVIDResponse> {
        let caller = try authenticate(request.metadata)
        let audience = request.message.audience
        guard !audience.isEmpty else {
            throw RPCError(code: .invalidArgument, message: "audience must be specified")
        }
        var subject: SPIFFEID?
        if !request.message.spiffeID.isEmpty {
            do {
                subject = try SPIFFEID(parsing: request.message.spiffeID)
            } catch {
                throw RPCError(code: .invalidArgument, message: "invalid requested SPIFFE ID: \(error)")
            }
        }
        let tokens = try await mapped { () async throws(WorkloadIdentityError) in
            try await provider.jwtSVIDs(for: caller, audience: audience, subject: subject)
        }
        try checkStillRunning(caller)
        return ServerResponse(message: JWTSVIDResponse(tokens))
    }

    func validateJWTSVID(
        request: ServerRequest<ValidateJWTSVIDRequest>,
        context: ServerContext
    ) async throws -> ServerResponse<ValidateJWTSVIDResponse> {
        let caller = try authenticate(request.metadata)
        let message = request.message
        guard !message.audience.isEmpty else {
            throw RPCError(code: .invalidArgument, message: "audience must be specified")
        }
        guard !message.svid.isEmpty else { throw RPCError(code: .invalidArgument, message: "svid must be specified") }
        let bundles = try await bundles(for: caller)
        let svid: SPIFFE.JWTSVID
        do {
            svid = try JWTSVIDValidator(audiences: [message.audience]).validate(message.svid, bundles: bundles)
        } catch {
            throw RPCError(code: .invalidArgument, message: error.description)
        }
        return ServerResponse(message: try ValidateJWTSVIDResponse(validated: svid))
    }

    func fetchWITSVID(
        request: ServerRequest<WITSVIDRequest>,
        context: ServerContext
    ) async throws -> StreamingServerResponse<WITSVIDResponse> {
        try SecurityHeader.check(request.metadata)
        throw RPCError(code: .unimplemented, message: "the WIT-SVID profile is not supported")
    }

    func fetchWITBundles(
        request: ServerRequest<WITBundlesRequest>,
        context: ServerContext
    ) async throws -> StreamingServerResponse<WITBundlesResponse> {
        try SecurityHeader.check(request.metadata)
        throw RPCError(code: .unimplemented, message: "the WIT-SVID profile is not supported")
    }

    /// The security header check, then the caller the transport attested.
    private func authenticate(_ metadata: Metadata) throws(RPCError) -> WorkloadCaller {
        try SecurityHeader.check(metadata)
        do {
            return try attestation.caller(from: metadata)
        } catch {
            logger.warning("workload attestation failed", metadata: ["reason": "\(error)"])
            throw RPCError(error)
        }
    }

    private func bundles(for caller: WorkloadCaller) async throws(RPCError) -> BundleSet {
        let bundles = try await mapped { () async throws(WorkloadIdentityError) in
            try await provider.bundles(for: caller)
        }
        try checkStillRunning(caller)
        return bundles
    }

    func checkStillRunning(_ caller: WorkloadCaller) throws(RPCError) {
        do {
            try caller.checkStillRunning()
        } catch {
            logger.warning("caller exited or its pid was reused", metadata: ["caller": "\(caller)"])
            throw RPCError(error)
        }
    }

    private func mapped<Value>(
        _ body: () async throws(WorkloadIdentityError) -> Value
    ) async throws(RPCError) -> Value {
        do {
            return try await body()
        } catch {
            throw RPCError(error)
        }
    }
}
