import Synchronization

/// `glob.match(pattern, delimiters, match)`.
enum GlobBuiltins {
    static let all: [Builtin] = [
        Builtin("glob.match", arity: 3) { (args, environment) throws(BuiltinError) in
            let pattern = try args.string(0)
            var separators: [Unicode.Scalar] = []
            switch args[1] {
            case .null:
                separators = []
            case .array(let elements):
                for element in elements {
                    guard case .string(let s) = element, let first = s.unicodeScalars.first else {
                        throw args.typeError(1, expected: "array of non-empty strings")
                    }
                    separators.append(first)
                }
                if separators.isEmpty { separators = ["."] }
            default:
                throw args.typeError(1, expected: "array or null")
            }
            let glob = try environment.globs.pattern(pattern, separators: separators)
            return .bool(glob.matches(try args.string(2)))
        }
    ]
}

/// Compiled glob patterns shared by all evaluations of a policy.
final class GlobCache: Sendable {
    private let patterns = Mutex<[String: GlobPattern]>([:])
    private static let limit = 4096

    func pattern(_ pattern: String, separators: [Unicode.Scalar]) throws(BuiltinError) -> GlobPattern {
        var key = pattern
        key.unicodeScalars.append("\u{0}")
        key.unicodeScalars.append(contentsOf: separators)
        if let cached = patterns.withLock({ $0[key] }) { return cached }
        let compiled = try GlobPattern(pattern, separators: Set(separators))
        patterns.withLock { cache in
            if cache.count >= GlobCache.limit { cache.removeAll() }
            cache[key] = compiled
        }
        return compiled
    }
}
