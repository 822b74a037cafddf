import Foundation
import Testing

@testable import A2A

@Suite struct JSONRPCResponseTests {
    private let task = A2ATask(id: "t", contextId: "c", status: TaskStatus(state: .working))

    @Test func successEnvelope() throws {
        let body = JSONRPCResponse.success(id: 7, result: SendMessageResponse.task(task))
        let text = String(decoding: body, as: UTF8.self)
        #expect(text.hasPrefix(#"{"jsonrpc":"2.0","id":7,"result":{"task":"#))
        let tree = try A2AJSON.decode(JSONValue.self, from: body)
        #expect(tree["result"]?["task"]?["status"]?["state"] == "TASK_STATE_WORKING")
    }

    @Test func successWithNullResultForDelete() throws {
        let body = JSONRPCResponse.success(id: "d", result: JSONValue.null)
        #expect(String(decoding: body, as: UTF8.self) == #"{"jsonrpc":"2.0","id":"d","result":null}"#)
        let decoded = try JSONRPCResponseEnvelope<EmptyResponse>(decoding: body)
        #expect(try decoded.result.get() == EmptyResponse())
    }

    @Test func successThatCannotBeEncodedBecomesAnInternalErrorResponse() throws {
        let body = JSONRPCResponse.success(id: 1, result: JSONValue.double(.infinity))
        let outcome = JSONRPCResponse.decode(JSONValue.self, from: body)
        guard case .failure(let error) = outcome else {
            Issue.record("expected a failure, got \(outcome)")
            return
        }
        #expect(error.code == A2AError.Code.internalError)
        #expect(try JSONRPCResponseEnvelope<JSONValue>(decoding: body).id == 1)
    }

    @Test func failureEnvelopeEscapesStringsAndIds() throws {
        let error = A2AError.invalidParams("bad \"quote\" \\ / \n\u{01}", metadata: ["field": "message.role"])
        let body = JSONRPCResponse.failure(id: .string("i\"d"), error: error)
        let tree = try A2AJSON.decode(JSONValue.self, from: body)
        #expect(tree["jsonrpc"] == "2.0")
        #expect(tree["id"] == "i\"d")
        #expect(tree["error"]?["message"] == .string("bad \"quote\" \\ / \n\u{01}"))
        #expect(tree["error"]?["data"]?[0]?["metadata"] == ["field": "message.role"])
        #expect(tree["result"] == nil)
        #expect(String(decoding: JSONRPCResponse.failure(id: .null, error: .parseError()), as: UTF8.self)
            == #"{"jsonrpc":"2.0","id":null,"error":{"code":-32700,"message":"Parse error"}}"#)
    }

    @Test func errorWinsOverANullResult() {
        let body = Data(#"{"jsonrpc":"2.0","id":1,"result":null,"error":{"code":-32001,"message":"Task not found"}}"#.utf8)
        #expect(JSONRPCResponseEnvelope<A2ATask>.decodeResult(body) == .failure(.taskNotFound()))
    }

    @Test func clientDecodesSuccessAndFailure() throws {
        let ok = JSONRPCResponse.success(id: "x", result: task)
        let decoded = try JSONRPCResponseEnvelope<A2ATask>(decoding: ok)
        #expect(decoded.id == "x")
        #expect(try decoded.result.get() == task)

        let failed = JSONRPCResponse.failure(id: 5, error: .taskNotFound(metadata: ["taskId": "t"]))
        let outcome = JSONRPCResponse.decode(A2ATask.self, from: failed)
        #expect(outcome == .failure(.taskNotFound(metadata: ["taskId": "t"])))
        #expect(throws: A2AError.taskNotFound(metadata: ["taskId": "t"])) {
            try JSONRPCResponseEnvelope<A2ATask>(decoding: failed).result.get()
        }
    }

    @Test(arguments: [
        (#"[1]"#, "wrong type"),
        (#"{"jsonrpc":"2.0","id":1,"error":"boom"}"#, "integer 'code'"),
        (#"{"id":1,"result":{}}"#, "'jsonrpc'"),
        (#"{"jsonrpc":"1.0","id":1,"result":{}}"#, "'jsonrpc'"),
        (#"{"jsonrpc":"2.0","id":1}"#, "neither"),
        (#"{"jsonrpc":"2.0","id":1,"result":{"id":"t"},"error":{"code":1,"message":"m"}}"#, "both"),
        (#"{"jsonrpc":"2.0","id":1,"error":{"message":"no code"}}"#, "integer 'code'"),
        (#"{"jsonrpc":"2.0","id":1,"result":{"id":"t","contextId":"c","status":{"state":"bogus"}}}"#,
            "'result.status.state'"),
        ("not json", "not valid JSON"),
    ])
    func malformedResponsesAreInvalidAgentResponses(body: String, mention: String) {
        let outcome = JSONRPCResponseEnvelope<A2ATask>.decodeResult(Data(body.utf8))
        guard case .failure(let error) = outcome else {
            Issue.record("expected a failure for \(body)")
            return
        }
        #expect(error.code == A2AError.Code.invalidAgentResponse)
        #expect(error.message.contains(mention), "\(error.message)")
    }

    @Test func requestEncodingRoundTripsThroughTheServerParser() throws {
        let params = GetTaskRequest(tenant: "acme", id: "t/1", historyLength: 2)
        let body = try JSONRPCRequest.encode(id: "r-1", method: .getTask, params: params)
        let parsed = try JSONRPCRequestEnvelope(parsing: body)
        #expect(parsed.id == "r-1")
        #expect(parsed.method == .getTask)
        #expect(try parsed.decodeParams(GetTaskRequest.self) == params)
        #expect(String(decoding: body, as: UTF8.self).contains(#""id":"t/1""#))
    }

    @Test func idCodableAndDescription() throws {
        for id: JSONRPCID in [.string("a"), .number(-9_007_199_254_740_993), .null] {
            #expect(try Wire.roundTrip(id) == id)
        }
        #expect(Wire.failure(JSONRPCID.self, "[1]")?.problem == "must be a string, an integer or null")
        #expect(JSONRPCID.number(3).description == "3")
        #expect(JSONRPCID.string("a").description == "\"a\"")
        #expect(JSONRPCID.null.description == "null")
    }
}
