import Foundation
import Rego

/// The files of a policy directory: every `*.rego` file (not recursive, sorted by name) and the
/// optional `data.json`, read but not compiled.
struct PolicyDirectory {
    /// File name → Rego text.
    var sources: [(filename: String, text: String)]
    /// The contents of `data.json`, or an empty object when there is none.
    var data: RegoValue

    /// Reads `directory`; throws when it is unreadable, holds no `.rego` file, or its `data.json`
    /// is not a JSON object. With `includeData` false, `data.json` is not read (data is empty).
    static func read(_ directory: URL, includeData: Bool = true) throws(PolicyLoadError) -> PolicyDirectory {
        let files: [URL]
        do {
            files = try FileManager.default.contentsOfDirectory(at: directory, includingPropertiesForKeys: nil)
                .sorted { $0.lastPathComponent < $1.lastPathComponent }
        } catch {
            throw PolicyLoadError.unreadable(directory.path, String(describing: error))
        }
        var sources: [(filename: String, text: String)] = []
        for file in files where file.pathExtension == "rego" {
            do {
                sources.append((file.lastPathComponent, try String(contentsOf: file, encoding: .utf8)))
            } catch {
                throw PolicyLoadError.unreadable(file.path, String(describing: error))
            }
        }
        guard !sources.isEmpty else { throw PolicyLoadError.noPolicyFiles(directory.path) }
        let dataFile = directory.appending(path: "data.json")
        guard includeData, FileManager.default.fileExists(atPath: dataFile.path) else {
            return PolicyDirectory(sources: sources, data: .emptyObject)
        }
        return PolicyDirectory(sources: sources, data: try readData(dataFile))
    }

    /// Reads a data document, which must be a JSON object (it becomes `data`).
    static func readData(_ file: URL) throws(PolicyLoadError) -> RegoValue {
        let bytes: Data
        do {
            bytes = try Data(contentsOf: file)
        } catch {
            throw PolicyLoadError.unreadable(file.path, String(describing: error))
        }
        return try parseData(bytes, origin: file.path)
    }

    /// Parses a data document named `origin` in errors; it must be a JSON object.
    static func parseData(_ bytes: Data, origin: String) throws(PolicyLoadError) -> RegoValue {
        let data: RegoValue
        do {
            data = try RegoValue(jsonData: bytes)
        } catch {
            throw PolicyLoadError.invalidData(origin, error.description)
        }
        guard case .object = data else {
            throw PolicyLoadError.invalidData(origin, "the document must be a JSON object, not \(data.typeName)")
        }
        return data
    }

    /// Parses and compiles `sources`; errors name the file and line.
    static func compile(_ sources: [(filename: String, text: String)]) throws(PolicyLoadError) -> RegoPolicy {
        do {
            let modules = try sources.map { source throws(RegoError) in
                try RegoModule.parse(source: source.text, filename: source.filename)
            }
            return try RegoPolicy(modules: modules)
        } catch {
            throw PolicyLoadError.invalidPolicy(error.description)
        }
    }
}
