import A2A
import A2AHTTP
import Foundation
import HexrTestSupport
import Testing

/// Error paths of the HTTP+JSON binding: `google.rpc.Status` bodies with the mapped HTTP status.
@Suite struct RESTErrorTests {
    private func status(_ response: RawResponse) throws -> (code: Int?, status: String?, reason: String?) {
        let error = try #require(try response.json()["error"] as? [String: Any])
        let details = error["details"] as? [[String: Any]]
        return (error["code"] as? Int, error["status"] as? String, details?.first?["reason"] as? String)
    }

    @Test func unknownTaskIs404NotFound() async throws {
        try await withAgentServer { base, _ in
            let response = try await raw("GET", base.appending(path: "a2a/rest/tasks/nope"), headers: v1Headers)
            #expect(response.status == 404)
            let (code, status, reason) = try status(response)
            #expect(code == 404 && status == "NOT_FOUND" && reason == "TASK_NOT_FOUND")
        }
    }

    @Test func missingVersionIs400FailedPrecondition() async throws {
        try await withAgentServer { base, _ in
            let response = try await raw("POST", base.appending(path: "a2a/rest/message:send"),
                                         headers: [("Content-Type", "application/json")], body: Data(helloParams.utf8))
            #expect(response.status == 400)
            let (_, status, reason) = try status(response)
            #expect(status == "FAILED_PRECONDITION" && reason == "VERSION_NOT_SUPPORTED")
        }
    }

    @Test func unknownRouteIs404() async throws {
        try await withAgentServer { base, _ in
            let response = try await raw("POST", base.appending(path: "a2a/rest/tasks/x:explode"), headers: v1Headers)
            #expect(response.status == 404)
        }
    }

    @Test func malformedBodyIsRejected() async throws {
        try await withAgentServer { base, _ in
            let response = try await raw("POST", base.appending(path: "a2a/rest/message:send"), headers: v1Headers,
                                         body: Data("{not json".utf8))
            #expect(response.status == 400)
        }
    }

    @Test func responseMirrorsTheRequestMediaType() async throws {
        try await withAgentServer { base, _ in
            let a2aJSON: [(name: String, value: String)] = [("Content-Type", "application/a2a+json"), ("A2A-Version", "1.0")]
            let response = try await raw("POST", base.appending(path: "a2a/rest/message:send"), headers: a2aJSON,
                                         body: Data(helloParams.utf8))
            #expect(response.status == 200)
            #expect(response.header("Content-Type") == "application/a2a+json")
            let plain = try await raw("POST", base.appending(path: "a2a/rest/message:send"), headers: v1Headers,
                                      body: Data(helloParams.utf8))
            #expect(plain.header("Content-Type") == "application/json")
        }
    }

    @Test func tenantPrefixScopesTasks() async throws {
        try await withAgentServer { base, _ in
            let sent = try await raw("POST", base.appending(path: "a2a/rest/acme/message:send"), headers: v1Headers,
                                     body: Data(helloParams.utf8))
            let task = try #require(try sent.json()["task"] as? [String: Any])
            let id = try #require(task["id"] as? String)
            let sameTenant = try await raw("GET", base.appending(path: "a2a/rest/acme/tasks/\(id)"), headers: v1Headers)
            #expect(sameTenant.status == 200)
            let otherTenant = try await raw("GET", base.appending(path: "a2a/rest/globex/tasks/\(id)"), headers: v1Headers)
            #expect(otherTenant.status == 404)
            let noTenant = try await raw("GET", base.appending(path: "a2a/rest/tasks/\(id)"), headers: v1Headers)
            #expect(noTenant.status == 404)
        }
    }

    @Test func agentCardIsServedWithAnETag() async throws {
        try await withAgentServer { base, _ in
            let card = try await raw("GET", base.appending(path: ".well-known/agent-card.json"))
            #expect(card.status == 200)
            #expect(try card.json()["name"] as? String == "Interop Echo")
            let etag = try #require(card.header("ETag"))
            let again = try await raw("GET", base.appending(path: ".well-known/agent-card.json"),
                                      headers: [("If-None-Match", etag)])
            #expect(again.status == 304)
        }
    }
}

extension RESTErrorTests {
    @Test func agentCardHonoursIfModifiedSince() async throws {
        try await withAgentServer { base, _ in
            let card = try await raw("GET", base.appending(path: ".well-known/agent-card.json"))
            let modified = try #require(card.header("Last-Modified"))
            let again = try await raw("GET", base.appending(path: ".well-known/agent-card.json"),
                                      headers: [("If-Modified-Since", modified)])
            #expect(again.status == 304)
            let old = try await raw("GET", base.appending(path: ".well-known/agent-card.json"),
                                    headers: [("If-Modified-Since", "Thu, 01 Jan 1970 00:00:00 GMT")])
            #expect(old.status == 200)
        }
    }
}

/// `A2A-Extensions`: declared extensions are echoed; a required one must be requested.
@Suite struct ExtensionNegotiationTests {
    static func card(_ base: URL, required: Bool) -> AgentCard {
        var card = EchoAgent.card(baseURL: base)
        card.capabilities.extensions = [AgentExtension(uri: "https://hexr.dev/ext/spiffe-identity/v1",
                                                       description: "SPIFFE identity", required: required)]
        return card
    }

    @Test func declaredExtensionIsEchoedUnknownOneIsNot() async throws {
        try await withAgentServer(card: { Self.card($0, required: false) }) { base, _ in
            var headers = v1Headers
            headers.append(("A2A-Extensions", "https://hexr.dev/ext/spiffe-identity/v1, https://unknown.example/x"))
            let response = try await raw("POST", base.appending(path: "a2a/jsonrpc"), headers: headers,
                                         body: rpcBody(method: "SendMessage", params: helloParams))
            #expect(response.header("A2A-Extensions") == "https://hexr.dev/ext/spiffe-identity/v1")
        }
    }

    @Test func requiredExtensionMustBeRequested() async throws {
        try await withAgentServer(card: { Self.card($0, required: true) }) { base, _ in
            let response = try await raw("POST", base.appending(path: "a2a/jsonrpc"), headers: v1Headers,
                                         body: rpcBody(method: "SendMessage", params: helloParams))
            #expect(try response.rpcErrorCode() == -32008)
        }
    }
}
