import A2A
import Hummingbird
import NIOCore
import ServiceLifecycle

/// The body of a `text/event-stream` response: one SSE frame per payload, and a `: ping` comment
/// every `keepAlive`.
///
/// - A client that went away is noticed at the next write (at the latest at the next ping): the
///   stream ends and its task subscription is released, instead of the connection being held until
///   the task ends, which for an `input-required` task may be never.
/// - Proxies and clients with idle timeouts see traffic on long-lived streams.
/// - On graceful shutdown the stream ends cleanly (the client sees the end of the response and can
///   resubscribe elsewhere), so an open subscription never holds up a shutdown.
enum SSEResponseBody {
    /// The keep-alive comment (ignored by SSE parsers; ours and the a2a-sdk's skip it).
    static let ping: [UInt8] = Array(": ping\n\n".utf8)

    static func make(_ payloads: A2ASSEPayloads, keepAlive: Duration) -> ResponseBody {
        ResponseBody { writer in
            let (frames, sink) = AsyncStream.makeStream(of: [UInt8].self, bufferingPolicy: .unbounded)
            try await withThrowingTaskGroup(of: Void.self) { group in
                group.addTask {
                    for await payload in payloads.cancelOnGracefulShutdown() {
                        sink.yield(SSEEvent.frame(json: payload))
                    }
                    sink.finish()
                }
                group.addTask {
                    while (try? await Task.sleep(for: keepAlive)) != nil {
                        sink.yield(ping)
                    }
                }
                // Throws when the client is gone; leaving the group then cancels both producers.
                for await frame in frames {
                    try await writer.write(ByteBuffer(bytes: frame))
                }
                group.cancelAll()
            }
            try await writer.finish(nil)
        }
    }
}
