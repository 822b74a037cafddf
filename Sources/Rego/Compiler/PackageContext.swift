/// What a name in a module can refer to besides local variables.
struct PackageContext {
    enum ImportTarget {
        case input([String])
        case data([String])
    }

    let packagePath: [String]
    /// Rule names defined in this package (in any module).
    let ruleNames: Set<String>
    /// Import alias to imported document.
    let imports: [String: ImportTarget]
    let rules: RuleTable

    func isGlobal(_ name: String) -> Bool {
        name == "input" || name == "data" || ruleNames.contains(name) || imports[name] != nil
    }
}

/// Rule paths and their kinds, collected before any body is compiled.
struct RuleTable: Sendable {
    struct Entry: Sendable {
        let id: Int
        let kind: RuleSet.Kind
        let arity: Int
        let location: RegoLocation
    }

    private(set) var entries: [[String]: Entry] = [:]
    private(set) var paths: [[String]] = []

    subscript(path: [String]) -> Entry? { entries[path] }

    /// Registers a definition; rejects kind or arity mismatches between definitions of one path.
    mutating func register(path: [String], kind: RuleSet.Kind, arity: Int, at location: RegoLocation)
        throws(RegoError)
    {
        if let existing = entries[path] {
            guard existing.kind == kind else {
                throw RegoError(
                    .compile,
                    "rule data.\(path.joined(separator: ".")) is defined as both \(existing.kind) and \(kind)",
                    at: location)
            }
            guard existing.arity == arity else {
                throw RegoError(
                    .compile,
                    "function data.\(path.joined(separator: ".")) is defined with \(existing.arity) and \(arity) arguments",
                    at: location)
            }
            return
        }
        entries[path] = Entry(id: paths.count, kind: kind, arity: arity, location: location)
        paths.append(path)
    }
}
