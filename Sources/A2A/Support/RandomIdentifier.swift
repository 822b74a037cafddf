/// Fresh identifiers for tasks, contexts, messages, artifacts and JSON-RPC requests: random
/// (version 4) UUIDs in lowercase text, from the system's cryptographic generator.
///
/// `UUID().uuidString.lowercased()` costs more on Linux than the rest of making a task: each
/// `UUID()` opens, reads and closes /dev/urandom, and the text goes through `snprintf` and a
/// second, lowercased copy. A round trip makes five or six of them.
public enum RandomIdentifier {
    /// A new identifier such as `1b4e28ba-2fa1-41d2-883f-0016d3cca427`.
    public static func uuid() -> String {
        var generator = SystemRandomNumberGenerator()
        let high: UInt64 = generator.next()
        let low: UInt64 = generator.next()
        // RFC 9562: version 4 in the top nibble of byte 6, variant 0b10 in the top bits of byte 8.
        let versioned = high & 0xFFFF_FFFF_FFFF_0FFF | 0x0000_0000_0000_4000
        let variant = low & 0x3FFF_FFFF_FFFF_FFFF | 0x8000_0000_0000_0000
        return String(unsafeUninitializedCapacity: 36) { text in
            var index = 0
            func write(_ value: UInt64, nibbles: Int) {
                for shift in stride(from: (nibbles - 1) * 4, through: 0, by: -4) {
                    text[index] = hexDigits[Int(value >> UInt64(shift) & 0xF)]
                    index += 1
                }
            }
            func dash() {
                text[index] = UInt8(ascii: "-")
                index += 1
            }
            write(versioned >> 32, nibbles: 8)
            dash()
            write(versioned >> 16, nibbles: 4)
            dash()
            write(versioned, nibbles: 4)
            dash()
            write(variant >> 48, nibbles: 4)
            dash()
            write(variant, nibbles: 12)
            return index
        }
    }

    private static let hexDigits: [UInt8] = Array("0123456789abcdef".utf8)
}
