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
    ///
    /// Reads the wire format directly (``ProtobufWireReader``) instead of building the generated
    /// messages first: the sink decodes every span of every agent, and SwiftProtobuf's message tree
    /// cost more than the rest of storing a span. What it accepts and refuses is SwiftProtobuf's
    /// (`OTLPWireDecodingTests` compares the two on generated and on damaged exports).
    public static func spans(fromProtobuf body: Data) throws(OTLPDecodingError) -> [RecordedSpan] {
        let result: Result<[RecordedSpan], OTLPDecodingError> = body.withUnsafeBytes { bytes in
            var decoder = OTLPWireDecoder()
            do {
                var request = ProtobufWireReader(bytes)
                while let field = try request.nextField() {
                    if field == (1, .lengthDelimited) {
                        var resourceSpans = try request.message()
                        try decoder.readResourceSpans(&resourceSpans)
                    } else {
                        try request.skip(field.type, number: field.number)
                    }
                }
            } catch {
                return .failure(.notAnExportRequest("\(error)"))
            }
            if let name = decoder.firstInvalidIdentifier { return .failure(.invalidIdentifier(name)) }
            return .success(decoder.spans)
        }
        return try result.get()
    }

    /// Lowercase hex, two digits a byte, written straight into the string's storage.
    static func hex(_ bytes: UnsafeRawBufferPointer) -> String {
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
