/// Parsed regular expression (RE2 syntax subset, see ``RegexParser``).
indirect enum RegexNode: Sendable {
    case empty
    case character(CharacterMatcher)
    case concatenation([RegexNode])
    case alternation([RegexNode])
    case repetition(RegexNode, min: Int, max: Int?)
    case assertion(RegexAssertion)
}

/// Zero-width assertions.
enum RegexAssertion: Sendable {
    case beginText, endText, beginLine, endLine, wordBoundary, notWordBoundary
}

/// Matches one Unicode scalar.
struct CharacterMatcher: Sendable {
    var ranges: [ClosedRange<UInt32>]
    var negated: Bool
    var caseInsensitive: Bool

    static func literal(_ scalar: Unicode.Scalar, caseInsensitive: Bool) -> CharacterMatcher {
        CharacterMatcher(ranges: [scalar.value...scalar.value], negated: false, caseInsensitive: caseInsensitive)
    }

    func matches(_ scalar: Unicode.Scalar) -> Bool {
        if contains(scalar.value) { return !negated }
        if caseInsensitive {
            for variant in CaseFolding.variants(of: scalar) where contains(variant.value) { return !negated }
        }
        return negated
    }

    private func contains(_ value: UInt32) -> Bool {
        for range in ranges where range.contains(value) { return true }
        return false
    }
}

/// Simple case variants of a scalar (for `(?i)`).
enum CaseFolding {
    static func variants(of scalar: Unicode.Scalar) -> [Unicode.Scalar] {
        var result: [Unicode.Scalar] = []
        for mapping in [scalar.properties.lowercaseMapping, scalar.properties.uppercaseMapping, scalar.properties.titlecaseMapping] {
            let scalars = mapping.unicodeScalars
            if scalars.count == 1, let first = scalars.first, first != scalar { result.append(first) }
        }
        return result
    }
}

/// Predefined classes (Perl and POSIX), ASCII as in RE2.
enum RegexClasses {
    static let digit: [ClosedRange<UInt32>] = [48...57]
    static let word: [ClosedRange<UInt32>] = [48...57, 65...90, 95...95, 97...122]
    static let space: [ClosedRange<UInt32>] = [9...10, 12...13, 32...32]

    static func posix(_ name: String) -> [ClosedRange<UInt32>]? {
        switch name {
        case "alnum": [48...57, 65...90, 97...122]
        case "alpha": [65...90, 97...122]
        case "ascii": [0...0x7F]
        case "blank": [9...9, 32...32]
        case "cntrl": [0...31, 0x7F...0x7F]
        case "digit": digit
        case "graph": [33...126]
        case "lower": [97...122]
        case "print": [32...126]
        case "punct": [33...47, 58...64, 91...96, 123...126]
        case "space": [9...13, 32...32]
        case "upper": [65...90]
        case "word": word
        case "xdigit": [48...57, 65...70, 97...102]
        default: nil
        }
    }

    /// The complement of sorted, non-overlapping ranges.
    static func complement(_ ranges: [ClosedRange<UInt32>]) -> [ClosedRange<UInt32>] {
        var result: [ClosedRange<UInt32>] = []
        var next: UInt32 = 0
        for range in ranges.sorted(by: { $0.lowerBound < $1.lowerBound }) {
            if range.lowerBound > next { result.append(next...(range.lowerBound - 1)) }
            next = max(next, range.upperBound + 1)
        }
        if next <= 0x10FFFF { result.append(next...0x10FFFF) }
        return result
    }
}
