import Testing
import A2A
import A2AHTTP
import Foundation

/// A raw HTTP exchange, for tests that send what a well-behaved client never would.
struct RawResponse {
    var status: Int
    var headers: [(name: String, value: String)]
    var body: Data

    func header(_ name: String) -> String? {
        headers.first { $0.name.caseInsensitiveCompare(name) == .orderedSame }?.value
    }

    /// The body as a JSON object.
    func json() throws -> [String: Any] {
        try #require(try JSONSerialization.jsonObject(with: body) as? [String: Any])
    }

    /// `error.code` of a JSON-RPC error response.
    func rpcErrorCode() throws -> Int? {
        (try json()["error"] as? [String: Any])?["code"] as? Int
    }
}

func raw(_ method: String, _ url: URL, headers: [(name: String, value: String)] = [], body: Data? = nil,
         transport: PooledHTTPClient = PooledHTTPClient()) async throws -> RawResponse {
    let response = try await transport.execute(A2AClientRequest(method: method, url: url, headers: headers, body: body))
    return RawResponse(status: response.status, headers: response.headers,
                       body: try await response.collect(upTo: 16 * 1024 * 1024))
}

let v1Headers: [(name: String, value: String)] = [("Content-Type", "application/json"), ("A2A-Version", "1.0")]

func rpcBody(method: String, params: String, id: String = "1") -> Data {
    Data(#"{"jsonrpc":"2.0","id":\#(id),"method":"\#(method)","params":\#(params)}"#.utf8)
}

let helloParams = #"{"message":{"messageId":"m-1","role":"ROLE_USER","parts":[{"text":"hello"}]}}"#
