/// The top-level members of a JSON-RPC request object, located by a `JSONScanner`.
struct RequestMembers {
    struct Member {
        let kind: JSONKind
        let range: Range<Int>
    }

    var jsonrpc: Member?
    var id: Member?
    var method: Member?
    var params: Member?

    /// Validates the whole document. Returns `nil` when it is well-formed JSON but not an object.
    static func scan(_ scanner: inout JSONScanner) throws(JSONSyntaxError) -> RequestMembers? {
        scanner.skipWhitespace()
        guard scanner.peek() == UInt8(ascii: "{") else {
            _ = try scanner.scanValue()
            try scanner.expectEnd()
            return nil
        }
        var members = RequestMembers()
        let keys = scanner
        try scanner.scanObject(depth: 0) { key, kind, range throws(JSONSyntaxError) in
            let member = Member(kind: kind, range: range)
            // Later duplicates win, as with most JSON parsers.
            switch keys.stringValue(key) {
            case "jsonrpc": members.jsonrpc = member
            case "id": members.id = member
            case "method": members.method = member
            case "params": members.params = member
            default: break
            }
        }
        try scanner.expectEnd()
        return members
    }

    /// The request id; an id of the wrong type is an `invalidRequest` answered with a `null` id.
    func id(in scanner: JSONScanner) throws(JSONRPCEnvelopeError) -> JSONRPCID {
        guard let id else { return .null }
        switch id.kind {
        case .null:
            return .null
        case .string:
            return .string(scanner.stringValue(id.range))
        case .number:
            let text = String(decoding: scanner.bytes[id.range], as: UTF8.self)
            if let number = Int64(text) { return .number(number) }
        default:
            break
        }
        throw JSONRPCEnvelopeError(
            id: .null, error: .invalidRequest("Invalid Request: 'id' must be a string, an integer or null"))
    }
}
