/// A cursor over protobuf wire format (varints, fixed-width numbers, length-delimited fields),
/// accepting and refusing exactly what SwiftProtobuf's binary decoder does: tags of at most five
/// bytes with a field number above 0 and a wire type 0–5, varints of at most ten bytes, lengths
/// that stay inside the enclosing message, groups skipped up to their matching end, and no more
/// than 100 nested messages.
///
/// Only valid while the buffer it reads is (the span sink reads one export inside
/// `Data.withUnsafeBytes`).
struct ProtobufWireReader {
    enum WireType: UInt8 {
        case varint = 0, fixed64 = 1, lengthDelimited = 2, startGroup = 3, endGroup = 4, fixed32 = 5
    }

    /// Why the bytes are not a protobuf message.
    enum Failure: Error, Equatable {
        case truncated, malformed, invalidUTF8, tooDeep
    }

    /// SwiftProtobuf's default `messageDepthLimit`.
    static let depthLimit = 100

    private let bytes: UnsafeRawBufferPointer
    private var index: Int
    private let end: Int
    /// How many messages enclose this one (0 for the outermost).
    let depth: Int

    init(_ bytes: UnsafeRawBufferPointer) {
        self.init(bytes, from: 0, to: bytes.count, depth: 0)
    }

    private init(_ bytes: UnsafeRawBufferPointer, from start: Int, to end: Int, depth: Int) {
        self.bytes = bytes
        self.index = start
        self.end = end
        self.depth = depth
    }

    /// The next field's number and wire type, or `nil` at the end of the message.
    mutating func nextField() throws(Failure) -> (number: Int, type: WireType)? {
        guard index < end else { return nil }
        let first = bytes[index]
        guard let type = WireType(rawValue: first & 7) else { throw .malformed }
        var number = Int(first & 0x7F) >> 3
        var length = 1
        if first & 0x80 != 0 {
            var shift = 4
            while true {
                guard index + length < end else { throw .malformed }
                let byte = bytes[index + length]
                length += 1
                if length == 5 {
                    guard byte <= 15 else { throw .malformed }
                    number |= Int(byte) << shift
                    break
                }
                number |= Int(byte & 0x7F) << shift
                if byte & 0x80 == 0 { break }
                shift += 7
            }
        }
        index += length
        // An end-group tag outside a group being skipped ends nothing: SwiftProtobuf refuses it.
        guard number != 0, type != .endGroup else { throw .malformed }
        return (number, type)
    }

    mutating func varint() throws(Failure) -> UInt64 {
        guard index < end else { throw .truncated }
        var value: UInt64 = 0
        var shift: UInt64 = 0
        while true {
            guard index < end, shift <= 63 else { throw .malformed }
            let byte = bytes[index]
            index += 1
            value |= UInt64(byte & 0x7F) &<< shift
            if byte & 0x80 == 0 { return value }
            shift += 7
        }
    }

    mutating func fixed64() throws(Failure) -> UInt64 {
        guard end - index >= 8 else { throw .truncated }
        defer { index += 8 }
        return UInt64(littleEndian: bytes.loadUnaligned(fromByteOffset: index, as: UInt64.self))
    }

    /// The bytes of a length-delimited field.
    mutating func lengthDelimited() throws(Failure) -> UnsafeRawBufferPointer {
        let length = try varint()
        guard length <= UInt64(end - index) else { throw .truncated }
        defer { index += Int(length) }
        return UnsafeRawBufferPointer(rebasing: bytes[index..<index + Int(length)])
    }

    /// A length-delimited field read as UTF-8 text.
    mutating func string() throws(Failure) -> String {
        let body = try lengthDelimited()
        guard let text = String(validating: body, as: UTF8.self) else { throw .invalidUTF8 }
        return text
    }

    /// A reader for the embedded message in a length-delimited field.
    mutating func message() throws(Failure) -> ProtobufWireReader {
        guard depth < Self.depthLimit else { throw .tooDeep }
        let length = try varint()
        guard length <= UInt64(end - index) else { throw .truncated }
        defer { index += Int(length) }
        return ProtobufWireReader(bytes, from: index, to: index + Int(length), depth: depth + 1)
    }

    /// Steps over a field's value, checking that it is well formed.
    mutating func skip(_ type: WireType, number: Int) throws(Failure) {
        switch type {
        case .varint: _ = try varint()
        case .fixed64:
            guard end - index >= 8 else { throw .truncated }
            index += 8
        case .fixed32:
            guard end - index >= 4 else { throw .truncated }
            index += 4
        case .lengthDelimited: _ = try lengthDelimited()
        case .startGroup: try skipGroup(number, depth: depth + 1)
        case .endGroup: throw .truncated
        }
    }

    private mutating func skipGroup(_ number: Int, depth: Int) throws(Failure) {
        guard depth <= Self.depthLimit else { throw .tooDeep }
        while true {
            guard index < end else { throw .truncated }
            let tag = try varint()
            guard tag < UInt64(UInt32.max), tag >> 3 != 0, let type = WireType(rawValue: UInt8(tag & 7)) else {
                throw .malformed
            }
            let inner = Int(tag >> 3)
            switch type {
            case .endGroup:
                guard inner == number else { throw .malformed }
                return
            case .startGroup: try skipGroup(inner, depth: depth + 1)
            default: try skip(type, number: inner)
            }
        }
    }
}
