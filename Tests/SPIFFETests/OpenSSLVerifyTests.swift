import Foundation
import Testing
import X509

@testable import SPIFFE

/// Runs `/usr/bin/openssl verify` on PEM files in a temporary directory.
struct OpenSSLVerifier {
    static let executable = URL(fileURLWithPath: "/usr/bin/openssl")
    static let timeout: Duration = .seconds(20)

    struct Outcome {
        let status: Int32
        let output: String
        var isOK: Bool { status == 0 && output.contains(": OK") }
    }

    /// `openssl verify -purpose <purpose> [-x509_strict] -CAfile bundle.pem [-untrusted intermediates.pem] leaf.pem`
    static func verify(
        leaf: Certificate,
        intermediates: [Certificate] = [],
        bundle: TrustBundle,
        purpose: String,
        strict: Bool = false
    ) async throws -> Outcome {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent(
            "spiffe-openssl-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let leafFile = directory.appendingPathComponent("leaf.pem")
        let bundleFile = directory.appendingPathComponent("bundle.pem")
        try CertificateEncoding.pem(derCertificates: [TestPKI.der(leaf)]).write(
            to: leafFile, atomically: true, encoding: .utf8)
        try bundle.pem.write(to: bundleFile, atomically: true, encoding: .utf8)
        var arguments = ["verify", "-purpose", purpose]
        if strict { arguments.append("-x509_strict") }
        arguments += ["-CAfile", bundleFile.path]
        if !intermediates.isEmpty {
            let intermediatesFile = directory.appendingPathComponent("intermediates.pem")
            try CertificateEncoding.pem(derCertificates: intermediates.map(TestPKI.der))
                .write(to: intermediatesFile, atomically: true, encoding: .utf8)
            arguments += ["-untrusted", intermediatesFile.path]
        }
        arguments.append(leafFile.path)
        return try await run(arguments)
    }

    private static func run(_ arguments: [String]) async throws -> Outcome {
        let process = Process()
        process.executableURL = executable
        process.arguments = arguments
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = pipe
        try process.run()
        let deadline = ContinuousClock.now + timeout
        while process.isRunning {
            if ContinuousClock.now > deadline {
                kill(process.processIdentifier, SIGKILL)
                process.waitUntilExit()
                Issue.record("openssl verify timed out and was killed (pid \(process.processIdentifier))")
                break
            }
            try await Task.sleep(for: .milliseconds(10))
        }
        process.waitUntilExit()
        let output = String(decoding: pipe.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        return Outcome(status: process.terminationStatus, output: output)
    }
}

@Suite("Interop: openssl verify accepts what the signing authority issues")
struct OpenSSLVerifyTests {
    let trustDomain = try! TrustDomain(parsing: "example.org")
    let workload = try! SPIFFEID(parsing: "spiffe://example.org/agent/acme/bot")

    @Test(
        "issued SVIDs verify with -purpose sslclient and sslserver, also with -x509_strict",
        arguments: ["sslclient", "sslserver"]
    )
    func issuedSVID(purpose: String) async throws {
        let authority = try SigningAuthority(configuration: .init(trustDomain: trustDomain))
        let svid = try authority.issueX509SVID(for: workload)
        for strict in [false, true] {
            let outcome = try await OpenSSLVerifier.verify(
                leaf: svid.leaf, bundle: authority.bundle, purpose: purpose, strict: strict
            )
            #expect(outcome.isOK, "\(outcome.output)")
        }
    }

    @Test(
        "SVIDs of the old and the new CA verify against the rotated bundle"
    )
    func rotatedBundle() async throws {
        let authority = try SigningAuthority(configuration: .init(trustDomain: trustDomain))
        let old = try authority.issueX509SVID(for: workload)
        try authority.prepareNextAuthority()
        try authority.activateNextAuthority()
        let new = try authority.issueX509SVID(for: workload)
        #expect(old.leaf.issuer != new.leaf.issuer)
        for svid in [old, new] {
            let outcome = try await OpenSSLVerifier.verify(
                leaf: svid.leaf, bundle: authority.bundle, purpose: "sslclient")
            #expect(outcome.isOK, "\(outcome.output)")
        }
    }

    @Test(
        "a chain through an intermediate verifies with -untrusted"
    )
    func intermediateChain() async throws {
        let now = Date()
        let root = try TestCA.root("Interop Root", notBefore: now - 60, notAfter: now + 3_600)
        let intermediate = try root.intermediate("Interop Intermediate", notBefore: now - 60, notAfter: now + 3_600)
        var spec = LeafSpec()
        spec.notBefore = now - 60
        spec.notAfter = now + 600
        let leaf = try intermediate.leaf(spec)
        let verified = try await X509SVIDVerifier(role: .server).verify(
            chain: [leaf.certificate, intermediate.certificate], bundles: try root.bundle(), now: now
        )
        #expect(verified.chain.count == 3)
        for purpose in ["sslclient", "sslserver"] {
            let outcome = try await OpenSSLVerifier.verify(
                leaf: leaf.certificate, intermediates: [intermediate.certificate], bundle: try root.bundle(),
                purpose: purpose
            )
            #expect(outcome.isOK, "\(outcome.output)")
        }
    }

    @Test(
        "openssl and the verifier both refuse a serverAuth-only leaf for a client"
    )
    func serverOnlyLeafAsClient() async throws {
        let now = Date()
        let root = try TestCA.root("Interop Root", notBefore: now - 60, notAfter: now + 3_600)
        var spec = LeafSpec()
        spec.notBefore = now - 60
        spec.notAfter = now + 600
        spec.extendedKeyUsage = [.serverAuth]
        let leaf = try root.leaf(spec)
        let outcome = try await OpenSSLVerifier.verify(
            leaf: leaf.certificate, bundle: try root.bundle(), purpose: "sslclient")
        #expect(!outcome.isOK)
        await #expect(throws: SVIDValidationError.missingRequiredExtendedKeyUsage(.client)) {
            try await X509SVIDVerifier(role: .client).verify(
                chain: [leaf.certificate], bundles: try root.bundle(), now: now)
        }
    }
}
