import Foundation

/// ProtoJSON `bytes`: standard padded base64 on output; standard or URL-safe alphabet, with or without
/// padding, on input.
enum ProtoBase64 {
    static func encode(_ data: Data) -> String {
        data.base64EncodedString()
    }

    /// The decoded bytes, or `nil` when `text` is not base64 in either alphabet.
    static func decode(_ text: String) -> Data? {
        var standard = [UInt8]()
        standard.reserveCapacity(text.utf8.count + 3)
        for byte in text.utf8 {
            switch byte {
            case UInt8(ascii: "-"): standard.append(UInt8(ascii: "+"))
            case UInt8(ascii: "_"): standard.append(UInt8(ascii: "/"))
            default: standard.append(byte)
            }
        }
        let padding = standard.reversed().prefix { $0 == UInt8(ascii: "=") }.count
        standard.removeLast(padding)
        guard padding <= 2, !standard.contains(UInt8(ascii: "=")), standard.count % 4 != 1 else { return nil }
        if standard.count % 4 != 0 {
            standard.append(contentsOf: repeatElement(UInt8(ascii: "="), count: 4 - standard.count % 4))
        }
        return Data(base64Encoded: Data(standard))
    }
}
