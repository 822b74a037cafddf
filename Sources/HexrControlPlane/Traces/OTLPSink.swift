import Foundation
import HexrTraceStore
import Hummingbird
import Logging
import NIOCore
import ServiceLifecycle

/// The control plane's OTLP/HTTP trace receiver (`POST /v1/traces`, protobuf) on loopback: the
/// agents of `hexr up` export their spans here, into the state directory's span store, so a run
/// can be seen without a collector. Plain HTTP on 127.0.0.1 only — spans are telemetry, not
/// agent traffic; point `OTEL_EXPORTER_OTLP_ENDPOINT` at a collector to send them elsewhere.
public struct OTLPSink: Service {
    public static let tracesPath = "/v1/traces"
    private let application: Application<RouterResponder<BasicRequestContext>>

    /// - Parameter onListening: called with `http://127.0.0.1:<port>` once the sink accepts spans.
    public init(store: SQLiteSpanStore, maxBodyBytes: Int = 16 << 20,
                onListening: @escaping @Sendable (URL) async -> Void, logger: Logger) {
        let router = Router()
        router.post(RouterPath(Self.tracesPath)) { request, _ -> Response in
            guard request.headers[.contentType]?.hasPrefix("application/x-protobuf") == true else {
                return Response(status: .unsupportedMediaType, headers: [.contentType: "text/plain"],
                                body: .init(byteBuffer: ByteBuffer(string: "only application/x-protobuf OTLP is accepted")))
            }
            let body = try await request.body.collect(upTo: maxBodyBytes)
            do {
                try await store.save(otlpExport: Data(buffer: body))
            } catch let error as OTLPDecodingError {
                logger.warning("OTLP export refused", metadata: ["error": "\(error)"])
                return Response(status: .badRequest, headers: [.contentType: "text/plain"],
                                body: .init(byteBuffer: ByteBuffer(string: error.description)))
            }
            return Response(status: .ok, headers: [.contentType: "application/x-protobuf"],
                            body: .init(byteBuffer: ByteBuffer(bytes: OTLPTraceDecoding.successResponse)))
        }
        application = Application(
            router: router, configuration: .init(address: .hostname("127.0.0.1", port: 0), serverName: nil),
            onServerRunning: { channel in
                await onListening(URL(string: "http://127.0.0.1:\(channel.localAddress?.port ?? 0)")!)
            }, logger: logger)
    }

    public func run() async throws {
        try await application.run()
    }
}
