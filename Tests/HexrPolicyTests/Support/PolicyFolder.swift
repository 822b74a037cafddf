import Foundation

/// A temporary directory of policy files, removed by `remove()`.
struct PolicyFolder {
    let url: URL

    init(_ files: [String: String] = [:]) throws {
        url = FileManager.default.temporaryDirectory.appending(path: "hexr-policy-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        for (name, text) in files { try write(name, text) }
    }

    func write(_ name: String, _ text: String) throws {
        try Data(text.utf8).write(to: file(name))
    }

    func delete(_ name: String) throws {
        try FileManager.default.removeItem(at: file(name))
    }

    func file(_ name: String) -> URL {
        url.appending(path: name)
    }

    func remove() {
        try? FileManager.default.removeItem(at: url)
    }
}
