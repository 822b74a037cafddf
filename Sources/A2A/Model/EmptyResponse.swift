/// `google.protobuf.Empty`, the result of `DeleteTaskPushNotificationConfig`.
/// Encodes as `{}`; decodes from `{}` (any object) or `null`, which the Python SDK sends over JSON-RPC.
public struct EmptyResponse: Sendable, Hashable, Codable {
    public init() {}

    public init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        guard container.decodeNil() || (try? container.decode(JSONObject.self)) != nil else {
            throw DecodingError.dataCorruptedError(in: container, debugDescription: "must be an empty object or null")
        }
    }

    public func encode(to encoder: any Encoder) throws {
        _ = encoder.container(keyedBy: ProtoKey.self)
    }
}
