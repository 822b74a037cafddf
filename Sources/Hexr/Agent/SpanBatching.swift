import OTel

/// How an agent batches its spans for export: swift-otel's batch span processor, sized so that a
/// busy agent exports every span instead of dropping them.
///
/// The processor exports one batch per tick (its timer, or its queue filling up) and waits for
/// the export before the next; spans that arrive while the queue is full are dropped. With the
/// OpenTelemetry defaults (every 5 s, batches of 512, a queue of 2,048) an agent serving a few
/// thousand requests a second loses spans: `hexr bench hop` at 16 connections (about 15,000 spans
/// a second) lost 2.4% of them. Every 100 ms in batches of up to 2,048 keeps up with 20,000 a
/// second, and a queue of 8,192 holds half a second of that while an export is under way.
/// The standard `OTEL_BSP_*` variables still override each value.
public enum SpanBatching {
    public static let scheduleDelayMilliseconds = 100
    public static let maxExportBatchSize = 2048
    public static let maxQueueSize = 8192

    /// Sets these values on `configuration`.
    public static func apply(to configuration: inout OTel.Configuration) {
        configuration.traces.batchSpanProcessor.scheduleDelay = .milliseconds(scheduleDelayMilliseconds)
        configuration.traces.batchSpanProcessor.maxExportBatchSize = maxExportBatchSize
        configuration.traces.batchSpanProcessor.maxQueueSize = maxQueueSize
    }

    /// The same values as `OTEL_BSP_*` variables, for agents that are not built with this SDK
    /// (`hexr up` sets each one the user has not).
    public static var environment: [String: String] {
        ["OTEL_BSP_SCHEDULE_DELAY": String(scheduleDelayMilliseconds),
         "OTEL_BSP_MAX_EXPORT_BATCH_SIZE": String(maxExportBatchSize),
         "OTEL_BSP_MAX_QUEUE_SIZE": String(maxQueueSize)]
    }
}
