import Foundation

/// The weak ETag of a served Agent Card: a 64-bit FNV-1a hash of its JSON (a change detector,
/// not a security measure).
enum AgentCardETag {
    static func make(for json: Data) -> String {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in json {
            hash ^= UInt64(byte)
            hash &*= 0x0000_0100_0000_01b3
        }
        let hex = String(hash, radix: 16)
        return "W/\"" + String(repeating: "0", count: 16 - hex.count) + hex + "\""
    }
}
