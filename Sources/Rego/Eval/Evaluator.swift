/// Evaluates compiled terms and bodies for one query evaluation. Search with backtracking:
/// every producer calls a continuation per solution; a continuation returns `true` to stop.
final class Evaluator {
    typealias Next = () throws(RegoError) -> Bool
    typealias Yield = (RegoValue) throws(RegoError) -> Bool

    let program: Program
    let data: RegoValue
    // Single-threaded by construction (one evaluator per evaluation): no runtime exclusivity checks.
    @exclusivity(unchecked) var context: EvalContext
    private let now: Int64?
    /// Builtin state (clock, compiled patterns), created when a builtin first needs it.
    lazy var environment = EvalEnvironment(now: now, regexes: program.regexes, globs: program.globPatterns)
    /// Shared by every definition that has no variables.
    let emptyFrame = Frame.make(size: 0)

    init(program: Program, input: RegoValue?, data: RegoValue, now: Int64?) {
        self.program = program
        self.data = data
        context = EvalContext(input: input, overrides: [], ruleCount: program.ruleSets.count)
        self.now = now
    }

    func evalBody(_ body: [CLiteral], from index: Int, _ frame: Frame, _ next: Next) throws(RegoError) -> Bool {
        if index == body.count { return try next() }
        return try evalLiteral(body[index], frame) { () throws(RegoError) -> Bool in
            try self.evalBody(body, from: index + 1, frame, next)
        }
    }

    func evalLiteral(_ literal: CLiteral, _ frame: Frame, _ next: Next) throws(RegoError) -> Bool {
        if !literal.modifiers.isEmpty {
            return try evalWith(literal, frame, next)
        }
        if literal.negated {
            let found = try evalKind(literal, frame) { () throws(RegoError) -> Bool in true }
            return found ? false : try next()
        }
        return try evalKind(literal, frame, next)
    }

    private func evalKind(_ literal: CLiteral, _ frame: Frame, _ next: Next) throws(RegoError) -> Bool {
        switch literal.kind {
        case .truthy(let term):
            if literal.isSingleValued {
                guard let value = try value(of: term, frame), value != .bool(false) else { return false }
                return try next()
            }
            return try evalTerm(term, frame) { (value) throws(RegoError) -> Bool in
                value == .bool(false) ? false : try next()
            }
        case .compare(let op, let a, let b):
            if literal.isSingleValued {
                guard let x = try value(of: a, frame), let y = try value(of: b, frame) else { return false }
                return Self.compare(op, x, y) ? try next() : false
            }
            return try evalTerm(a, frame) { (x) throws(RegoError) -> Bool in
                try self.evalTerm(b, frame) { (y) throws(RegoError) -> Bool in
                    Self.compare(op, x, y) ? try next() : false
                }
            }
        case .unify(let pairs):
            return try evalUnify(pairs, from: 0, frame, next)
        case .someIn(let key, let value, let collection):
            return try evalTerm(collection, frame) { (container) throws(RegoError) -> Bool in
                try self.forEachMember(of: container) { (k, v) throws(RegoError) -> Bool in
                    if let key {
                        return try self.match(key, k, frame) { () throws(RegoError) -> Bool in
                            try self.match(value, v, frame, next)
                        }
                    }
                    return try self.match(value, v, frame, next)
                }
            }
        case .every(let key, let value, let domain, let body):
            return try evalTerm(domain, frame) { (container) throws(RegoError) -> Bool in
                guard try self.everyHolds(key: key, value: value, container: container, body: body, frame) else { return false }
                return try next()
            }
        case .declaration:
            return try next()
        case .callOutput(let call, let output):
            return try evalTerm(call, frame) { (result) throws(RegoError) -> Bool in
                try self.match(output, result, frame, next)
            }
        }
    }

    private func evalUnify(_ pairs: [(pattern: CPattern, value: CTerm)], from index: Int, _ frame: Frame, _ next: Next) throws(RegoError) -> Bool {
        if index == pairs.count { return try next() }
        return try evalTerm(pairs[index].value, frame) { (value) throws(RegoError) -> Bool in
            try self.match(pairs[index].pattern, value, frame) { () throws(RegoError) -> Bool in
                try self.evalUnify(pairs, from: index + 1, frame, next)
            }
        }
    }

    /// `every`: the body has a solution for each member of `container` (which must be a collection).
    private func everyHolds(key: Int?, value: Int, container: RegoValue, body: [CLiteral], _ frame: Frame) throws(RegoError) -> Bool {
        switch container {
        case .array, .set, .object: break
        default: return false
        }
        var holds = true
        _ = try forEachMember(of: container) { (k, v) throws(RegoError) -> Bool in
            if let key { frame[key] = k }
            frame[value] = v
            let found = try self.evalBody(body, from: 0, frame) { () throws(RegoError) -> Bool in true }
            if let key { frame[key] = nil }
            frame[value] = nil
            if !found { holds = false }
            return !found
        }
        return holds
    }

    /// Calls `body` with (key, value) for each member: array (index, element), object (key, value),
    /// set (element, element). Non-collections have no members.
    func forEachMember(of container: RegoValue, _ body: (RegoValue, RegoValue) throws(RegoError) -> Bool) throws(RegoError) -> Bool {
        switch container {
        case .array(let elements):
            for (index, element) in elements.enumerated() where try body(.int(index), element) { return true }
        case .set(let set):
            for element in set.elements where try body(element, element) { return true }
        case .object(let object):
            for entry in object.entries where try body(entry.key, entry.value) { return true }
        default:
            break
        }
        return false
    }

    /// Evaluates a literal under `with` modifiers; the rest of the body runs without them.
    private func evalWith(_ literal: CLiteral, _ frame: Frame, _ next: Next) throws(RegoError) -> Bool {
        var input = context.input
        var overrides = context.overrides
        for modifier in literal.modifiers {
            guard let value = try value(of: modifier.value, frame) else { return false }
            switch modifier.target {
            case .input(let path):
                input = path.isEmpty ? value : DocumentPatch.setting(input ?? .emptyObject, at: path[...], to: value)
            case .data(let path):
                overrides.append((path, value))
            }
        }
        let outer = context
        let inner = EvalContext(input: input, overrides: overrides, ruleCount: program.ruleSets.count)
        let plain = CLiteral(kind: literal.kind, negated: literal.negated, modifiers: [], location: literal.location)
        context = inner
        defer { context = outer }
        return try evalLiteral(plain, frame) { () throws(RegoError) -> Bool in
            self.context = outer
            defer { self.context = inner }
            return try next()
        }
    }
}
