/// A decoding error reduced to the field it concerns and a sentence about it.
struct DecodingFailure {
    /// The dotted path of the offending field, e.g. `message.parts[0].text`; empty for the document itself.
    let field: String
    /// What is wrong, phrased to follow the field name.
    let problem: String

    init(_ error: any Error) {
        guard let error = error as? DecodingError else {
            field = ""
            problem = "could not be decoded: \(error)"
            return
        }
        switch error {
        case .keyNotFound(let key, let context):
            field = Self.path(context.codingPath + [key])
            problem = "is required"
        case .typeMismatch(_, let context):
            field = Self.path(context.codingPath)
            problem = "has the wrong type: \(context.debugDescription)"
        case .valueNotFound(_, let context):
            field = Self.path(context.codingPath)
            problem = "must not be null: \(context.debugDescription)"
        case .dataCorrupted(let context):
            field = Self.path(context.codingPath)
            problem = context.debugDescription
        @unknown default:
            field = ""
            problem = "could not be decoded: \(error)"
        }
    }

    /// `'message.role' has the wrong type: …`; `the value has the wrong type: …` for the document itself.
    var sentence: String {
        guard field.isEmpty else { return "'\(field)' \(problem)" }
        return problem.first?.isLowercase == true ? "the value \(problem)" : problem
    }

    /// `ErrorInfo` metadata naming the field.
    var metadata: [String: String] {
        field.isEmpty ? [:] : ["field": field]
    }

    static func path(_ keys: [any CodingKey]) -> String {
        var path = ""
        for key in keys {
            if let index = key.intValue {
                path += "[\(index)]"
            } else {
                path += path.isEmpty ? key.stringValue : ".\(key.stringValue)"
            }
        }
        return path
    }
}

extension A2AError {
    /// `invalidParams` (-32602) for a request that failed to decode; the message and the `field`
    /// metadata name the offending field.
    public static func invalidParams(describing error: any Error) -> A2AError {
        let failure = DecodingFailure(error)
        return .invalidParams("Invalid params: \(failure.sentence)", metadata: failure.metadata)
    }

    /// `invalidAgentResponse` (-32006) for a response from a remote agent that failed to decode.
    public static func invalidAgentResponse(describing error: any Error) -> A2AError {
        let failure = DecodingFailure(error)
        return .invalidAgentResponse("Invalid agent response: \(failure.sentence)", metadata: failure.metadata)
    }
}
