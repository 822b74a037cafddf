import Foundation
import HexrPolicy
import Rego
import SPIFFE

/// Embedded policy decision latency: the default policy, and a policy of 100 `allow` rules.
struct PolicyBenchmark {
    var decisions: Int

    struct Result {
        var name: String
        /// The whole decision: input document built, evaluated, decision read.
        var latencies: LatencyRecorder
        /// The Rego evaluation alone, on a prebuilt input value.
        var evaluation: LatencyRecorder
        var allowed: Bool
    }

    /// A policy with `count` alternative `allow` bodies keyed on method and tenant (the last one matches).
    static func manyRules(_ count: Int) -> String {
        var text = "package hexr.authz\n\nimport rego.v1\n\ndefault allow := false\n\n"
        for index in 0..<count {
            text += """
                allow if {
                    input.action.method == "Method\(index)"
                    input.source.tenant == "tenant-\(index)"
                    startswith(input.destination.spiffe_id, "spiffe://hexr.local/agent/")
                }


                """
        }
        text += "decision := {\"allow\": allow, \"reasons\": [\"rule set\"]}\n"
        return text
    }

    func run() throws -> [Result] {
        let source = AuthorizationInput.Principal(try SPIFFEID(parsing: "spiffe://hexr.local/agent/tenant-99/coordinator"))
        let destination = AuthorizationInput.Principal(
            try SPIFFEID(parsing: "spiffe://hexr.local/agent/tenant-99/research-analyst"))
        let defaultInput = AuthorizationInput(
            source: source, destination: destination, action: .init(kind: .a2a, method: "SendMessage"))
        let manyInput = AuthorizationInput(
            source: source, destination: destination, action: .init(kind: .a2a, method: "Method99"))
        let cases: [(String, PolicyBundle, AuthorizationInput)] = [
            ("default policy", try .defaultPolicy(), defaultInput),
            ("100-rule policy", try PolicyBundle(sources: [("many.rego", Self.manyRules(100))]), manyInput),
        ]
        return cases.map { name, bundle, input in
            var recorder = LatencyRecorder(capacity: decisions)
            var allowed = false
            for _ in 0..<min(1000, decisions) { allowed = bundle.decide(input).allow }  // warm-up
            for _ in 0..<decisions {
                let start = ContinuousClock.now
                allowed = bundle.decide(input).allow
                recorder.record(ContinuousClock.now - start)
            }
            var evaluation = LatencyRecorder(capacity: decisions)
            let value = input.regoValue
            for _ in 0..<decisions {
                let start = ContinuousClock.now
                _ = try? bundle.query.evaluate(input: value, data: bundle.data)
                evaluation.record(ContinuousClock.now - start)
            }
            return Result(name: name, latencies: recorder, evaluation: evaluation, allowed: allowed)
        }
    }
}
