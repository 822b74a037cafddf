import Foundation

/// A trace drawn for a terminal: the span tree (which process, which hop), a time bar per span,
/// durations, and what matters on each hop — the peer's SPIFFE ID, the policy decision, errors.
public struct TraceWaterfall: Sendable {
    /// Characters of the time bar.
    public var barWidth = 32
    /// Characters of the span-name column (tree included).
    public var nameWidth = 46

    public init() {}

    /// The lines of the waterfall of `spans` (one trace).
    public func render(_ spans: [RecordedSpan]) -> [String] {
        guard let first = spans.map(\.startNanos).min(), let last = spans.map(\.endNanos).max() else {
            return ["(no spans)"]
        }
        let total = max(last - first, 1)
        let services = Set(spans.map(\.service))
        var lines = ["trace \(spans[0].traceID) — \(spans.count) spans in \(services.count) processes, "
            + Self.milliseconds(total)]
        let ids = Set(spans.map(\.spanID))
        let children = Dictionary(grouping: spans.filter { $0.parentSpanID.map(ids.contains) ?? false }) { $0.parentSpanID! }
            .mapValues { $0.sorted { $0.startNanos < $1.startNanos } }
        let roots = spans.filter { $0.parentSpanID.map { !ids.contains($0) } ?? true }.sorted { $0.startNanos < $1.startNanos }

        func draw(_ span: RecordedSpan, prefix: String, isLast: Bool, isRoot: Bool) {
            let branch = isRoot ? "" : (isLast ? "└─ " : "├─ ")
            let label = Self.fit(prefix + branch + span.name, nameWidth)
            let service = Self.fit(span.service, 20)
            let offset = Int(Double(span.startNanos - first) / Double(total) * Double(barWidth))
            let length = max(1, Int((Double(span.durationNanos) / Double(total) * Double(barWidth)).rounded()))
            let bar = String(repeating: " ", count: min(offset, barWidth - 1))
                + String(repeating: span.status == .error ? "▒" : "█", count: min(length, barWidth - min(offset, barWidth - 1)))
            let note = Self.note(span)
            lines.append("\(label) \(service) \(Self.fit(bar, barWidth)) \(Self.pad(Self.milliseconds(span.durationNanos), 9))"
                + (note.isEmpty ? "" : "  " + note))
            let kids = children[span.spanID] ?? []
            let childPrefix = isRoot ? prefix : prefix + (isLast ? "   " : "│  ")
            for (index, child) in kids.enumerated() {
                draw(child, prefix: childPrefix, isLast: index == kids.count - 1, isRoot: false)
            }
        }
        for root in roots { draw(root, prefix: "", isLast: true, isRoot: true) }
        return lines
    }

    /// The one thing worth reading beside a span.
    static func note(_ span: RecordedSpan) -> String {
        let attributes = span.attributes
        if span.name == "hexr.authz.decision" {
            let verdict = attributes["hexr.authz.allow"] == "true" ? "allow" : "DENY"
            let reasons = attributes["hexr.authz.reasons"].map { $0.trimmingCharacters(in: CharacterSet(charactersIn: "[]")) } ?? ""
            return "\(verdict): \(reasons) (decision \(attributes["hexr.authz.decision_id"] ?? "?"))"
        }
        if span.status == .error {
            let recorded = span.events.last { $0.name == "exception" }?.attributes["exception.message"]
            return "✗ " + (span.statusMessage.isEmpty ? recorded ?? attributes["error.type"] ?? "error" : span.statusMessage)
        }
        if span.kind == "client", let target = attributes["hexr.target.spiffe_id"] { return "→ \(target)" }
        if span.kind == "server", let caller = attributes["hexr.caller.spiffe_id"] { return "← \(caller)" }
        if let model = attributes["gen_ai.response.model"] ?? attributes["gen_ai.request.model"] {
            let tokens = attributes["gen_ai.usage.output_tokens"].map { ", \($0) tokens out" } ?? ""
            return "model \(model)\(tokens)"
        }
        if let state = span.events.last(where: { $0.name == "a2a.task.state" })?.attributes["a2a.task.state"] {
            return state
        }
        return ""
    }

    static func milliseconds(_ nanos: UInt64) -> String {
        String(format: "%.1f ms", Double(nanos) / 1_000_000)
    }

    static func fit(_ text: String, _ width: Int) -> String {
        text.count > width ? String(text.prefix(width - 1)) + "…" : text.padding(toLength: width, withPad: " ", startingAt: 0)
    }

    static func pad(_ text: String, _ width: Int) -> String {
        text.count >= width ? text : String(repeating: " ", count: width - text.count) + text
    }
}
