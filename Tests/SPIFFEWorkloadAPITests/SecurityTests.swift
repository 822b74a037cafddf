import Foundation
import GRPCCore
import GRPCNIOTransportHTTP2
import SPIFFE
import Testing

@testable import SPIFFEWorkloadAPI
import HexrTestSupport

/// Raw gRPC calls, to send what the real client never sends: no security header, forged identity metadata,
/// malformed requests.
@Suite("Workload API security", .timeLimit(.minutes(1)))
struct SecurityTests {
    /// Runs `body` with the generated client on the server's socket.
    private func withRawClient<Result: Sendable>(
        _ api: TestWorkloadAPI,
        _ body: @escaping @Sendable (SpiffeWorkloadAPI.Client<HTTP2ClientTransport.Posix>) async throws -> Result
    ) async throws -> Result {
        try await withGRPCClient(
            transport: .http2NIOPosix(target: .unixDomainSocket(path: api.socketPath), transportSecurity: .plaintext)
        ) { client in
            try await withTimeout(10, "a raw RPC") { try await body(SpiffeWorkloadAPI.Client(wrapping: client)) }
        }
    }

    private func expectStatus(
        _ code: RPCError.Code,
        _ message: String,
        _ body: () async throws -> Void
    ) async {
        await #expect {
            try await body()
        } throws: { error in
            guard let error = error as? RPCError else { return false }
            return error.code == code && error.message.contains(message)
        }
    }

    private func firstX509(
        _ client: SpiffeWorkloadAPI.Client<HTTP2ClientTransport.Posix>,
        metadata: Metadata
    ) async throws -> X509SVIDResponse {
        try await client.fetchX509SVID(X509SVIDRequest(), metadata: metadata) { response in
            for try await message in response.messages { return message }
            throw TestFailure("FetchX509SVID ended without a message")
        }
    }

    @Test("every RPC without `workload.spiffe.io: true` is InvalidArgument, before any other check")
    func missingSecurityHeader() async throws {
        let api = try TestWorkloadAPI()
        defer { api.removeDirectory() }
        try api.registerSelf("/workload")
        try await api.withServer { _ in
            try await withRawClient(api) { client in
                let missing = "security header missing from request"
                for metadata: Metadata in [[:], ["workload.spiffe.io": "True"], ["workload.spiffe.io": "yes"]] {
                    await expectStatus(.invalidArgument, missing) {
                        _ = try await firstX509(client, metadata: metadata)
                    }
                }
                var twice = Metadata()
                twice.addString("true", forKey: "workload.spiffe.io")
                twice.addString("true", forKey: "workload.spiffe.io")
                await expectStatus(.invalidArgument, missing) { _ = try await firstX509(client, metadata: twice) }
                await expectStatus(.invalidArgument, missing) {
                    try await client.fetchX509Bundles(X509BundlesRequest()) { response in
                        for try await _ in response.messages {}
                    }
                }
                await expectStatus(.invalidArgument, missing) {
                    try await client.fetchJWTBundles(JWTBundlesRequest()) { response in
                        for try await _ in response.messages {}
                    }
                }
                var jwt = JWTSVIDRequest()
                jwt.audience = ["aud"]
                await expectStatus(.invalidArgument, missing) { _ = try await client.fetchJWTSVID(jwt) }
                await expectStatus(.invalidArgument, missing) {
                    _ = try await client.validateJWTSVID(ValidateJWTSVIDRequest())
                }
                await expectStatus(.invalidArgument, missing) {
                    try await client.fetchWITSVID(WITSVIDRequest()) { response in
                        for try await _ in response.messages {}
                    }
                }
            }
        }
    }

    @Test("identity metadata sent by the client is ignored, even with the server's secret tag")
    func spoofedIdentityIgnored() async throws {
        let api = try TestWorkloadAPI()
        defer { api.removeDirectory() }
        try await ChildProcess.with("/bin/sleep", ["30"]) { child in
            let childSelector = try WorkloadSelector.process(pid: child.pid)
            guard case .process(let childPID, let childStart) = childSelector else {
                throw TestFailure("no process selector for the child")
            }
            try api.registrations.register(
                RegistrationEntry(spiffeID: TestWorkloadAPI.id("/victim"), selectors: [childSelector])
            )
            try await api.withServer { server in
                let forged = WorkloadCaller(pid: childPID, uid: getuid(), gid: getgid(), startTime: childStart)
                let forgeries = [
                    PeerAttestation.encode(forged, tag: server.attestation.tag),
                    PeerAttestation.encode(forged, tag: "guessed"),
                    "\(childPID) \(getuid()) \(getgid()) \(childStart)",
                ]
                try await withRawClient(api) { client in
                    for forgery in forgeries {
                        let metadata: Metadata = [
                            "workload.spiffe.io": "true", PeerAttestation.headerName: .string(forgery),
                        ]
                        await expectStatus(.permissionDenied, "no identity issued") {
                            _ = try await firstX509(client, metadata: metadata)
                        }
                    }
                }
                // The same forgery from a registered caller still yields only the caller's own identity.
                try api.registerSelf("/me")
                try await withRawClient(api) { client in
                    let metadata: Metadata = [
                        "workload.spiffe.io": "true",
                        PeerAttestation.headerName: .string(
                            PeerAttestation.encode(forged, tag: server.attestation.tag)),
                    ]
                    let response = try await firstX509(client, metadata: metadata)
                    #expect(response.svids.map(\.spiffeID) == [TestWorkloadAPI.id("/me").description])
                }
            }
        }
    }

    @Test("malformed JWT requests are InvalidArgument with SPIRE's messages; WIT RPCs are Unimplemented")
    func malformedRequests() async throws {
        let api = try TestWorkloadAPI()
        defer { api.removeDirectory() }
        try api.registerSelf("/workload")
        let header: Metadata = ["workload.spiffe.io": "true"]
        try await api.withServer { _ in
            try await withRawClient(api) { client in
                await expectStatus(.invalidArgument, "audience must be specified") {
                    _ = try await client.fetchJWTSVID(JWTSVIDRequest(), metadata: header)
                }
                var badID = JWTSVIDRequest()
                badID.audience = ["aud"]
                badID.spiffeID = "not-a-spiffe-id"
                await expectStatus(.invalidArgument, "invalid requested SPIFFE ID") {
                    _ = try await client.fetchJWTSVID(badID, metadata: header)
                }
                var noToken = ValidateJWTSVIDRequest()
                noToken.audience = "aud"
                await expectStatus(.invalidArgument, "svid must be specified") {
                    _ = try await client.validateJWTSVID(noToken, metadata: header)
                }
                var noAudience = ValidateJWTSVIDRequest()
                noAudience.svid = "x.y.z"
                await expectStatus(.invalidArgument, "audience must be specified") {
                    _ = try await client.validateJWTSVID(noAudience, metadata: header)
                }
                await expectStatus(.unimplemented, "WIT-SVID") {
                    try await client.fetchWITBundles(WITBundlesRequest(), metadata: header) { response in
                        for try await _ in response.messages {}
                    }
                }
            }
        }
    }
}
