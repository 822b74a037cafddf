/// The `google.rpc.ErrorInfo` found in an error's `data` (JSON-RPC) or `details` (REST).
struct ErrorInfoDetail {
    static let typeURL = "type.googleapis.com/google.rpc.ErrorInfo"

    var reason: String?
    var metadata: [String: String] = [:]

    /// Reads the details tolerantly: an array of `google.protobuf.Any` objects (v1.0), a single
    /// ErrorInfo object, a free-form v0.3 object (its members become metadata), or nothing.
    init(_ details: JSONValue?) {
        switch details {
        case .array(let items):
            let infos = items.filter { $0["reason"]?.stringValue != nil }
            let typed = infos.first { $0["@type"]?.stringValue?.hasSuffix("google.rpc.ErrorInfo") == true }
            if let info = typed ?? infos.first { read(errorInfo: info) }
        case .object(let members):
            if members["reason"]?.stringValue != nil {
                read(errorInfo: .object(members))
            } else {
                metadata = Self.strings(members.filter { $0.key != "@type" })
            }
        case .string(let text):
            metadata = ["data": text]
        default:
            break
        }
    }

    private mutating func read(errorInfo: JSONValue) {
        reason = errorInfo["reason"]?.stringValue
        metadata = Self.strings(errorInfo["metadata"]?.objectValue ?? [:])
    }

    /// `ErrorInfo.metadata` is `map<string, string>`; other JSON values are kept as their compact JSON text.
    private static func strings(_ members: JSONObject) -> [String: String] {
        members.compactMapValues { value in
            if let text = value.stringValue { return text }
            return (try? A2AJSON.encode(value)).map { String(decoding: $0, as: UTF8.self) }
        }
    }

    /// Writes `{"@type":…,"reason":…,"domain":"a2a-protocol.org","metadata":{…}}`.
    static func write(reason: String, metadata: [String: String], into writer: inout JSONWriter) {
        writer.raw("{")
        writer.member("@type", typeURL)
        writer.raw(",")
        writer.member("reason", reason)
        writer.raw(",")
        writer.member("domain", A2AError.errorDomain)
        writer.raw(",\"metadata\":")
        writer.stringObject(metadata)
        writer.raw("}")
    }
}
