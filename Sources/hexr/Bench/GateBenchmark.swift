import A2A
import Foundation
import Hexr
import HexrPolicy
import SPIFFE
import Tracing

/// The whole policy gate of an agent, as a request meets it: parse the caller's SPIFFE ID, build
/// the input document, decide with the embedded default policy, record the decision span.
struct GateBenchmark {
    var decisions: Int

    func run() async throws -> LatencyRecorder {
        let destination = try SPIFFEID(parsing: "spiffe://hexr.local/agent/bench/server")
        let gate = PolicyGate(authorizer: EmbeddedAuthorizer(bundle: try .defaultPolicy(), logger: SendMessageBenchmark.logger),
                              destination: { destination }, tracer: NoOpTracer(), logger: SendMessageBenchmark.logger)
        let request = A2AGateRequest(method: .sendMessage, taskID: nil, contextID: nil, skill: nil)
        let context = A2ACallContext(caller: "spiffe://hexr.local/agent/bench/client")
        for _ in 0..<min(1000, decisions) { try await gate.admit(request, context: context) }
        var recorder = LatencyRecorder(capacity: decisions)
        for _ in 0..<decisions {
            let start = ContinuousClock.now
            try await gate.admit(request, context: context)
            recorder.record(ContinuousClock.now - start)
        }
        return recorder
    }
}
