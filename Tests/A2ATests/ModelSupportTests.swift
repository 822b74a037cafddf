import Foundation
import Testing

@testable import A2A

/// Helpers shared by the model tests.
enum Wire {
    static func decode<T: Decodable>(_ type: T.Type, _ json: String) throws -> T {
        try A2AJSON.decode(type, from: Data(json.utf8))
    }

    static func encode<T: Encodable>(_ value: T) throws -> String {
        String(decoding: try A2AJSON.encode(value), as: UTF8.self)
    }

    /// The value's encoding, parsed back as generic JSON for structural checks.
    static func tree<T: Encodable>(_ value: T) throws -> JSONValue {
        try A2AJSON.decode(JSONValue.self, from: A2AJSON.encode(value))
    }

    static func roundTrip<T: Codable>(_ value: T) throws -> T {
        try A2AJSON.decode(T.self, from: A2AJSON.encode(value))
    }

    /// The `DecodingError` thrown while decoding `json` as `T`, reduced to its field path and problem.
    static func failure<T: Decodable>(_ type: T.Type, _ json: String) -> DecodingFailure? {
        do {
            _ = try decode(type, json)
            return nil
        } catch {
            return DecodingFailure(error)
        }
    }

    static func date(_ text: String) throws -> Date {
        try #require(ProtoTimestamp.parse(text))
    }
}

@Suite struct ModelSupportTests {
    @Test func encoderDoesNotEscapeSlashes() throws {
        let json = try Wire.encode(Part.url("https://example.com/a.pdf"))
        #expect(json == #"{"url":"https://example.com/a.pdf"}"#)
    }

    @Test func encoderSortsKeysSoOutputIsDeterministic() throws {
        let status = TaskStatus(state: .working, timestamp: try Wire.date("2026-11-25T19:17:08.661Z"))
        #expect(try Wire.encode(status) == #"{"state":"TASK_STATE_WORKING","timestamp":"2026-11-25T19:17:08.661Z"}"#)
    }

    @Test func decodeRequestReportsMalformedJSONAsParseError() {
        #expect(throws: A2AError.self) { try A2AJSON.decodeRequest(GetTaskRequest.self, from: Data("{\"id\":".utf8)) }
        do {
            _ = try A2AJSON.decodeRequest(GetTaskRequest.self, from: Data("{\"id\":".utf8))
        } catch {
            #expect(error.code == A2AError.Code.parseError)
            #expect(error.message.contains("Invalid JSON"))
        }
    }

    @Test func decodeRequestReportsShapeErrorsAsInvalidParamsNamingTheField() {
        do {
            _ = try A2AJSON.decodeRequest(GetTaskRequest.self, from: Data(#"{"id":"t","historyLength":true}"#.utf8))
            Issue.record("expected an error")
        } catch {
            #expect(error.code == A2AError.Code.invalidParams)
            #expect(error.metadata["field"] == "historyLength")
            #expect(error.message.contains("'historyLength'"))
        }
    }

    @Test func snakeCaseVariantsFollowTheProtoFieldNames() {
        #expect(ProtoKey("taskId").snakeCaseVariant?.stringValue == "task_id")
        #expect(ProtoKey("oauth2MetadataUrl").snakeCaseVariant?.stringValue == "oauth2_metadata_url")
        #expect(ProtoKey("referenceTaskIds").snakeCaseVariant?.stringValue == "reference_task_ids")
        #expect(ProtoKey("id").snakeCaseVariant == nil)
    }

    @Test func snakeCaseInputIsAcceptedForNestedRequests() throws {
        let json = #"{"message":{"message_id":"m","context_id":"c","role":"ROLE_USER","parts":[{"text":"x"}],"reference_task_ids":["r"]},"configuration":{"accepted_output_modes":["text/plain"],"history_length":"3","return_immediately":true}}"#
        let request = try Wire.decode(SendMessageRequest.self, json)
        #expect(request.message.messageId == "m")
        #expect(request.message.contextId == "c")
        #expect(request.message.referenceTaskIds == ["r"])
        #expect(request.configuration?.acceptedOutputModes == ["text/plain"])
        #expect(request.configuration?.historyLength == 3)
        #expect(request.configuration?.returnImmediately == true)
    }
}
