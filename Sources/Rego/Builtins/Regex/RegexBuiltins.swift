import Synchronization

/// `regex.match` and `regex.is_valid`, on the embedded RE2-subset engine (``RegexProgram``).
///
/// Why not `NSRegularExpression`: ICU's syntax and semantics differ from Go's RE2 (backtracking,
/// lookarounds, other escapes), it would put Foundation on the hot path, and it is not `Sendable`.
/// The own engine parses the common RE2 subset, rejects the rest as unsupported (at load time for
/// constant patterns), and matches in linear time like RE2.
enum RegexBuiltins {
    static let all: [Builtin] = [
        Builtin("regex.match", arity: 2, constantCheck: checkPattern) { (args, environment) throws(BuiltinError) in
            .bool(try environment.regexes.program(try args.string(0)).matches(try args.string(1)))
        },
        Builtin("regex.is_valid", arity: 1, constantCheck: checkPattern) { (args, environment) throws(BuiltinError) in
            guard case .string(let pattern) = args[0] else { return .bool(false) }
            do throws(BuiltinError) {
                _ = try environment.regexes.program(pattern)
                return .bool(true)
            } catch {
                if error.isUnsupported { throw error }
                return .bool(false)
            }
        },
    ]

    /// A constant pattern using syntax this engine lacks is rejected at load time.
    private static func checkPattern(_ operands: [RegoValue?]) -> BuiltinError? {
        guard case .string(let pattern)? = operands[0] else { return nil }
        do throws(BuiltinError) {
            _ = try RegexProgram(pattern)
            return nil
        } catch {
            return error.isUnsupported ? error : nil
        }
    }
}

/// Compiled regular expressions shared by all evaluations of a policy.
final class RegexCache: Sendable {
    private let programs = Mutex<[String: RegexProgram]>([:])
    private static let limit = 4096

    func program(_ pattern: String) throws(BuiltinError) -> RegexProgram {
        if let cached = programs.withLock({ $0[pattern] }) { return cached }
        let compiled = try RegexProgram(pattern)
        programs.withLock { cache in
            if cache.count >= RegexCache.limit { cache.removeAll() }
            cache[pattern] = compiled
        }
        return compiled
    }
}
