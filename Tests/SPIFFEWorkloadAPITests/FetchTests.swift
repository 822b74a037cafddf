import Foundation
import SPIFFE
import SPIFFEWorkloadAPI
import Testing
import HexrTestSupport

/// The client fetching from the server over a real unix socket, attested as this test process.
@Suite("Workload API fetch over a unix socket", .timeLimit(.minutes(1)))
struct FetchTests {
    @Test("FetchX509SVID delivers the registered SVID, verifiable against the delivered bundle")
    func x509Context() async throws {
        let api = try TestWorkloadAPI()
        defer { api.removeDirectory() }
        try api.registerSelf("/workload", hint: "internal")
        try await api.withServer { _ in
            try await api.withClient { client in
                let context = try await withTimeout(10, "FetchX509SVID") { try await client.fetchX509Context() }
                #expect(context.defaultSVID.id == TestWorkloadAPI.id("/workload"))
                #expect(context.identities.map(\.hint) == ["internal"])
                #expect(context.bundles.trustDomains == [TestWorkloadAPI.trustDomain])
                let bundle = try #require(context.bundles.bundle(for: TestWorkloadAPI.trustDomain))
                #expect(bundle.x509Authorities == api.authority.bundle.x509Authorities)
                let verified = try await X509SVIDVerifier(role: .client)
                    .verify(chainDER: context.defaultSVID.certificatesDER, bundles: context.bundles)
                #expect(verified.id == TestWorkloadAPI.id("/workload"))
            }
        }
    }

    @Test("every matching entry yields an SVID, in registration order; repeated hints keep the first")
    func multipleSVIDs() async throws {
        let api = try TestWorkloadAPI()
        defer { api.removeDirectory() }
        try api.registerSelf("/first", hint: "a")
        try api.registerSelf("/second")
        try api.registerSelf("/third", hint: "a")
        try await api.withServer { _ in
            try await api.withClient { client in
                let context = try await withTimeout(10, "FetchX509SVID") { try await client.fetchX509Context() }
                #expect(context.svids.map(\.id.path) == ["/first", "/second"])
                #expect(context.defaultSVID.id.path == "/first")
            }
        }
    }

    @Test("FetchX509Bundles and FetchJWTBundles deliver the authority's bundle")
    func bundles() async throws {
        let api = try TestWorkloadAPI()
        defer { api.removeDirectory() }
        try api.registerSelf("/workload")
        try await api.withServer { _ in
            try await api.withClient { client in
                let x509 = try await withTimeout(10, "FetchX509Bundles") { try await client.fetchX509Bundles() }
                #expect(
                    x509.bundle(for: TestWorkloadAPI.trustDomain)?.x509Authorities
                        == api.authority.bundle.x509Authorities)
                let jwt = try await withTimeout(10, "FetchJWTBundles") { try await client.fetchJWTBundles() }
                let jwtBundle = try #require(jwt.bundle(for: TestWorkloadAPI.trustDomain))
                #expect(jwtBundle.jwtAuthorities == api.authority.bundle.jwtAuthorities)
                #expect(jwtBundle.x509Authorities.isEmpty)
            }
        }
    }

    @Test("FetchJWTSVID mints a token that validates locally and through ValidateJWTSVID")
    func jwtSVID() async throws {
        let api = try TestWorkloadAPI()
        defer { api.removeDirectory() }
        try api.registerSelf("/workload", hint: "main")
        try api.registerSelf("/other")
        try await api.withServer { _ in
            try await api.withClient { client in
                let token = try await withTimeout(10, "FetchJWTSVID") {
                    try await client.fetchJWTSVID(audience: ["spiffe://example.org/service"])
                }
                #expect(token.id == TestWorkloadAPI.id("/workload"))
                #expect(token.hint == "main")
                let bundles = try await client.fetchJWTBundles()
                let local = try JWTSVIDValidator(audiences: ["spiffe://example.org/service"])
                    .validate(token.token, bundles: bundles)
                #expect(local.id == token.id)

                let validated = try await client.validateJWTSVID(
                    token: token.token, audience: "spiffe://example.org/service"
                )
                #expect(validated.id == token.id)
                #expect(validated.audience == ["spiffe://example.org/service"])
                #expect(validated.claims["sub"] == .string(token.id.description))
                #expect(validated.claims["exp"]?.numberValue != nil)

                let all = try await client.fetchJWTSVIDs(audience: ["aud"])
                #expect(all.map(\.id.path) == ["/workload", "/other"])
                let chosen = try await client.fetchJWTSVIDs(audience: ["aud"], subject: TestWorkloadAPI.id("/other"))
                #expect(chosen.map(\.id.path) == ["/other"])
            }
        }
    }

    @Test("ValidateJWTSVID refuses a wrong audience and a tampered token with InvalidArgument")
    func jwtValidationFailures() async throws {
        let api = try TestWorkloadAPI()
        defer { api.removeDirectory() }
        try api.registerSelf("/workload")
        try await api.withServer { _ in
            try await api.withClient { client in
                let token = try await client.fetchJWTSVID(audience: ["right"]).token
                await #expect {
                    try await client.validateJWTSVID(token: token, audience: "wrong")
                } throws: { error in
                    guard case .invalidArgument(let message) = error as? WorkloadAPIError else { return false }
                    return message.contains("audience")
                }
                let tampered = String(token.dropLast(4)) + (token.hasSuffix("AAAA") ? "BBBB" : "AAAA")
                await #expect {
                    try await client.validateJWTSVID(token: tampered, audience: "right")
                } throws: { error in
                    guard case .invalidArgument = error as? WorkloadAPIError else { return false }
                    return true
                }
            }
        }
    }

    @Test("asking for a SPIFFE ID the caller is not entitled to is PermissionDenied")
    func notEntitled() async throws {
        let api = try TestWorkloadAPI()
        defer { api.removeDirectory() }
        try api.registerSelf("/workload")
        try await api.withServer { _ in
            try await api.withClient { client in
                await #expect(throws: WorkloadAPIError.permissionDenied("no identity issued")) {
                    try await client.fetchJWTSVID(audience: ["aud"], subject: TestWorkloadAPI.id("/someone-else"))
                }
            }
        }
    }

    @Test("a caller no entry matches gets PermissionDenied \"no identity issued\" on every RPC")
    func unregisteredCaller() async throws {
        let api = try TestWorkloadAPI()
        defer { api.removeDirectory() }
        try api.registrations.register(
            RegistrationEntry(spiffeID: TestWorkloadAPI.id("/someone-else"), selectors: [.uid(getuid() &+ 1)])
        )
        let denied = WorkloadAPIError.permissionDenied("no identity issued")
        try await api.withServer { _ in
            try await api.withClient { client in
                await #expect(throws: denied) { try await client.fetchX509Context() }
                await #expect(throws: denied) { try await client.fetchX509Bundles() }
                await #expect(throws: denied) { try await client.fetchJWTBundles() }
                await #expect(throws: denied) { try await client.fetchJWTSVID(audience: ["aud"]) }
            }
        }
    }
}
