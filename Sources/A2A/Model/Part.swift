import Foundation

/// One piece of content in a message or artifact: exactly one of text, raw bytes, a URL or JSON data,
/// plus optional file name, media type and metadata.
public struct Part: Sendable, Hashable {
    /// The `content` oneof.
    public enum Content: Sendable, Hashable {
        case text(String)
        /// Inline bytes (base64 on the wire).
        case raw(Data)
        /// A URL pointing to the content.
        case url(String)
        /// Structured JSON content (`google.protobuf.Value`).
        case data(JSONValue)
    }

    public var content: Content
    public var metadata: JSONObject?
    public var filename: String?
    public var mediaType: String?

    public init(content: Content, metadata: JSONObject? = nil, filename: String? = nil, mediaType: String? = nil) {
        self.content = content
        self.metadata = metadata
        self.filename = filename
        self.mediaType = mediaType
    }

    /// A text part.
    public static func text(_ text: String, metadata: JSONObject? = nil) -> Part {
        Part(content: .text(text), metadata: metadata)
    }

    /// A structured-data part.
    public static func data(_ value: JSONValue, mediaType: String? = nil, metadata: JSONObject? = nil) -> Part {
        Part(content: .data(value), metadata: metadata, mediaType: mediaType)
    }

    /// An inline file.
    public static func raw(_ bytes: Data, filename: String? = nil, mediaType: String? = nil) -> Part {
        Part(content: .raw(bytes), filename: filename, mediaType: mediaType)
    }

    /// A file by reference.
    public static func url(_ url: String, filename: String? = nil, mediaType: String? = nil) -> Part {
        Part(content: .url(url), filename: filename, mediaType: mediaType)
    }
}

extension Part: Codable {
    public init(from decoder: any Decoder) throws {
        let fields = try ProtoObjectDecoder(decoder)
        // `data` is a google.protobuf.Value, so an explicit `null` is a value; the others treat null as absent.
        let field = try fields.oneof(["text", "raw", "url", "data"], nullable: ["data"])
        switch field {
        case "text": content = .text(try fields.require(String.self, "text"))
        case "raw": content = .raw(try fields.requireBytes("raw"))
        case "url": content = .url(try fields.require(String.self, "url"))
        default:
            let key = fields.keyIncludingNull("data") ?? ProtoKey("data")
            content = .data(try fields.container.decode(JSONValue.self, forKey: key))
        }
        metadata = try fields.object("metadata")
        filename = try fields.string("filename")
        mediaType = try fields.string("mediaType")
    }

    public func encode(to encoder: any Encoder) throws {
        var fields = ProtoObjectEncoder(encoder)
        switch content {
        case .text(let text): try fields.encode(text, "text")
        case .raw(let bytes): try fields.bytes(bytes, "raw")
        case .url(let url): try fields.encode(url, "url")
        case .data(let value): try fields.encode(value, "data")
        }
        try fields.encodeIfPresent(metadata, "metadata")
        try fields.string(filename, "filename")
        try fields.string(mediaType, "mediaType")
    }
}
