import Foundation
import SPIFFE

/// SVIDs and a bundle written as PEM files for a Python peer, in a fresh temporary directory.
struct PEMFiles {
    let directory: URL

    init() throws {
        directory = FileManager.default.temporaryDirectory.appending(path: "hexr-pem-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
    }

    /// Writes `svid` as `<name>.crt` + `<name>.key` (0600); returns their paths.
    func write(_ svid: X509SVID, as name: String) throws -> (cert: String, key: String) {
        let cert = directory.appending(path: "\(name).crt")
        let key = directory.appending(path: "\(name).key")
        try Data(svid.certificatesPEM.utf8).write(to: cert)
        try Data(svid.privateKeyPEM.utf8).write(to: key)
        try FileManager.default.setAttributes([.posixPermissions: 0o600], ofItemAtPath: key.path)
        return (cert.path, key.path)
    }

    /// Writes the bundle's X.509 authorities as `bundle.pem`.
    func write(_ bundle: TrustBundle) throws -> String {
        let path = directory.appending(path: "bundle.pem")
        try Data(try bundle.pem.utf8).write(to: path)
        return path.path
    }

    func remove() {
        try? FileManager.default.removeItem(at: directory)
    }
}
