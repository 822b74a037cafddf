import Foundation

/// Appends compact JSON tokens to a byte buffer; used for envelopes whose layout is fixed (and,
/// within this package, for the span store's rows).
package struct JSONWriter {
    package private(set) var bytes: [UInt8] = []

    package init(capacity: Int = 128) {
        bytes.reserveCapacity(capacity)
    }

    var data: Data { Data(bytes) }

    /// Appends JSON text verbatim (punctuation, literals, already-encoded values).
    package mutating func raw(_ text: StaticString) {
        text.withUTF8Buffer { bytes.append(contentsOf: $0) }
    }

    mutating func raw(_ data: Data) {
        bytes.append(contentsOf: data)
    }

    package mutating func integer(_ value: some BinaryInteger) {
        bytes.append(contentsOf: String(value).utf8)
    }

    /// Appends `text` as a quoted JSON string, escaping `"`, `\` and control characters.
    package mutating func string(_ text: String) {
        bytes.append(UInt8(ascii: "\""))
        for byte in text.utf8 {
            switch byte {
            case UInt8(ascii: "\""): raw("\\\"")
            case UInt8(ascii: "\\"): raw("\\\\")
            case 0x0A: raw("\\n")
            case 0x0D: raw("\\r")
            case 0x09: raw("\\t")
            case 0x08: raw("\\b")
            case 0x0C: raw("\\f")
            case 0x00..<0x20:
                raw("\\u00")
                bytes.append(Self.hexDigits[Int(byte >> 4)])
                bytes.append(Self.hexDigits[Int(byte & 0x0F)])
            default: bytes.append(byte)
            }
        }
        bytes.append(UInt8(ascii: "\""))
    }

    /// Appends `"name":` and then the string value.
    package mutating func member(_ name: StaticString, _ value: String) {
        raw("\"")
        raw(name)
        raw("\":")
        string(value)
    }

    /// Appends an object of string members, keys in sorted order.
    package mutating func stringObject(_ members: [String: String]) {
        raw("{")
        for (offset, key) in members.keys.sorted().enumerated() {
            if offset > 0 { raw(",") }
            string(key)
            raw(":")
            string(members[key] ?? "")
        }
        raw("}")
    }

    private static let hexDigits: [UInt8] = Array("0123456789abcdef".utf8)
}
