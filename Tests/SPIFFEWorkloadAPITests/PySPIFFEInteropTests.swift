import Foundation
import SPIFFE
import SPIFFEWorkloadAPI
import Testing

/// py-spiffe 0.3.2 and spiffe-tls 0.4.0 (Tests/Interop/spiffe/*.py) against the Swift Workload API server. The
/// Python children are attested like any workload: by uid and interpreter path, or by pid and start time.
@Suite(
    "py-spiffe interop",
    .timeLimit(.minutes(1))
)
struct PySPIFFEInteropTests {
    /// Registers `path` for any process of this user running the interop interpreter (not this test process).
    private func registerPython(_ api: TestWorkloadAPI, _ path: String) throws {
        let python = try #require(Interop.resolvedPython)
        try api.registrations.register(
            RegistrationEntry(spiffeID: TestWorkloadAPI.id(path), selectors: [.uid(getuid()), .path(python)])
        )
    }

    private func verifyLeaf(_ line: PeerLine, against bundle: TrustBundle) async throws -> SPIFFEID {
        let der = try #require(line.strings["leaf_der"].flatMap(Self.bytes(hex:)))
        let verified = try await X509SVIDVerifier(role: .client)
            .verify(chainDER: [der], bundles: BundleSet([bundle]))
        return verified.id
    }

    @Test("WorkloadApiClient fetches X.509-SVID, bundles and a JWT-SVID, and validates the JWT")
    func fetch() async throws {
        let api = try TestWorkloadAPI()
        defer { api.removeDirectory() }
        try registerPython(api, "/python")
        try await api.withServer { _ in
            let peer = try PythonPeer("fetch.py", ["spiffe://example.org/audience"], socketPath: api.socketPath)
            defer { peer.stop() }
            let svid = try await peer.next("x509_svid")
            #expect(svid.strings["spiffe_id"] == "spiffe://example.org/python")
            #expect(svid.numbers["svid_count"] == 1)
            #expect(svid.numbers["chain_length"] == 1)
            #expect(try await verifyLeaf(svid, against: api.authority.bundle) == TestWorkloadAPI.id("/python"))

            let bundles = try await peer.next("x509_bundles")
            #expect(bundles.lists["trust_domains"] == ["example.org"])
            #expect(bundles.numbers["authority_count"] == api.authority.bundle.x509Authorities.count)

            let jwt = try await peer.next("jwt_svid")
            #expect(jwt.strings["spiffe_id"] == "spiffe://example.org/python")
            #expect(jwt.lists["audience"] == ["spiffe://example.org/audience"])
            let token = try #require(jwt.strings["token"])
            let validated = try JWTSVIDValidator(audiences: ["spiffe://example.org/audience"])
                .validate(token, bundles: api.authority.bundle)
            #expect(validated.id == TestWorkloadAPI.id("/python"))

            let jwtBundles = try await peer.next("jwt_bundles")
            #expect(jwtBundles.lists["trust_domains"] == ["example.org"])
            #expect(jwtBundles.lists["key_ids"] == [api.authority.currentJWTKeyID])

            let checked = try await peer.next("validated")
            #expect(checked.strings["spiffe_id"] == "spiffe://example.org/python")
            #expect(checked.lists["audience"] == ["spiffe://example.org/audience"])
            #expect(try await peer.exitStatus() == 0)
        }
    }

    @Test("py-spiffe X509Source sees each CA rotation the Swift server pushes")
    func rotation() async throws {
        let api = try TestWorkloadAPI()
        defer { api.removeDirectory() }
        try registerPython(api, "/python")
        try await api.withServer { _ in
            let peer = try PythonPeer("rotation.py", ["2", "30"], socketPath: api.socketPath)
            defer { peer.stop() }
            let initial = try await peer.next("initial")
            #expect(initial.strings["spiffe_id"] == "spiffe://example.org/python")
            var serials = [initial.strings["serial"]]
            for _ in 0..<2 {
                try api.provider.prepareNextAuthority()
                let next = try #require(api.authority.nextAuthority)
                try api.provider.activateNextAuthority()
                let rotated = try await peer.next("rotated")
                let onlyNew = try TrustBundle(trustDomain: TestWorkloadAPI.trustDomain, x509Authorities: [next])
                #expect(try await verifyLeaf(rotated, against: onlyNew) == TestWorkloadAPI.id("/python"))
                serials.append(rotated.strings["serial"])
            }
            #expect(Set(serials).count == 3)
            #expect(try await peer.exitStatus() == 0)
        }
    }

    @Test("a process without a registration entry is refused with PermissionDenied")
    func unregisteredProcessDenied() async throws {
        let api = try TestWorkloadAPI()
        defer { api.removeDirectory() }
        // Only this test process (its pid and start time) is registered; the Python child is another process.
        try api.registerSelf("/swift-test")
        try await api.withServer { _ in
            let peer = try PythonPeer("denied.py", socketPath: api.socketPath)
            defer { peer.stop() }
            let error = try await peer.next("error")
            #expect(error.strings["type"] == "FetchX509SvidError")
            let message = try #require(error.strings["message"])
            #expect(message.contains("no identity issued"))
            #expect(message.contains("PERMISSION_DENIED"))
            #expect(try await peer.exitStatus() == 0)
        }
    }

    @Test("raw grpcio calls without the security header are InvalidArgument")
    func missingSecurityHeader() async throws {
        let api = try TestWorkloadAPI()
        defer { api.removeDirectory() }
        try registerPython(api, "/python")
        try await api.withServer { _ in
            let peer = try PythonPeer("no_header.py", [api.socketPath], socketPath: api.socketPath)
            defer { peer.stop() }
            for rpc in ["FetchX509SVID", "FetchJWTSVID", "WithWrongValue"] {
                let status = try await peer.next("status")
                #expect(status.strings["rpc"] == rpc)
                #expect(status.strings["code"] == "INVALID_ARGUMENT")
                #expect(status.strings["details"] == "security header missing from request")
            }
            #expect(try await peer.exitStatus() == 0)
        }
    }

    @Test("spiffe-tls completes mTLS between two processes with SVIDs from the Swift server")
    func spiffeTLSHandshake() async throws {
        let api = try TestWorkloadAPI()
        defer { api.removeDirectory() }
        let serverID = TestWorkloadAPI.id("/server")
        let clientID = TestWorkloadAPI.id("/client")
        try await api.withServer { _ in
            let server = try PythonPeer("mtls.py", ["server", clientID.description], socketPath: api.socketPath)
            defer { server.stop() }
            try api.registrations.register(
                RegistrationEntry(spiffeID: serverID, selectors: [try WorkloadSelector.process(pid: server.pid)])
            )
            let listening = try await server.next("listening")
            #expect(listening.strings["spiffe_id"] == serverID.description)
            let port = try #require(listening.numbers["port"])

            let client = try PythonPeer(
                "mtls.py", ["client", String(port), serverID.description], socketPath: api.socketPath
            )
            defer { client.stop() }
            try api.registrations.register(
                RegistrationEntry(spiffeID: clientID, selectors: [try WorkloadSelector.process(pid: client.pid)])
            )
            let answered = try await client.next("answered")
            #expect(answered.strings["reply"] == "pong:ping")
            #expect(answered.strings["peer_id"] == serverID.description)
            #expect(answered.strings["spiffe_id"] == clientID.description)
            let served = try await server.next("served")
            #expect(served.strings["peer_id"] == clientID.description)
            #expect(try await client.exitStatus() == 0)
            #expect(try await server.exitStatus() == 0)
        }
    }

    private static func bytes(hex: String) -> [UInt8]? {
        let digits = Array(hex.utf8)
        guard digits.count % 2 == 0 else { return nil }
        return stride(from: 0, to: digits.count, by: 2).compactMap { index in
            UInt8(String(decoding: digits[index..<(index + 2)], as: UTF8.self), radix: 16)
        }
    }
}
