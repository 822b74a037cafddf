import Foundation
import SPIFFE

/// The signing authority's keys and certificates in the state directory: one JSON file, mode 0600,
/// written atomically. A file readable by group or others is refused, never used.
public enum SigningAuthorityFile {
    /// Loads the authority stored at `path`, or creates one for `configuration` and stores it.
    public static func loadOrCreate(at path: URL, configuration: SigningAuthority.Configuration) throws
        -> SigningAuthority
    {
        if FileManager.default.fileExists(atPath: path.path) { return try load(from: path) }
        let authority = try SigningAuthority(configuration: configuration)
        try save(authority, to: path)
        return authority
    }

    /// Loads the authority stored at `path`.
    public static func load(from path: URL) throws -> SigningAuthority {
        let attributes = try FileManager.default.attributesOfItem(atPath: path.path)
        let mode = (attributes[.posixPermissions] as? NSNumber)?.uint16Value ?? 0
        guard mode & 0o077 == 0 else {
            throw SigningAuthorityFileError.insecurePermissions(path.path, String(mode, radix: 8))
        }
        let state: SigningAuthority.State
        do {
            state = try JSONDecoder().decode(SigningAuthority.State.self, from: try Data(contentsOf: path))
        } catch {
            throw SigningAuthorityFileError.unreadable(path.path, String(describing: error))
        }
        return try SigningAuthority(state: state)
    }

    /// Writes the authority's state to `path` (0600, via a temporary file and a rename).
    public static func save(_ authority: SigningAuthority, to path: URL) throws {
        let data = try JSONEncoder().encode(authority.exportState())
        let directory = path.deletingLastPathComponent()
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true,
                                                attributes: [.posixPermissions: 0o700])
        let temporary = directory.appending(path: ".\(path.lastPathComponent).\(UUID().uuidString)")
        guard FileManager.default.createFile(atPath: temporary.path, contents: nil,
                                             attributes: [.posixPermissions: 0o600]) else {
            throw SigningAuthorityFileError.unwritable(temporary.path)
        }
        let handle = try FileHandle(forWritingTo: temporary)
        try handle.write(contentsOf: data)
        try handle.synchronize()
        try handle.close()
        guard rename(temporary.path, path.path) == 0 else {
            try? FileManager.default.removeItem(at: temporary)
            throw SigningAuthorityFileError.unwritable(path.path)
        }
    }
}

/// Why the signing authority's file could not be used.
public enum SigningAuthorityFileError: Error, Sendable, CustomStringConvertible {
    case insecurePermissions(String, String)
    case unreadable(String, String)
    case unwritable(String)

    public var description: String {
        switch self {
        case .insecurePermissions(let path, let mode):
            "\(path) holds private keys but has mode \(mode); it must be readable by its owner only (chmod 600)"
        case .unreadable(let path, let detail): "cannot read the signing authority from \(path): \(detail)"
        case .unwritable(let path): "cannot write the signing authority to \(path)"
        }
    }
}
