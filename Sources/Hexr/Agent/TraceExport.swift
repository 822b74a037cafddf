import Foundation
import Logging
import OTel
import ServiceLifecycle

/// Span export for agent executables: OTLP/HTTP with swift-otel, configured by the standard
/// `OTEL_*` variables (`hexr up` points them at its control plane unless they already name a
/// collector). Nothing is exported when no OTLP endpoint is configured or `OTEL_SDK_DISABLED=true`.
enum TraceExport {
    /// Bootstraps the global tracer and returns the exporter service (whose graceful shutdown
    /// flushes the last spans), or `nil` when export is not configured.
    static func bootstrap(serviceName: String, environment: [String: String], logger: Logger) throws -> (any Service)? {
        guard environment["OTEL_SDK_DISABLED"]?.lowercased() != "true",
              environment["OTEL_EXPORTER_OTLP_TRACES_ENDPOINT"] != nil || environment["OTEL_EXPORTER_OTLP_ENDPOINT"] != nil
        else { return nil }
        var configuration = OTel.Configuration.default
        configuration.serviceName = serviceName
        configuration.logs.enabled = false
        configuration.metrics.enabled = false
        SpanBatching.apply(to: &configuration)
        let service = try OTel.bootstrap(configuration: configuration, environment: environment)
        logger.debug("exporting spans over OTLP/HTTP")
        return service
    }
}
