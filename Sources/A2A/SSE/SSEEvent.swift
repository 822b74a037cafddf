/// One server-sent event.
public struct SSEEvent: Sendable, Equatable {
    /// The `event:` field (`nil` = the default "message" type).
    public var event: String?
    /// The `data:` lines, joined by `\n`.
    public var data: String
    /// The `id:` field, if any.
    public var id: String?

    public init(event: String? = nil, data: String, id: String? = nil) {
        self.event = event
        self.data = data
        self.id = id
    }

    /// The wire form of an event whose data is one line of JSON: `data: <json>\n\n`.
    public static func frame(json: some Sequence<UInt8>, event: String? = nil) -> [UInt8] {
        var bytes: [UInt8] = []
        if let event { bytes += Array("event: \(event)\n".utf8) }
        bytes += Array("data: ".utf8)
        bytes += json
        bytes += [0x0A, 0x0A]
        return bytes
    }
}
