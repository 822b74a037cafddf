import Foundation
import SwiftProtobuf

/// OTLP/HTTP trace export (`POST /v1/traces`, `application/x-protobuf`): the spans of an
/// `ExportTraceServiceRequest`, and the response body a receiver answers with.
public enum OTLPTraceDecoding {
    /// The body of a successful export response (an empty `ExportTraceServiceResponse`).
    public static let successResponse: Data = {
        (try? Opentelemetry_Proto_Collector_Trace_V1_ExportTraceServiceResponse().serializedData()) ?? Data()
    }()

    /// Decodes an export request; throws ``OTLPDecodingError`` for a body that is not one.
    public static func spans(fromProtobuf body: Data) throws(OTLPDecodingError) -> [RecordedSpan] {
        let request: Opentelemetry_Proto_Collector_Trace_V1_ExportTraceServiceRequest
        do {
            request = try Opentelemetry_Proto_Collector_Trace_V1_ExportTraceServiceRequest(serializedBytes: body)
        } catch {
            throw .notAnExportRequest("\(error)")
        }
        var spans: [RecordedSpan] = []
        for resourceSpans in request.resourceSpans {
            let resource = attributes(resourceSpans.resource.attributes)
            let service = resource["service.name"] ?? "unknown_service"
            for scopeSpans in resourceSpans.scopeSpans {
                for span in scopeSpans.spans {
                    guard span.traceID.count == 16, span.spanID.count == 8 else {
                        throw .invalidIdentifier(span.name)
                    }
                    spans.append(RecordedSpan(
                        traceID: hex(span.traceID), spanID: hex(span.spanID),
                        parentSpanID: span.parentSpanID.isEmpty ? nil : hex(span.parentSpanID),
                        name: span.name, kind: kind(span.kind), service: service,
                        startNanos: span.startTimeUnixNano, endNanos: span.endTimeUnixNano,
                        status: status(span.status.code), statusMessage: span.status.message,
                        attributes: attributes(span.attributes),
                        events: span.events.map { event in
                            RecordedSpan.Event(name: event.name, timeNanos: event.timeUnixNano,
                                               attributes: attributes(event.attributes))
                        }))
                }
            }
        }
        return spans
    }

    /// Lowercase hex, two digits a byte, written straight into the string's storage (a sink
    /// converts three identifiers per span, hundreds of spans per export).
    private static func hex(_ bytes: Data) -> String {
        String(unsafeUninitializedCapacity: bytes.count * 2) { buffer in
            var index = 0
            for byte in bytes {
                buffer[index] = hexDigits[Int(byte >> 4)]
                buffer[index + 1] = hexDigits[Int(byte & 0x0F)]
                index += 2
            }
            return index
        }
    }

    private static let hexDigits: [UInt8] = Array("0123456789abcdef".utf8)

    private static func kind(_ kind: Opentelemetry_Proto_Trace_V1_Span.SpanKind) -> String {
        switch kind {
        case .internal: "internal"
        case .server: "server"
        case .client: "client"
        case .producer: "producer"
        case .consumer: "consumer"
        case .unspecified, .UNRECOGNIZED: "unspecified"
        }
    }

    private static func status(_ code: Opentelemetry_Proto_Trace_V1_Status.StatusCode) -> RecordedSpan.Status {
        switch code {
        case .ok: .ok
        case .error: .error
        case .unset, .UNRECOGNIZED: .unset
        }
    }

    private static func attributes(_ pairs: [Opentelemetry_Proto_Common_V1_KeyValue]) -> [String: String] {
        var result: [String: String] = [:]
        for pair in pairs { result[pair.key] = text(pair.value) }
        return result
    }

    private static func text(_ value: Opentelemetry_Proto_Common_V1_AnyValue) -> String {
        switch value.value {
        case .stringValue(let string): string
        case .boolValue(let bool): String(bool)
        case .intValue(let int): String(int)
        case .doubleValue(let double): String(double)
        case .arrayValue(let array): "[" + array.values.map(text).joined(separator: ", ") + "]"
        case .kvlistValue(let list): "{" + list.values.map { "\($0.key): \(text($0.value))" }.joined(separator: ", ") + "}"
        case .bytesValue(let bytes): hex(bytes)
        case .stringValueStrindex(let index): "#\(index)"
        case nil: ""
        }
    }
}

/// Why an OTLP body could not be read.
public enum OTLPDecodingError: Error, Sendable, Equatable, CustomStringConvertible {
    case notAnExportRequest(String)
    case invalidIdentifier(String)

    public var description: String {
        switch self {
        case .notAnExportRequest(let detail): "the body is not an OTLP ExportTraceServiceRequest: \(detail)"
        case .invalidIdentifier(let span): "span '\(span)' has a trace id that is not 16 bytes or a span id that is not 8"
        }
    }
}
