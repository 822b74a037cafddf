/// Compile-time analyses of a rule's definitions that let evaluation skip work.
enum RuleIndexBuilder {
    /// The value every definition yields, when all are single-clause and yield the same constant.
    static func constantValue(of definitions: [Definition]) -> RegoValue? {
        var common: RegoValue?
        for definition in definitions {
            guard definition.clauses.count == 1, case .constant(let value) = definition.clauses[0].value else { return nil }
            if let existing = common, existing != value { return nil }
            common = value
        }
        return common
    }

    /// An index on the input path that the most definitions compare with a constant
    /// (`input.method == "GET"`), when at least two do.
    static func index(for definitions: [Definition]) -> RuleIndex? {
        guard definitions.count >= 2 else { return nil }
        var constraints: [[[RegoValue]: RegoValue]] = []
        var pathCounts: [[RegoValue]: Int] = [:]
        for definition in definitions {
            var found: [[RegoValue]: RegoValue] = [:]
            if definition.clauses.count == 1 {
                for literal in definition.clauses[0].body {
                    guard let (path, value) = equalityConstraint(literal), found[path] == nil else { continue }
                    found[path] = value
                }
            }
            for path in found.keys { pathCounts[path, default: 0] += 1 }
            constraints.append(found)
        }
        guard let best = pathCounts.max(by: { $0.value < $1.value || ($0.value == $1.value && $0.key.lexicographicallyPrecedes($1.key)) }),
            best.value >= 2
        else { return nil }
        var byValue: [RegoValue: [Int]] = [:]
        var unconstrained: [Int] = []
        for (index, found) in constraints.enumerated() {
            if let value = found[best.key] {
                byValue[value, default: []].append(index)
            } else {
                unconstrained.append(index)
            }
        }
        for key in byValue.keys {
            byValue[key] = (byValue[key]! + unconstrained).sorted()
        }
        return RuleIndex(inputPath: best.key, byValue: byValue, unconstrained: unconstrained)
    }

    /// `(path, constant)` for `input.path == constant`, `constant == input.path` or `input.path = constant`.
    private static func equalityConstraint(_ literal: CLiteral) -> ([RegoValue], RegoValue)? {
        guard !literal.negated, literal.modifiers.isEmpty else { return nil }
        switch literal.kind {
        case .compare(.equal, let a, let b):
            if let path = inputPath(a), case .constant(let value) = b { return (path, value) }
            if let path = inputPath(b), case .constant(let value) = a { return (path, value) }
        case .unify(let pairs) where pairs.count == 1:
            if case .value(let a) = pairs[0].pattern, let path = inputPath(a), case .constant(let value) = pairs[0].value {
                return (path, value)
            }
        default:
            break
        }
        return nil
    }

    private static func inputPath(_ term: CTerm) -> [RegoValue]? {
        guard case .ref(.input, let segments) = term, !segments.isEmpty else { return nil }
        var path: [RegoValue] = []
        for segment in segments {
            switch segment {
            case .field(let name): path.append(.string(name))
            case .key(let key): path.append(key)
            default: return nil
            }
        }
        return path
    }
}
