import Rego

/// One line of a ``DecisionLog``, read back: the recorded input and outcome.
struct DecisionLogEntry {
    var decisionID: String
    var input: RegoValue
    var allow: Bool
    var reasons: [String]

    /// What is wrong with a line that is not a decision log entry.
    struct Malformed: Error {
        var problem: String
    }

    /// Parses one JSON line as ``DecisionLog`` writes it.
    init(line: some Collection<UInt8>) throws(Malformed) {
        let value: RegoValue
        do {
            value = try RegoValue(jsonData: line)
        } catch {
            throw Malformed(problem: "not JSON: \(error.message)")
        }
        guard case .object(let entry) = value else { throw Malformed(problem: "not a JSON object") }
        guard case .string(let id)? = entry["decision_id"] else {
            throw Malformed(problem: "no string \"decision_id\"")
        }
        guard let input = entry["input"] else { throw Malformed(problem: "no \"input\"") }
        guard case .bool(let allow)? = entry["result"]?["allow"] else {
            throw Malformed(problem: "no boolean \"result.allow\"")
        }
        var reasons: [String] = []
        switch entry["result"]?["reasons"] {
        case nil:
            break
        case .array(let items)?:
            for item in items {
                guard case .string(let reason) = item else {
                    throw Malformed(problem: "\"result.reasons\" holds a \(item.typeName), not a string")
                }
                reasons.append(reason)
            }
        case let other?:
            throw Malformed(problem: "\"result.reasons\" is a \(other.typeName), not an array")
        }
        decisionID = id
        self.input = input
        self.allow = allow
        self.reasons = reasons
    }
}
