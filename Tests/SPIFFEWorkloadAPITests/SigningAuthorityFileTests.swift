import Foundation
import SPIFFE
import SPIFFEWorkloadAPI
import Testing

/// The signing authority persisted in the state directory: 0600, reloaded intact, refused if exposed.
@Suite struct SigningAuthorityFileTests {
    private func statePath() -> URL {
        FileManager.default.temporaryDirectory.appending(path: "hexr-state-\(UUID().uuidString)/ca.json")
    }

    @Test func createsWithOwnerOnlyPermissionsAndReloadsTheSameAuthority() async throws {
        let path = statePath()
        defer { try? FileManager.default.removeItem(at: path.deletingLastPathComponent()) }
        let configuration = SigningAuthority.Configuration(trustDomain: try TrustDomain(parsing: "hexr.local"))
        let created = try SigningAuthorityFile.loadOrCreate(at: path, configuration: configuration)
        let mode = try FileManager.default.attributesOfItem(atPath: path.path)[.posixPermissions] as? NSNumber
        #expect(mode?.uint16Value == 0o600)
        let reloaded = try SigningAuthorityFile.loadOrCreate(at: path, configuration: configuration)
        #expect(reloaded.currentAuthority == created.currentAuthority)
        // An SVID issued by the reloaded authority verifies against the original bundle.
        let svid = try reloaded.issueX509SVID(for: try SPIFFEID(parsing: "spiffe://hexr.local/agent/a/b"))
        let verified = try await X509SVIDVerifier(role: .client)
            .verify(chain: svid.certificates, bundles: BundleSet([created.bundle]))
        #expect(verified.id == svid.id)
    }

    @Test func refusesAStateFileOthersCanRead() throws {
        let path = statePath()
        defer { try? FileManager.default.removeItem(at: path.deletingLastPathComponent()) }
        let configuration = SigningAuthority.Configuration(trustDomain: try TrustDomain(parsing: "hexr.local"))
        _ = try SigningAuthorityFile.loadOrCreate(at: path, configuration: configuration)
        try FileManager.default.setAttributes([.posixPermissions: 0o644], ofItemAtPath: path.path)
        #expect(throws: SigningAuthorityFileError.self) { _ = try SigningAuthorityFile.load(from: path) }
    }

    @Test func refusesACorruptStateFile() throws {
        let path = statePath()
        defer { try? FileManager.default.removeItem(at: path.deletingLastPathComponent()) }
        try FileManager.default.createDirectory(at: path.deletingLastPathComponent(), withIntermediateDirectories: true)
        #expect(FileManager.default.createFile(atPath: path.path, contents: Data("{not json".utf8),
                                               attributes: [.posixPermissions: 0o600]))
        #expect(throws: SigningAuthorityFileError.self) { _ = try SigningAuthorityFile.load(from: path) }
    }
}
