/// Glob patterns with the semantics of OPA's `glob.match` (gobwas/glob): `*` matches within
/// separators, `**` across them, `?` one non-separator character, `[abc]`, `[a-z]`, `[!…]`
/// classes, `{a,b}` alternatives and `\` escapes.
struct GlobPattern: Sendable {
    enum Token: Sendable, Equatable {
        case literal(Unicode.Scalar)
        case star
        case superStar
        case single
        case characterClass(negated: Bool, ranges: [ClosedRange<UInt32>])
    }

    /// The pattern with alternatives expanded into plain token sequences.
    let alternatives: [[Token]]
    let separators: Set<Unicode.Scalar>

    private static let maxAlternatives = 1024

    init(_ pattern: String, separators: Set<Unicode.Scalar>) throws(BuiltinError) {
        var parser = GlobParser(scalars: Array(pattern.unicodeScalars))
        alternatives = try parser.parseSequence(inBraces: false)
        guard parser.index == parser.scalars.count else { throw BuiltinError("glob.match: unexpected '\(parser.scalars[parser.index])'") }
        self.separators = separators
    }

    func matches(_ text: String) -> Bool {
        let scalars = Array(text.unicodeScalars)
        return alternatives.contains { matches($0, scalars) }
    }

    /// Dynamic programming over (token, position): linear in pattern × text.
    private func matches(_ tokens: [Token], _ text: [Unicode.Scalar]) -> Bool {
        var reachable = [Bool](repeating: false, count: text.count + 1)
        reachable[0] = true
        for token in tokens {
            var next = [Bool](repeating: false, count: text.count + 1)
            switch token {
            case .star, .superStar:
                var carry = false
                for position in 0...text.count {
                    if reachable[position] { carry = true }
                    next[position] = carry
                    if position < text.count, token == .star, separators.contains(text[position]) { carry = false }
                }
            default:
                for position in 0..<text.count where reachable[position] && matchesOne(token, text[position]) {
                    next[position + 1] = true
                }
            }
            reachable = next
        }
        return reachable[text.count]
    }

    private func matchesOne(_ token: Token, _ scalar: Unicode.Scalar) -> Bool {
        switch token {
        case .literal(let c): return c == scalar
        case .single: return !separators.contains(scalar)
        case .characterClass(let negated, let ranges): return ranges.contains { $0.contains(scalar.value) } != negated
        case .star, .superStar: return false
        }
    }

    fileprivate static func combine(_ prefixes: [[Token]], _ suffixes: [[Token]]) throws(BuiltinError) -> [[Token]] {
        guard prefixes.count * suffixes.count <= maxAlternatives else {
            throw BuiltinError("glob.match: pattern has too many alternatives")
        }
        return prefixes.flatMap { prefix in suffixes.map { prefix + $0 } }
    }
}

private struct GlobParser {
    let scalars: [Unicode.Scalar]
    var index = 0

    /// A sequence up to the end, or (in braces) up to `,` or `}`, as expanded alternatives.
    mutating func parseSequence(inBraces: Bool) throws(BuiltinError) -> [[GlobPattern.Token]] {
        var expansions: [[GlobPattern.Token]] = [[]]
        while index < scalars.count {
            let c = scalars[index]
            if inBraces && (c == "," || c == "}") { break }
            index += 1
            switch c {
            case "*":
                if index < scalars.count, scalars[index] == "*" {
                    index += 1
                    expansions = expansions.map { $0 + [.superStar] }
                } else {
                    expansions = expansions.map { $0 + [.star] }
                }
            case "?":
                expansions = expansions.map { $0 + [.single] }
            case "[":
                let token = try parseClass()
                expansions = expansions.map { $0 + [token] }
            case "{":
                var options: [[GlobPattern.Token]] = []
                while true {
                    options += try parseSequence(inBraces: true)
                    guard index < scalars.count else { throw BuiltinError("glob.match: unclosed '{'") }
                    index += 1
                    if scalars[index - 1] == "}" { break }
                }
                expansions = try GlobPattern.combine(expansions, options)
            case "\\":
                guard index < scalars.count else { throw BuiltinError("glob.match: trailing '\\'") }
                let escaped = scalars[index]
                index += 1
                expansions = expansions.map { $0 + [.literal(escaped)] }
            default:
                expansions = expansions.map { $0 + [.literal(c)] }
            }
        }
        return expansions
    }

    private mutating func parseClass() throws(BuiltinError) -> GlobPattern.Token {
        var negated = false
        if index < scalars.count, scalars[index] == "!" {
            negated = true
            index += 1
        }
        var ranges: [ClosedRange<UInt32>] = []
        while index < scalars.count, scalars[index] != "]" {
            var low = scalars[index]
            index += 1
            if low == "\\", index < scalars.count {
                low = scalars[index]
                index += 1
            }
            if index + 1 < scalars.count, scalars[index] == "-", scalars[index + 1] != "]" {
                let high = scalars[index + 1]
                index += 2
                guard low.value <= high.value else { throw BuiltinError("glob.match: invalid range \(low)-\(high)") }
                ranges.append(low.value...high.value)
            } else {
                ranges.append(low.value...low.value)
            }
        }
        guard index < scalars.count, !ranges.isEmpty else { throw BuiltinError("glob.match: invalid character class") }
        index += 1
        return .characterClass(negated: negated, ranges: ranges)
    }
}
