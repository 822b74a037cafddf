import Foundation
import Testing

@testable import A2A

@Suite struct JSONRPCEnvelopeTests {
    /// The failure for `body`, or `nil` when it parses.
    private func failure(_ body: String) -> JSONRPCEnvelopeError? {
        do {
            _ = try JSONRPCRequestEnvelope(parsing: Data(body.utf8))
            return nil
        } catch {
            return error
        }
    }

    private func envelope(_ body: String) throws -> JSONRPCRequestEnvelope {
        try JSONRPCRequestEnvelope(parsing: Data(body.utf8))
    }

    @Test func methodNamesAreTheV1Set() {
        #expect(A2AMethod.allCases.count == 11)
        #expect(A2AMethod.allCases.map(\.rawValue) == [
            "SendMessage", "SendStreamingMessage", "GetTask", "ListTasks", "CancelTask", "SubscribeToTask",
            "CreateTaskPushNotificationConfig", "GetTaskPushNotificationConfig", "ListTaskPushNotificationConfigs",
            "DeleteTaskPushNotificationConfig", "GetExtendedAgentCard",
        ])
        #expect(A2AMethod.allCases.filter(\.isStreaming) == [.sendStreamingMessage, .subscribeToTask])
    }

    @Test func parsesIdsOfEveryKind() throws {
        #expect(try envelope(#"{"jsonrpc":"2.0","id":"abc","method":"GetTask"}"#).id == .string("abc"))
        #expect(try envelope(#"{"jsonrpc":"2.0","id":-17,"method":"GetTask"}"#).id == .number(-17))
        #expect(try envelope(#"{"jsonrpc":"2.0","id":null,"method":"GetTask"}"#).id == .null)
        #expect(try envelope(#"{"jsonrpc":"2.0","method":"GetTask"}"#).id == .null)
        #expect(try envelope(#"{"jsonrpc":"2.0","id":"\u00e9\"x","method":"GetTask"}"#).id == .string("é\"x"))
        #expect(try envelope(#"{"id":"k","method":"ListTasks","params":{},"jsonrpc":"2.0"}"#).method == .listTasks)
    }

    @Test func keepsParamsAsRawJSON() throws {
        let parsed = try envelope(#" {"jsonrpc":"2.0","id":1,"method":"GetTask","params": {"id":"t", "x":[1,{"y":2}]} } "#)
        #expect(parsed.params == Data(#"{"id":"t", "x":[1,{"y":2}]}"#.utf8))
        #expect(try parsed.decodeParams(GetTaskRequest.self) == GetTaskRequest(id: "t"))
    }

    @Test func malformedJSONIsAParseErrorWithNullId() {
        for body in [
            #"{"jsonrpc":"2.0","id":1,"method":"GetTask""#, "{'jsonrpc':'2.0'}", "", "   ", "{\"a\":1}}",
            #"{"jsonrpc":"2.0","id":01,"method":"GetTask"}"#, #"{"jsonrpc":"2.0","id":1,"method":"Get\qTask"}"#,
            "{\"a\":\"\u{01}\"}", #"{"a":"\ud800"}"#, #"{"a":tru}"#, #"{"a":1.}"#, #"{"a":-}"#, #"[1,]"#,
        ] {
            let error = failure(body)
            #expect(error?.id == .null, "\(body)")
            #expect(error?.error.code == A2AError.Code.parseError, "\(body)")
        }
    }

    @Test func invalidUTF8IsAParseError() {
        var body = Data(#"{"jsonrpc":"2.0","id":1,"method":"GetTask","params":{"id":""#.utf8)
        body.append(contentsOf: [0xC3, 0x28])
        body.append(contentsOf: Data(#""}}"#.utf8))
        #expect((try? JSONRPCRequestEnvelope(parsing: body)) == nil)
        do {
            _ = try JSONRPCRequestEnvelope(parsing: body)
        } catch {
            #expect(error.error.code == A2AError.Code.parseError)
        }
    }

    @Test func deepNestingIsAParseErrorNotACrash() {
        let body = #"{"jsonrpc":"2.0","id":1,"method":"GetTask","params":"# + String(repeating: "[", count: 10_000)
            + String(repeating: "]", count: 10_000) + "}"
        #expect(failure(body)?.error.code == A2AError.Code.parseError)
    }

    @Test func batchRequestsAreRejected() {
        let error = failure(#"[{"jsonrpc":"2.0","id":1,"method":"GetTask"}]"#)
        #expect(error?.error.code == A2AError.Code.invalidRequest)
        #expect(error?.error.message.contains("batch requests are not supported") == true)
        #expect(error?.id == .null)
    }

    @Test func nonObjectRequestsAreInvalid() {
        for body in ["42", "\"SendMessage\"", "null"] {
            #expect(failure(body)?.error.code == A2AError.Code.invalidRequest)
        }
    }

    @Test func jsonrpcMustBeExactly2_0() {
        for version in [#""1.0""#, #""2""#, "2.0", "null"] {
            let error = failure(#"{"jsonrpc":\#(version),"id":36,"method":"GetTask"}"#)
            #expect(error?.error.code == A2AError.Code.invalidRequest)
            #expect(error?.error.reason == "INVALID_REQUEST")
            // The id was readable, so the error answers it.
            #expect(error?.id == .number(36))
        }
        #expect(failure(#"{"id":36,"method":"GetTask"}"#)?.error.code == A2AError.Code.invalidRequest)
    }

    @Test func missingOrNonStringMethodIsInvalid() {
        let missing = failure(#"{"jsonrpc":"2.0","id":"a"}"#)
        #expect(missing?.error.code == A2AError.Code.invalidRequest)
        #expect(missing?.error.message.contains("'method' is missing") == true)
        #expect(missing?.id == .string("a"))
        let number = failure(#"{"jsonrpc":"2.0","id":"a","method":5}"#)
        #expect(number?.error.code == A2AError.Code.invalidRequest)
        #expect(number?.error.message.contains("'method' must be a string") == true)
    }

    @Test func unknownMethodIsMethodNotFound() {
        for method in ["message/send", "getTask", "Unknown"] {
            let error = failure(#"{"jsonrpc":"2.0","id":8,"method":"\#(method)"}"#)
            #expect(error?.error.code == A2AError.Code.methodNotFound)
            #expect(error?.error.message.contains(method) == true)
            #expect(error?.id == .number(8))
        }
    }

    @Test func idOfAnotherTypeIsInvalidWithNullId() {
        for id in [#"{"a":1}"#, "[1]", "true", "1.5", "1e3", "99999999999999999999"] {
            let error = failure(#"{"jsonrpc":"2.0","id":\#(id),"method":"GetTask"}"#)
            #expect(error?.error.code == A2AError.Code.invalidRequest, "\(id)")
            #expect(error?.id == .null)
        }
    }

    @Test func absentOrNullParamsAreRequiredUnlessAllowedMissing() throws {
        let absent = try envelope(#"{"jsonrpc":"2.0","id":1,"method":"GetExtendedAgentCard"}"#)
        #expect(absent.params == nil)
        #expect(
            try absent.decodeParams(GetExtendedAgentCardRequest.self, allowingMissing: true)
                == GetExtendedAgentCardRequest())
        let null = try envelope(#"{"jsonrpc":"2.0","id":1,"method":"GetExtendedAgentCard","params":null}"#)
        #expect(null.params == nil)
        #expect(try null.decodeParams(ListTasksRequest.self, allowingMissing: true) == ListTasksRequest())
        do {
            _ = try absent.decodeParams(GetTaskRequest.self)
            Issue.record("expected invalidParams")
        } catch {
            #expect(error.code == A2AError.Code.invalidParams)
            #expect(error.metadata["field"] == "params")
            #expect(error.message == "Invalid params: 'params' is required")
        }
        // Allowed-missing params still report the required fields of the type.
        do {
            _ = try absent.decodeParams(GetTaskRequest.self, allowingMissing: true)
            Issue.record("expected invalidParams")
        } catch {
            #expect(error.metadata["field"] == "id")
        }
    }

    @Test func paramsThatAreNotAnObjectAreInvalidParams() throws {
        let parsed = try envelope(#"{"jsonrpc":"2.0","id":1,"method":"GetTask","params":["t"]}"#)
        #expect(throws: A2AError.self) { try parsed.decodeParams(GetTaskRequest.self) }
        do {
            _ = try parsed.decodeParams(GetTaskRequest.self)
        } catch {
            #expect(error.code == A2AError.Code.invalidParams)
            #expect(error.message.contains("'params' must be a JSON object"))
        }
    }

    @Test(arguments: [
        (#"{"message":5}"#, "message"),
        (#"{"message":{"messageId":"m","role":"ROLE_USER"}}"#, "message.parts"),
        (#"{"message":{"messageId":"m","role":"user","parts":[]}}"#, "message.role"),
        (#"{"message":{"messageId":"m","role":"ROLE_USER","parts":[{"text":1}]}}"#, "message.parts[0].text"),
        (#"{"message":{"messageId":"m","role":"ROLE_USER","parts":[{}]}}"#, "message.parts[0]"),
        (#"{"message":{"messageId":"m","role":"ROLE_USER","parts":[]},"configuration":{"historyLength":"x"}}"#,
            "configuration.historyLength"),
        (#"{"message":{"messageId":"m","role":"ROLE_USER","parts":[]},"configuration":{"returnImmediately":"yes"}}"#,
            "configuration.returnImmediately"),
    ])
    func wrongParamsNameTheField(params: String, field: String) throws {
        let parsed = try envelope(#"{"jsonrpc":"2.0","id":33,"method":"SendMessage","params":\#(params)}"#)
        do {
            _ = try parsed.decodeParams(SendMessageRequest.self)
            Issue.record("expected invalidParams for \(params)")
        } catch {
            #expect(error.code == A2AError.Code.invalidParams)
            #expect(error.reason == "INVALID_PARAMS")
            #expect(error.metadata["field"] == field)
            #expect(error.message.contains("'\(field)'"))
        }
    }

    @Test func envelopeErrorCarriesItsResponseBody() throws {
        let error = try #require(failure(#"{"jsonrpc":"2.0","id":"q","method":"Nope"}"#))
        let body = try A2AJSON.decode(JSONValue.self, from: error.responseBody)
        #expect(body["id"] == "q")
        #expect(body["error"]?["code"] == -32601)
    }
}
