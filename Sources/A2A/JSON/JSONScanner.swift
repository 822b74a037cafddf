import Foundation

/// A JSON syntax error with the byte offset where it was found.
struct JSONSyntaxError: Error, CustomStringConvertible {
    let offset: Int
    let reason: String

    var description: String { "\(reason) at byte \(offset)" }
}

/// The type of a scanned JSON value.
enum JSONKind: Equatable {
    case object, array, string, number, bool, null
}

/// A strict RFC 8259 scanner that validates JSON text and reports where values sit, without building
/// them. Used to read the JSON-RPC envelope while keeping `params` as raw bytes.
struct JSONScanner {
    static let maximumDepth = 512

    let bytes: [UInt8]
    var index = 0

    init(_ data: Data) {
        bytes = [UInt8](data)
    }

    var isAtEnd: Bool { index >= bytes.count }

    func peek() -> UInt8? {
        isAtEnd ? nil : bytes[index]
    }

    mutating func skipWhitespace() {
        while index < bytes.count {
            switch bytes[index] {
            case 0x20, 0x09, 0x0A, 0x0D: index += 1
            default: return
            }
        }
    }

    /// Throws unless only whitespace is left.
    mutating func expectEnd() throws(JSONSyntaxError) {
        skipWhitespace()
        guard isAtEnd else { throw error("unexpected data after the JSON value") }
    }

    /// Validates the value at the cursor and returns its kind and byte range.
    mutating func scanValue(depth: Int = 0) throws(JSONSyntaxError) -> (kind: JSONKind, range: Range<Int>) {
        skipWhitespace()
        let start = index
        guard let byte = peek() else { throw error("unexpected end of input, expected a value") }
        let kind: JSONKind
        switch byte {
        case UInt8(ascii: "{"):
            try scanObject(depth: depth) { _, _, _ in }
            kind = .object
        case UInt8(ascii: "["):
            try scanArray(depth: depth)
            kind = .array
        case UInt8(ascii: "\""):
            try scanString()
            kind = .string
        case UInt8(ascii: "t"):
            try scanLiteral("true")
            kind = .bool
        case UInt8(ascii: "f"):
            try scanLiteral("false")
            kind = .bool
        case UInt8(ascii: "n"):
            try scanLiteral("null")
            kind = .null
        case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"):
            try scanNumber()
            kind = .number
        default:
            throw error("unexpected character '\(Unicode.Scalar(byte))'")
        }
        return (kind, start..<index)
    }

    /// Validates an object, calling `member` with each key's string range and each value's kind and range.
    mutating func scanObject(
        depth: Int, member: (_ key: Range<Int>, _ kind: JSONKind, _ value: Range<Int>) throws(JSONSyntaxError) -> Void
    ) throws(JSONSyntaxError) {
        guard depth < Self.maximumDepth else { throw error("nesting deeper than \(Self.maximumDepth) levels") }
        index += 1  // {
        skipWhitespace()
        if peek() == UInt8(ascii: "}") {
            index += 1
            return
        }
        while true {
            skipWhitespace()
            guard peek() == UInt8(ascii: "\"") else { throw error("expected a member name in double quotes") }
            let keyStart = index
            try scanString()
            let key = keyStart..<index
            skipWhitespace()
            guard peek() == UInt8(ascii: ":") else { throw error("expected ':' after a member name") }
            index += 1
            let value = try scanValue(depth: depth + 1)
            try member(key, value.kind, value.range)
            skipWhitespace()
            switch peek() {
            case UInt8(ascii: ","): index += 1
            case UInt8(ascii: "}"):
                index += 1
                return
            default: throw error("expected ',' or '}' in an object")
            }
        }
    }

    private mutating func scanArray(depth: Int) throws(JSONSyntaxError) {
        guard depth < Self.maximumDepth else { throw error("nesting deeper than \(Self.maximumDepth) levels") }
        index += 1  // [
        skipWhitespace()
        if peek() == UInt8(ascii: "]") {
            index += 1
            return
        }
        while true {
            _ = try scanValue(depth: depth + 1)
            skipWhitespace()
            switch peek() {
            case UInt8(ascii: ","): index += 1
            case UInt8(ascii: "]"):
                index += 1
                return
            default: throw error("expected ',' or ']' in an array")
            }
        }
    }

    private mutating func scanLiteral(_ literal: String) throws(JSONSyntaxError) {
        for expected in literal.utf8 {
            guard peek() == expected else { throw error("invalid literal, expected '\(literal)'") }
            index += 1
        }
    }

    private mutating func scanNumber() throws(JSONSyntaxError) {
        if peek() == UInt8(ascii: "-") { index += 1 }
        if peek() == UInt8(ascii: "0") {
            index += 1
        } else {
            guard try scanDigits() > 0 else { throw error("invalid number") }
        }
        if peek() == UInt8(ascii: ".") {
            index += 1
            guard try scanDigits() > 0 else { throw error("invalid number: expected digits after '.'") }
        }
        if peek() == UInt8(ascii: "e") || peek() == UInt8(ascii: "E") {
            index += 1
            if peek() == UInt8(ascii: "+") || peek() == UInt8(ascii: "-") { index += 1 }
            guard try scanDigits() > 0 else { throw error("invalid number: expected digits in the exponent") }
        }
    }

    private mutating func scanDigits() throws(JSONSyntaxError) -> Int {
        let start = index
        while let byte = peek(), (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte) { index += 1 }
        return index - start
    }

    func error(_ reason: String) -> JSONSyntaxError {
        JSONSyntaxError(offset: index, reason: reason)
    }
}
