import A2A
import A2AHTTP
import Foundation
import Testing

/// Every JSON-RPC error path of the binding, over real HTTP.
@Suite struct JSONRPCErrorTests {
    @Test func malformedJSONIsParseError() async throws {
        try await withAgentServer { base, _ in
            let response = try await raw("POST", base.appending(path: "a2a/jsonrpc"), headers: v1Headers,
                                         body: Data(#"{"jsonrpc": "2.0", "id": 1, "method": "#.utf8))
            #expect(response.status == 200)
            #expect(try response.rpcErrorCode() == -32700)
            #expect(try response.json()["id"] is NSNull)
        }
    }

    @Test func wrongJSONRPCVersionIsInvalidRequest() async throws {
        try await withAgentServer { base, _ in
            let body = Data(#"{"jsonrpc":"1.0","id":7,"method":"GetTask","params":{"id":"x"}}"#.utf8)
            let response = try await raw("POST", base.appending(path: "a2a/jsonrpc"), headers: v1Headers, body: body)
            #expect(try response.rpcErrorCode() == -32600)
        }
    }

    @Test func batchIsRejected() async throws {
        try await withAgentServer { base, _ in
            let body = Data("[\(String(decoding: rpcBody(method: "GetTask", params: #"{"id":"x"}"#), as: UTF8.self))]".utf8)
            let response = try await raw("POST", base.appending(path: "a2a/jsonrpc"), headers: v1Headers, body: body)
            #expect(try response.rpcErrorCode() == -32600)
        }
    }

    @Test func unknownMethodIsMethodNotFound() async throws {
        try await withAgentServer { base, _ in
            let response = try await raw("POST", base.appending(path: "a2a/jsonrpc"), headers: v1Headers,
                                         body: rpcBody(method: "message/send", params: helloParams, id: "42"))
            #expect(try response.rpcErrorCode() == -32601)
            #expect(try response.json()["id"] as? Int == 42)
        }
    }

    @Test func missingMessageIsInvalidParams() async throws {
        try await withAgentServer { base, _ in
            let response = try await raw("POST", base.appending(path: "a2a/jsonrpc"), headers: v1Headers,
                                         body: rpcBody(method: "SendMessage", params: "{}"))
            #expect(try response.rpcErrorCode() == -32602)
            let message = try #require((try response.json()["error"] as? [String: Any])?["message"] as? String)
            #expect(message.contains("message"))
        }
    }

    @Test func emptyPartsAreInvalidParams() async throws {
        try await withAgentServer { base, _ in
            let params = #"{"message":{"messageId":"m","role":"ROLE_USER","parts":[]}}"#
            let response = try await raw("POST", base.appending(path: "a2a/jsonrpc"), headers: v1Headers,
                                         body: rpcBody(method: "SendMessage", params: params))
            #expect(try response.rpcErrorCode() == -32602)
        }
    }

    @Test func unknownTaskIsTaskNotFound() async throws {
        try await withAgentServer { base, _ in
            let response = try await raw("POST", base.appending(path: "a2a/jsonrpc"), headers: v1Headers,
                                         body: rpcBody(method: "GetTask", params: #"{"id":"no-such-task"}"#))
            #expect(try response.rpcErrorCode() == -32001)
            let data = try #require((try response.json()["error"] as? [String: Any])?["data"] as? [[String: Any]])
            #expect(data.first?["reason"] as? String == "TASK_NOT_FOUND")
            #expect(data.first?["@type"] as? String == "type.googleapis.com/google.rpc.ErrorInfo")
        }
    }

    @Test func cancellingACompletedTaskIsNotCancelable() async throws {
        try await withAgentServer { base, _ in
            let url = base.appending(path: "a2a/jsonrpc")
            let sent = try await raw("POST", url, headers: v1Headers, body: rpcBody(method: "SendMessage", params: helloParams))
            let task = try #require((try sent.json()["result"] as? [String: Any])?["task"] as? [String: Any])
            let id = try #require(task["id"] as? String)
            let response = try await raw("POST", url, headers: v1Headers,
                                         body: rpcBody(method: "CancelTask", params: #"{"id":"\#(id)"}"#))
            #expect(try response.rpcErrorCode() == -32002)
        }
    }

    @Test func oversizedBodyIsRefusedWithAClearError() async throws {
        try await withAgentServer(maxBodyBytes: 1024) { base, _ in
            let big = String(repeating: "x", count: 4096)
            let params = #"{"message":{"messageId":"m","role":"ROLE_USER","parts":[{"text":"\#(big)"}]}}"#
            let response = try await raw("POST", base.appending(path: "a2a/jsonrpc"), headers: v1Headers,
                                         body: rpcBody(method: "SendMessage", params: params))
            #expect(response.status == 413)
            #expect(try response.rpcErrorCode() == -32600)
            let message = try #require((try response.json()["error"] as? [String: Any])?["message"] as? String)
            #expect(message.contains("1024"))
        }
    }

    @Test(arguments: [nil, "0.3", "2.0"])
    func unsupportedVersionIsRefused(version: String?) async throws {
        try await withAgentServer { base, _ in
            var headers: [(name: String, value: String)] = [("Content-Type", "application/json")]
            if let version { headers.append(("A2A-Version", version)) }
            let response = try await raw("POST", base.appending(path: "a2a/jsonrpc"), headers: headers,
                                         body: rpcBody(method: "SendMessage", params: helloParams))
            #expect(try response.rpcErrorCode() == -32009)
        }
    }

    @Test func versionOneXIsAccepted() async throws {
        try await withAgentServer { base, _ in
            let headers: [(name: String, value: String)] = [("Content-Type", "application/json"), ("A2A-Version", "1.1")]
            let response = try await raw("POST", base.appending(path: "a2a/jsonrpc"), headers: headers,
                                         body: rpcBody(method: "SendMessage", params: helloParams))
            #expect(try response.json()["result"] != nil)
        }
    }

    @Test func nonJSONContentTypeIsContentTypeNotSupported() async throws {
        try await withAgentServer { base, _ in
            let headers: [(name: String, value: String)] = [("Content-Type", "text/plain"), ("A2A-Version", "1.0")]
            let response = try await raw("POST", base.appending(path: "a2a/jsonrpc"), headers: headers,
                                         body: Data("not json".utf8))
            #expect(try response.rpcErrorCode() == -32005)
        }
    }

    @Test func getIsNotAllowedOnTheJSONRPCEndpoint() async throws {
        try await withAgentServer { base, _ in
            let response = try await raw("GET", base.appending(path: "a2a/jsonrpc"), headers: v1Headers)
            #expect(response.status == 405)
        }
    }
}
