/// Parser for the common subset of Go RE2 syntax: literals and escapes, `.`, classes (with
/// ranges, negation, `\d\w\s` and `[:posix:]`), groups `(…)`, `(?:…)`, `(?P<n>…)`, `(?<n>…)`,
/// flags `(?imsU)` and `(?i:…)`, alternation, `* + ? {n} {n,} {n,m}` (greedy or lazy), anchors
/// `^ $ \A \z \b \B`. Unicode classes (`\p{…}`) and `\Q…\E` are rejected as unsupported.
struct RegexParser {
    struct Flags {
        var caseInsensitive = false
        var multiLine = false
        var dotAll = false
    }

    private let scalars: [Unicode.Scalar]
    private var index = 0
    private var flags = Flags()
    private static let maxRepeat = 1000

    static func parse(_ pattern: String) throws(BuiltinError) -> RegexNode {
        var parser = RegexParser(scalars: Array(pattern.unicodeScalars))
        let node = try parser.parseAlternation()
        guard parser.index == parser.scalars.count else { throw parser.error("unexpected )") }
        return node
    }

    private init(scalars: [Unicode.Scalar]) {
        self.scalars = scalars
    }

    private func error(_ message: String) -> BuiltinError {
        BuiltinError("regex: error parsing regexp: \(message)")
    }

    private var current: Unicode.Scalar? { index < scalars.count ? scalars[index] : nil }

    private mutating func parseAlternation() throws(BuiltinError) -> RegexNode {
        let saved = flags
        defer { flags = saved }
        var branches = [try parseConcatenation()]
        while current == "|" {
            index += 1
            branches.append(try parseConcatenation())
        }
        return branches.count == 1 ? branches[0] : .alternation(branches)
    }

    private mutating func parseConcatenation() throws(BuiltinError) -> RegexNode {
        var items: [RegexNode] = []
        while let c = current, c != "|", c != ")" {
            guard let atom = try parseAtom() else { continue }
            items.append(try parseQuantifiers(atom))
        }
        if items.isEmpty { return .empty }
        return items.count == 1 ? items[0] : .concatenation(items)
    }

    private mutating func parseQuantifiers(_ atom: RegexNode) throws(BuiltinError) -> RegexNode {
        var node = atom
        var quantified = false
        while let c = current {
            var bounds: (Int, Int?)?
            switch c {
            case "*": bounds = (0, nil)
            case "+": bounds = (1, nil)
            case "?": bounds = (0, 1)
            case "{": bounds = try parseCountedRepetition()
            default: break
            }
            guard let (low, high) = bounds else { return node }
            if c != "{" { index += 1 }
            if quantified { throw error("invalid nested repetition operator") }
            if case .assertion = node { throw error("missing argument to repetition operator") }
            if current == "?" { index += 1 }
            node = .repetition(node, min: low, max: high)
            quantified = true
        }
        return node
    }

    /// `{n}`, `{n,}`, `{n,m}`; `nil` (and nothing consumed) when the brace is a literal.
    private mutating func parseCountedRepetition() throws(BuiltinError) -> (Int, Int?)? {
        var probe = index + 1
        func number() -> Int? {
            var value: Int?
            while probe < scalars.count, let d = scalars[probe].properties.numericType == .decimal && scalars[probe].isASCII ? Int(String(scalars[probe])) : nil {
                value = min((value ?? 0) * 10 + d, 100_000)
                probe += 1
            }
            return value
        }
        guard let low = number() else { return nil }
        var high: Int? = low
        if probe < scalars.count, scalars[probe] == "," {
            probe += 1
            high = number()
        }
        guard probe < scalars.count, scalars[probe] == "}" else { return nil }
        index = probe + 1
        if low > RegexParser.maxRepeat || (high ?? 0) > RegexParser.maxRepeat || (high.map { $0 < low } ?? false) {
            throw error("invalid repeat count")
        }
        return (low, high)
    }

    private mutating func parseAtom() throws(BuiltinError) -> RegexNode? {
        let c = scalars[index]
        index += 1
        switch c {
        case "(":
            return try parseGroup()
        case "[":
            return .character(try parseClass())
        case ".":
            let ranges: [ClosedRange<UInt32>] = flags.dotAll ? [0...0x10FFFF] : [0...9, 11...0x10FFFF]
            return .character(CharacterMatcher(ranges: ranges, negated: false, caseInsensitive: false))
        case "^":
            return .assertion(flags.multiLine ? .beginLine : .beginText)
        case "$":
            return .assertion(flags.multiLine ? .endLine : .endText)
        case "\\":
            return try parseEscape()
        case "*", "+", "?":
            throw error("missing argument to repetition operator: \(c)")
        default:
            return .character(.literal(c, caseInsensitive: flags.caseInsensitive))
        }
    }

    private mutating func parseGroup() throws(BuiltinError) -> RegexNode? {
        if current == "?" {
            index += 1
            if current == "P" || current == "<" {
                if current == "P" { index += 1 }
                guard current == "<" else { throw error("invalid named capture") }
                while let c = current, c != ">" { index += 1 }
                guard current == ">" else { throw error("invalid named capture") }
                index += 1
                return try finishGroup()
            }
            var enable = true
            var newFlags = flags
            while let c = current, c != ")", c != ":" {
                switch c {
                case "i": newFlags.caseInsensitive = enable
                case "m": newFlags.multiLine = enable
                case "s": newFlags.dotAll = enable
                case "U": break
                case "-": enable = false
                default: throw error("invalid or unsupported Perl syntax: (?\(c)")
                }
                index += 1
            }
            guard let end = current else { throw error("missing closing )") }
            index += 1
            if end == ")" {
                flags = newFlags
                return nil
            }
            let saved = flags
            flags = newFlags
            defer { flags = saved }
            return try finishGroup()
        }
        return try finishGroup()
    }

    private mutating func finishGroup() throws(BuiltinError) -> RegexNode {
        let inner = try parseAlternation()
        guard current == ")" else { throw error("missing closing )") }
        index += 1
        return inner
    }

    private mutating func parseEscape() throws(BuiltinError) -> RegexNode {
        guard let c = current else { throw error("trailing backslash at end of expression") }
        index += 1
        switch c {
        case "A": return .assertion(.beginText)
        case "z": return .assertion(.endText)
        case "b": return .assertion(.wordBoundary)
        case "B": return .assertion(.notWordBoundary)
        default:
            let (ranges, negated) = try parseEscapedClassOrLiteral(c)
            return .character(CharacterMatcher(ranges: ranges, negated: negated, caseInsensitive: flags.caseInsensitive))
        }
    }

    /// The ranges of an escape usable both inside and outside classes (after the backslash).
    private mutating func parseEscapedClassOrLiteral(_ c: Unicode.Scalar) throws(BuiltinError) -> ([ClosedRange<UInt32>], Bool) {
        switch c {
        case "d": return (RegexClasses.digit, false)
        case "D": return (RegexClasses.digit, true)
        case "w": return (RegexClasses.word, false)
        case "W": return (RegexClasses.word, true)
        case "s": return (RegexClasses.space, false)
        case "S": return (RegexClasses.space, true)
        case "t": return ([9...9], false)
        case "n": return ([10...10], false)
        case "r": return ([13...13], false)
        case "f": return ([12...12], false)
        case "v": return ([11...11], false)
        case "a": return ([7...7], false)
        case "x": let v = try parseHexEscape(); return ([v...v], false)
        case "p", "P", "Q", "C", "E":
            throw BuiltinError.unsupported("the regular expression escape \\\(c)")
        default:
            guard c.isASCII, !c.properties.isAlphabetic, !("0"..."9").contains(c) else {
                throw error("invalid escape sequence: \\\(c)")
            }
            return ([c.value...c.value], false)
        }
    }

    private mutating func parseHexEscape() throws(BuiltinError) -> UInt32 {
        var digits = ""
        if current == "{" {
            index += 1
            while let c = current, c != "}" {
                digits.unicodeScalars.append(c)
                index += 1
            }
            guard current == "}" else { throw error("invalid escape sequence: \\x{") }
            index += 1
        } else {
            for _ in 0..<2 {
                guard let c = current else { throw error("invalid escape sequence: \\x") }
                digits.unicodeScalars.append(c)
                index += 1
            }
        }
        guard let value = UInt32(digits, radix: 16), value <= 0x10FFFF else { throw error("invalid escape sequence: \\x\(digits)") }
        return value
    }

    private mutating func parseClass() throws(BuiltinError) -> CharacterMatcher {
        var negated = false
        if current == "^" {
            negated = true
            index += 1
        }
        var ranges: [ClosedRange<UInt32>] = []
        var first = true
        while let c = current, c != "]" || first {
            first = false
            if c == "[", index + 1 < scalars.count, scalars[index + 1] == ":" {
                ranges += try parsePosixClass()
                continue
            }
            let low = try parseClassAtom()
            guard let lowValue = low.single else {
                ranges += low.ranges
                continue
            }
            if current == "-", index + 1 < scalars.count, scalars[index + 1] != "]" {
                index += 1
                guard let highValue = try parseClassAtom().single, highValue >= lowValue else {
                    throw error("invalid character class range")
                }
                ranges.append(lowValue...highValue)
            } else {
                ranges.append(lowValue...lowValue)
            }
        }
        guard current == "]" else { throw error("missing closing ]") }
        index += 1
        return CharacterMatcher(ranges: ranges, negated: negated, caseInsensitive: flags.caseInsensitive)
    }

    /// One class member: a single scalar (`single`) or a predefined class.
    private mutating func parseClassAtom() throws(BuiltinError) -> (single: UInt32?, ranges: [ClosedRange<UInt32>]) {
        let c = scalars[index]
        index += 1
        guard c == "\\" else { return (c.value, []) }
        guard let escaped = current else { throw error("trailing backslash") }
        index += 1
        let (ranges, negated) = try parseEscapedClassOrLiteral(escaped)
        if !negated, ranges.count == 1, ranges[0].lowerBound == ranges[0].upperBound, !"dws".unicodeScalars.contains(escaped) {
            return (ranges[0].lowerBound, [])
        }
        return (nil, negated ? RegexClasses.complement(ranges) : ranges)
    }

    private mutating func parsePosixClass() throws(BuiltinError) -> [ClosedRange<UInt32>] {
        index += 2
        var negated = false
        if current == "^" {
            negated = true
            index += 1
        }
        var name = ""
        while let c = current, c != ":" {
            name.unicodeScalars.append(c)
            index += 1
        }
        guard index + 1 < scalars.count, scalars[index + 1] == "]", let ranges = RegexClasses.posix(name) else {
            throw error("invalid character class range: [:\(name)")
        }
        index += 2
        return negated ? RegexClasses.complement(ranges) : ranges
    }
}
