import A2A
import A2AHTTP
import Foundation
import InMemoryTracing
import Testing
import Tracing

/// The caller's trace survives every way a task is reached: the SSE stream of a streaming send,
/// GetTask polling, and the push-notification webhook (which carries the trace context).
@Suite struct TraceContextTests {
    @Test func streamingPollingAndPushKeepTheCallersTrace() async throws {
        let tracer = InMemoryTracer()
        let webhook = WebhookReceiver()
        try await webhook.run { hook in
            try await withAgentServer(pushSender: HTTPPushNotificationSender(tracer: tracer), tracer: tracer) { base, _ in
                let transport = PooledHTTPClient()
                let client = try await makeClient(base, binding: AgentInterface.Binding.jsonRPC,
                                                  transport: PooledHTTPClient())
                let traced = try A2AClient(card: client.card, transport: TracePropagatingTransport(transport, tracer: tracer))
                let traceID = try await tracer.withSpan("caller", ofKind: .internal) { span in
                    // SSE: a streaming send, read to its end.
                    let events = try await traced.sendStreamingMessage(SendMessageRequest(message: .user("streamed")))
                    var streamedTask: String?
                    for try await event in events {
                        if case .task(let task) = event { streamedTask = task.id }
                    }
                    // Push: a send with an inline webhook; polling: GetTask on it.
                    let push = TaskPushNotificationConfig(tenant: nil, id: nil, taskId: nil, url: hook.absoluteString,
                                                          token: "tok", authentication: nil)
                    var configuration = SendMessageConfiguration(returnImmediately: true)
                    configuration.taskPushNotificationConfig = push
                    guard case .task(let pushed) = try await traced.sendMessage(text: "pushed", configuration: configuration) else {
                        throw UnexpectedResponse(response: "a message")
                    }
                    _ = try await traced.getTask(id: pushed.id)
                    #expect(streamedTask != nil)
                    return span.context.inMemorySpanContext?.traceID
                }
                let caller = try #require(traceID)
                #expect(try await webhook.wait { deliveries in
                    deliveries.contains { $0.body.count > 0 && String(decoding: $0.body, as: UTF8.self).contains("TASK_STATE_COMPLETED") }
                })
                await transport.closeIdleConnections()

                let servers = tracer.finishedSpans.filter { $0.kind == .server }
                #expect(Set(servers.map(\.operationName)) == ["A2A SendStreamingMessage", "A2A SendMessage", "A2A GetTask"])
                #expect(servers.allSatisfy { $0.traceID == caller }, "\(servers.map { ($0.operationName, $0.traceID) })")
                let handlers = tracer.finishedSpans.filter { $0.operationName == "handle task" }
                #expect(handlers.count == 2 && handlers.allSatisfy { $0.traceID == caller })
                #expect(!webhook.received.isEmpty)
                #expect(webhook.received.allSatisfy { $0.headers[InMemoryTracer.traceIDKey] == caller },
                        "\(webhook.received.map(\.headers))")
            }
        }
    }
}
