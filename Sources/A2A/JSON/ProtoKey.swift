/// A coding key holding a ProtoJSON field name.
struct ProtoKey: CodingKey, Hashable {
    let stringValue: String

    init(_ name: String) {
        stringValue = name
    }

    init?(stringValue: String) {
        self.stringValue = stringValue
    }

    var intValue: Int? { nil }

    init?(intValue: Int) {
        nil
    }

    /// The original proto (snake_case) spelling of a lowerCamelCase JSON name, which ProtoJSON parsers
    /// must also accept: `taskId` → `task_id`, `oauth2MetadataUrl` → `oauth2_metadata_url`.
    /// `nil` when the name has no uppercase letter and therefore no second spelling.
    var snakeCaseVariant: ProtoKey? {
        let utf8 = stringValue.utf8
        let uppercaseCount = utf8.reduce(0) { count, byte in Self.isUppercase(byte) ? count + 1 : count }
        guard uppercaseCount > 0 else { return nil }
        let snake = String(unsafeUninitializedCapacity: utf8.count + uppercaseCount) { buffer in
            var position = 0
            for byte in utf8 {
                if Self.isUppercase(byte) {
                    buffer[position] = UInt8(ascii: "_")
                    buffer[position + 1] = byte + (UInt8(ascii: "a") - UInt8(ascii: "A"))
                    position += 2
                } else {
                    buffer[position] = byte
                    position += 1
                }
            }
            return position
        }
        return ProtoKey(snake)
    }

    private static func isUppercase(_ byte: UInt8) -> Bool {
        byte >= UInt8(ascii: "A") && byte <= UInt8(ascii: "Z")
    }
}
