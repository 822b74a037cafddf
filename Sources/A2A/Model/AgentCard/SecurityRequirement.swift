/// Scheme names (keys of `AgentCard.securitySchemes`) that must all be satisfied, each with its
/// required scopes. Wire form: `{"schemes": {"oauth": {"list": ["read"]}, "mtls": {}}}`.
public struct SecurityRequirement: Sendable, Hashable {
    public var schemes: [String: [String]]

    public init(schemes: [String: [String]]) {
        self.schemes = schemes
    }
}

extension SecurityRequirement: Codable {
    public init(from decoder: any Decoder) throws {
        let fields = try ProtoObjectDecoder(decoder)
        let lists = try fields.decode([String: StringList].self, "schemes") ?? [:]
        schemes = lists.mapValues(\.list)
    }

    public func encode(to encoder: any Encoder) throws {
        var fields = ProtoObjectEncoder(encoder)
        try fields.map(schemes.mapValues(StringList.init), "schemes")
    }
}

/// `lf.a2a.v1.StringList`: `{"list": [...]}`, or `{}` when empty.
struct StringList: Codable, Hashable {
    let list: [String]

    init(_ list: [String]) {
        self.list = list
    }

    init(from decoder: any Decoder) throws {
        list = try ProtoObjectDecoder(decoder).list(String.self, "list")
    }

    func encode(to encoder: any Encoder) throws {
        var fields = ProtoObjectEncoder(encoder)
        try fields.list(list, "list")
    }
}
