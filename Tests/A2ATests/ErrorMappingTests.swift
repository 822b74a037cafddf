import Foundation
import Testing

@testable import A2A

@Suite struct ErrorMappingTests {
    /// (constructor, code, reason, HTTP status, google.rpc status) per the 1.0.1 table.
    static let table: [(A2AError, Int, String, Int, String)] = [
        (.parseError(), -32700, "", 400, "INVALID_ARGUMENT"),
        (.invalidRequest(), -32600, "INVALID_REQUEST", 400, "INVALID_ARGUMENT"),
        (.methodNotFound(), -32601, "METHOD_NOT_FOUND", 404, "NOT_FOUND"),
        (.invalidParams(), -32602, "INVALID_PARAMS", 400, "INVALID_ARGUMENT"),
        (.internalError(), -32603, "INTERNAL_ERROR", 500, "INTERNAL"),
        (.taskNotFound(), -32001, "TASK_NOT_FOUND", 404, "NOT_FOUND"),
        (.taskNotCancelable(), -32002, "TASK_NOT_CANCELABLE", 400, "FAILED_PRECONDITION"),
        (.pushNotificationNotSupported(), -32003, "PUSH_NOTIFICATION_NOT_SUPPORTED", 400, "FAILED_PRECONDITION"),
        (.unsupportedOperation(), -32004, "UNSUPPORTED_OPERATION", 400, "FAILED_PRECONDITION"),
        (.contentTypeNotSupported(), -32005, "CONTENT_TYPE_NOT_SUPPORTED", 415, "INVALID_ARGUMENT"),
        (.invalidAgentResponse(), -32006, "INVALID_AGENT_RESPONSE", 500, "INTERNAL"),
        (.extendedAgentCardNotConfigured(), -32007, "EXTENDED_AGENT_CARD_NOT_CONFIGURED", 400, "FAILED_PRECONDITION"),
        (.extensionSupportRequired(), -32008, "EXTENSION_SUPPORT_REQUIRED", 400, "FAILED_PRECONDITION"),
        (.versionNotSupported(), -32009, "VERSION_NOT_SUPPORTED", 400, "FAILED_PRECONDITION"),
    ]

    @Test func everyCodeHasItsReasonAndStatuses() {
        for (error, code, reason, http, status) in Self.table {
            #expect(error.code == code)
            #expect(error.reason == reason)
            #expect(error.httpStatus == http, "\(code)")
            #expect(error.grpcStatus == status, "\(code)")
            #expect(!error.message.isEmpty)
        }
        #expect(A2AError.taskNotFound().message == "Task not found")
        #expect(A2AError.taskNotCancelable().message == "Task cannot be canceled")
        #expect(A2AError.pushNotificationNotSupported().message == "Push notifications are not supported by the agent")
    }

    @Test func everyCodeEncodesAsAJSONRPCErrorObjectAndDecodesBack() throws {
        for (base, code, reason, _, _) in Self.table {
            let error = A2AError(code: code, message: "m \(code)", reason: nil, metadata: ["k": "v"])
            #expect(error.reason == base.reason)
            let tree = try A2AJSON.decode(JSONValue.self, from: JSONRPCResponse.failure(id: 1, error: error))
            let object = try #require(tree["error"])
            #expect(object["code"]?.int64Value == Int64(code))
            #expect(object["message"] == .string("m \(code)"))
            if reason.isEmpty {
                #expect(object["data"] == nil)
            } else {
                #expect(object["data"] == [[
                    "@type": "type.googleapis.com/google.rpc.ErrorInfo", "reason": .string(reason),
                    "domain": "a2a-protocol.org", "metadata": ["k": "v"],
                ]])
            }
            let decoded = A2AError(jsonRPCError: object)
            #expect(decoded == (reason.isEmpty ? A2AError(code: code, message: "m \(code)") : error))
        }
    }

    @Test func everyCodeEncodesAsARESTStatusAndDecodesBack() throws {
        for (_, code, reason, http, status) in Self.table {
            let error = A2AError(code: code, message: "msg", metadata: reason.isEmpty ? [:] : ["taskId": "t"])
            let tree = try A2AJSON.decode(JSONValue.self, from: error.restStatusBody)
            #expect(tree["error"]?["code"]?.int64Value == Int64(http))
            #expect(tree["error"]?["status"] == .string(status))
            #expect(tree["error"]?["message"] == "msg")
            if reason.isEmpty {
                #expect(tree["error"]?["details"] == nil)
            } else {
                #expect(tree["error"]?["details"]?[0]?["reason"] == .string(reason))
                #expect(tree["error"]?["details"]?[0]?["domain"] == "a2a-protocol.org")
                // With a known reason, the REST body maps back to the exact A2A error.
                #expect(A2AError(restStatusBody: error.restStatusBody, httpStatus: http) == error)
            }
        }
    }

    /// The verbatim JSON-RPC errors of reference §8.2.
    @Test(arguments: [
        (#"{"error":{"code":-32002,"message":"Task cannot be canceled","data":[{"@type":"type.googleapis.com/google.rpc.ErrorInfo","reason":"TASK_NOT_CANCELABLE","domain":"a2a-protocol.org","metadata":{}}]},"id":4,"jsonrpc":"2.0"}"#,
            A2AError.taskNotCancelable()),
        (#"{"error":{"code":-32003,"message":"Push notifications are not supported by the agent","data":[{"@type":"type.googleapis.com/google.rpc.ErrorInfo","reason":"PUSH_NOTIFICATION_NOT_SUPPORTED","domain":"a2a-protocol.org","metadata":{}}]},"id":10,"jsonrpc":"2.0"}"#,
            A2AError.pushNotificationNotSupported()),
        (#"{"error":{"code":-32004,"message":"The agent does not support authenticated extended cards","data":[{"@type":"type.googleapis.com/google.rpc.ErrorInfo","reason":"UNSUPPORTED_OPERATION","domain":"a2a-protocol.org","metadata":{}}]},"id":9,"jsonrpc":"2.0"}"#,
            A2AError.unsupportedOperation("The agent does not support authenticated extended cards")),
        (#"{"error":{"code":-32601,"message":"Method not found"},"id":8,"jsonrpc":"2.0"}"#, A2AError.methodNotFound()),
        (#"{"error":{"code":-32700,"message":"Expecting property name enclosed in double quotes: line 1 column 2 (char 1)"},"id":null,"jsonrpc":"2.0"}"#,
            A2AError.parseError("Expecting property name enclosed in double quotes: line 1 column 2 (char 1)")),
        (#"{"error":{"code":-32602,"message":"Validation failed","data":[{"@type":"type.googleapis.com/google.rpc.ErrorInfo","reason":"INVALID_PARAMS","domain":"a2a-protocol.org","metadata":{"errors":[{"field":"message","message":"Field is required."}]}},{"@type":"type.googleapis.com/google.rpc.BadRequest","fieldViolations":[{"field":"message","description":"Field is required."}]}]},"id":33,"jsonrpc":"2.0"}"#,
            A2AError.invalidParams(
                "Validation failed", metadata: ["errors": #"[{"field":"message","message":"Field is required."}]"#])),
        (#"{"error":{"code":-32600,"message":"Invalid Request","data":[{"@type":"type.googleapis.com/google.rpc.ErrorInfo","reason":"INVALID_REQUEST","domain":"a2a-protocol.org","metadata":{"parseError":"Invalid request. Extra fields: set(), Missed fields: {'jsonrpc'}"}}]},"id":36,"jsonrpc":"2.0"}"#,
            A2AError.invalidRequest(
                "Invalid Request", metadata: ["parseError": "Invalid request. Extra fields: set(), Missed fields: {'jsonrpc'}"])),
    ])
    func decodesTheObservedSDKErrors(body: String, expected: A2AError) {
        #expect(JSONRPCResponseEnvelope<A2ATask>.decodeResult(Data(body.utf8)) == .failure(expected))
    }

    @Test func toleratesV03AndOddDataShapes() throws {
        let v03 = try #require(A2AError(jsonRPCError: ["code": -32001, "message": "gone", "data": ["taskId": "123"]]))
        #expect(v03.reason == "TASK_NOT_FOUND")
        #expect(v03.metadata == ["taskId": "123"])
        let single = try #require(A2AError(jsonRPCError: [
            "code": -32004, "message": "m", "data": ["reason": "CUSTOM_REASON", "metadata": ["a": 1]],
        ]))
        #expect(single.reason == "CUSTOM_REASON")
        #expect(single.metadata == ["a": "1"])
        let nullData = try #require(A2AError(jsonRPCError: ["code": -32603, "data": nil, "message": "x"]))
        #expect(nullData == .internalError("x"))
        let text = try #require(A2AError(jsonRPCError: ["code": -32000, "message": "custom", "data": "details"]))
        #expect(text.reason == "")
        #expect(text.metadata == ["data": "details"])
        #expect(text.httpStatus == 500)
        #expect(text.grpcStatus == "INTERNAL")
        #expect(A2AError(jsonRPCError: ["message": "no code"]) == nil)
        #expect(A2AError(jsonRPCError: "oops") == nil)
    }

    @Test func strictRESTDecodingRejectsBodiesThatAreNotAStatus() throws {
        for body in ["<html/>", "{}", #"{"error":"x"}"#, #"{"error":{"code":404}}"#] {
            #expect(throws: A2AError.self) { try A2AError(restStatusBody: Data(body.utf8)) }
        }
        let status = try A2AError(restStatusBody: Data(#"{"error":{"code":404,"message":"gone"}}"#.utf8))
        #expect(status == .methodNotFound("gone"))
    }

    @Test func restBodiesWithoutErrorInfoMapByStatus() {
        let precondition = Data(#"{"error":{"code":400,"status":"FAILED_PRECONDITION","message":"nope"}}"#.utf8)
        #expect(A2AError(restStatusBody: precondition, httpStatus: 400) == .unsupportedOperation("nope"))
        let invalid = Data(#"{"error":{"code":400,"status":"INVALID_ARGUMENT","message":"bad"}}"#.utf8)
        #expect(A2AError(restStatusBody: invalid, httpStatus: 400).code == A2AError.Code.invalidParams)
        let html = Data("<html>Not Found</html>".utf8)
        let notFound = A2AError(restStatusBody: html, httpStatus: 404)
        #expect(notFound.code == A2AError.Code.methodNotFound)
        #expect(notFound.message == "HTTP status 404: <html>Not Found</html>")
        let empty = A2AError(restStatusBody: Data(), httpStatus: 503)
        #expect(empty.code == A2AError.Code.internalError)
        #expect(empty.message == "HTTP status 503")
        let customReason = Data(
            #"{"error":{"code":400,"status":"FAILED_PRECONDITION","message":"m","details":[{"@type":"type.googleapis.com/google.rpc.ErrorInfo","reason":"MY_REASON","domain":"example.com"}]}}"#.utf8)
        let custom = A2AError(restStatusBody: customReason, httpStatus: 400)
        #expect(custom.reason == "MY_REASON")
        #expect(custom.code == A2AError.Code.unsupportedOperation)
    }

    @Test func restFailedPreconditionMatchesTheCapture() throws {
        let captured = #"{"error":{"code":400,"status":"FAILED_PRECONDITION","message":"Task cannot be canceled","details":[{"@type":"type.googleapis.com/google.rpc.ErrorInfo","reason":"TASK_NOT_CANCELABLE","domain":"a2a-protocol.org","metadata":{}}]}}"#
        #expect(A2AError(restStatusBody: Data(captured.utf8), httpStatus: 400) == .taskNotCancelable())
        #expect(
            try A2AJSON.decode(JSONValue.self, from: A2AError.taskNotCancelable().restStatusBody)
                == Wire.decode(JSONValue.self, captured))
    }

    @Test func decodingFailuresBecomeNamedInvalidParams() {
        let error = A2AError.invalidParams(
            describing: DecodingError.keyNotFound(
                ProtoKey("messageId"),
                .init(codingPath: [ProtoKey("message")], debugDescription: "")))
        #expect(error.message == "Invalid params: 'message.messageId' is required")
        #expect(error.metadata == ["field": "message.messageId"])
        let other = A2AError.invalidAgentResponse(describing: CancellationError())
        #expect(other.code == A2AError.Code.invalidAgentResponse)
        #expect(other.metadata.isEmpty)
    }

    @Test func descriptionMentionsCodeReasonAndMessage() {
        #expect(A2AError.taskNotFound().description == "A2AError -32001 TASK_NOT_FOUND: Task not found")
        #expect(A2AError.parseError("x").description == "A2AError -32700: x")
    }
}
