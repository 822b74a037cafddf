import Foundation

/// `A2A-Extensions` handling: which extensions the client asked for, which the agent activates
/// (those it declares), and refusal when the client did not ask for a required one.
public enum A2AExtensionNegotiation {
    /// The extension URIs named by the request's `A2A-Extensions` header(s).
    public static func requested(by request: A2AHTTPRequest) -> [String] {
        request.headers
            .filter { $0.name.equalsIgnoringASCIICase("A2A-Extensions") }
            .flatMap { $0.value.split(separator: ",") }
            .map { $0.trimmingCharacters(in: .whitespaces) }
            .filter { !$0.isEmpty }
    }

    /// The requested extensions the card declares (to echo in the `A2A-Extensions` response header).
    /// Throws `extensionSupportRequired` when the card requires one the client did not request.
    public static func activate(_ requested: [String], card: AgentCard) throws(A2AError) -> [String] {
        let declared = card.capabilities.extensions
        for required in declared where required.required && !requested.contains(required.uri) {
            throw A2AError.extensionSupportRequired(
                "The agent requires extension \(required.uri); send it in the A2A-Extensions header")
        }
        let uris = Set(declared.map(\.uri))
        return requested.filter { uris.contains($0) }
    }
}
