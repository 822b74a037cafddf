/// Compiles resolved terms to evaluable terms, checking that every variable read is bound.
struct TermCompiler {
    let dataResolver: DataResolver
    let slotNames: [String]

    func compile(_ term: RTerm, _ safety: inout Safety) throws(RegoError) -> CTerm {
        switch term.kind {
        case .scalar(let value):
            return .constant(value)
        case .local(let slot):
            safety.require(slot, at: term.location)
            return .local(slot)
        case .wildcard(let slot):
            safety.require(slot, at: term.location)
            return .local(slot)
        case .input:
            return .ref(.input, [])
        case .data(let path):
            return try dataResolver.reference(path: path, segments: [], at: term.location)
        case .ref(let head, let path):
            return try compileRef(head: head, path: path, &safety, at: term.location)
        case .array(let elements):
            let compiled = try compileAll(elements, &safety)
            if let constants = constantValues(compiled) { return .constant(.array(constants)) }
            return .array(compiled)
        case .set(let elements):
            let compiled = try compileAll(elements, &safety)
            if let constants = constantValues(compiled) { return .constant(.set(RegoSet(constants))) }
            return .set(compiled)
        case .object(let pairs):
            var compiled: [(key: CTerm, value: CTerm)] = []
            for pair in pairs {
                compiled.append((try compile(pair.key, &safety), try compile(pair.value, &safety)))
            }
            if let keys = constantValues(compiled.map(\.key)), let values = constantValues(compiled.map(\.value)) {
                return .constant(.object(RegoObject(Array(zip(keys, values)))))
            }
            return .object(compiled)
        case .builtin(let builtin, let arguments):
            guard arguments.count == builtin.arity else {
                throw RegoError(.compile, "function '\(builtin.name)' takes \(builtin.arity) arguments, not \(arguments.count)", at: term.location)
            }
            let compiled = try compileAll(arguments, &safety)
            if let op = BinaryOperator(builtinName: builtin.name) {
                return .binary(op, compiled[0], compiled[1])
            }
            try checkConstantOperands(builtin, compiled, at: term.location)
            return .builtin(builtin, compiled)
        case .function(let id, let arguments):
            guard arguments.count == dataResolver.arity(of: id) else {
                throw RegoError(.compile, "function '\(dataResolver.name(of: id))' takes \(dataResolver.arity(of: id)) arguments, not \(arguments.count)", at: term.location)
            }
            return .function(id, try compileAll(arguments, &safety))
        case .membership(let key, let value, let collection):
            let compiledKey = try key.map { (k) throws(RegoError) in try compile(k, &safety) }
            return .membership(key: compiledKey, value: try compile(value, &safety), collection: try compile(collection, &safety))
        case .comprehension(let comprehension):
            return try compileComprehension(comprehension, &safety, at: term.location)
        }
    }

    /// Fails loading when constant operands use something OPA supports but this evaluator lacks:
    /// the builtin's own check, or (all operands constant) a trial call at compile time.
    private func checkConstantOperands(_ builtin: Builtin, _ operands: [CTerm], at location: RegoLocation) throws(RegoError) {
        let constants = operands.map { term -> RegoValue? in
            if case .constant(let value) = term { return value }
            return nil
        }
        var problem = builtin.constantCheck?(constants)
        if problem == nil, builtin.arity > 0, constants.allSatisfy({ $0 != nil }) {
            let environment = EvalEnvironment(now: 0, regexes: RegexCache(), globs: GlobCache())
            do throws(BuiltinError) {
                _ = try builtin.body(BuiltinArguments(values: constants.map { $0! }, name: builtin.name), environment)
            } catch {
                if error.isUnsupported { problem = error }
            }
        }
        if let problem {
            throw RegoError.unsupported("\(problem.message) (in '\(builtin.name)')", at: location)
        }
    }

    func compileAll(_ terms: [RTerm], _ safety: inout Safety) throws(RegoError) -> [CTerm] {
        var compiled: [CTerm] = []
        compiled.reserveCapacity(terms.count)
        for term in terms { compiled.append(try compile(term, &safety)) }
        return compiled
    }

    private func constantValues(_ terms: [CTerm]) -> [RegoValue]? {
        var values: [RegoValue] = []
        values.reserveCapacity(terms.count)
        for term in terms {
            guard case .constant(let value) = term else { return nil }
            values.append(value)
        }
        return values
    }

    private func compileRef(head: RTerm, path: [RTerm], _ safety: inout Safety, at location: RegoLocation) throws(RegoError) -> CTerm {
        switch head.kind {
        case .data(let prefix):
            var staticPath = prefix
            var rest = path[...]
            while let first = rest.first, case .scalar(.string(let key)) = first.kind {
                staticPath.append(key)
                rest = rest.dropFirst()
            }
            let segments = try compileSegments(Array(rest), &safety)
            return try dataResolver.reference(path: staticPath, segments: segments, at: location)
        case .input:
            return .ref(.input, try compileSegments(path, &safety))
        case .local(let slot):
            safety.require(slot, at: head.location)
            return .ref(.local(slot), try compileSegments(path, &safety))
        default:
            let base = try compile(head, &safety)
            return .ref(.term(base), try compileSegments(path, &safety))
        }
    }

    private func compileSegments(_ path: [RTerm], _ safety: inout Safety) throws(RegoError) -> [Segment] {
        var segments: [Segment] = []
        segments.reserveCapacity(path.count)
        for segment in path {
            switch segment.kind {
            case .scalar(.string(let name)):
                segments.append(.field(name))
            case .scalar(let value):
                segments.append(.key(value))
            case .local(let slot), .wildcard(let slot):
                if safety.bound.contains(slot) {
                    segments.append(.term(.local(slot)))
                } else {
                    safety.bound.insert(slot)
                    segments.append(.iterate(slot))
                }
            default:
                let compiled = try compile(segment, &safety)
                if case .constant(.string(let name)) = compiled {
                    segments.append(.field(name))
                } else if case .constant(let value) = compiled {
                    segments.append(.key(value))
                } else {
                    segments.append(.term(compiled))
                }
            }
        }
        return segments
    }

    private func compileComprehension(
        _ comprehension: RComprehension, _ safety: inout Safety, at location: RegoLocation
    ) throws(RegoError) -> CTerm {
        for slot in comprehension.outerSlots.sorted() {
            safety.require(slot, at: location)
        }
        let bodyCompiler = BodyCompiler(terms: self)
        let (body, bound) = try bodyCompiler.compileBody(comprehension.body, bound: safety.bound, at: location)
        var headSafety = Safety(bound: bound)
        let kind: Comprehension.Kind
        switch comprehension.kind {
        case .array(let head): kind = .array(try compile(head, &headSafety))
        case .set(let head): kind = .set(try compile(head, &headSafety))
        case .object(let key, let value):
            kind = .object(key: try compile(key, &headSafety), value: try compile(value, &headSafety))
        }
        try bodyCompiler.checkSafe(headSafety)
        return .comprehension(Comprehension(kind: kind, body: body))
    }

    /// A pattern for unification: free variables bind, structures destructure, the rest is evaluated.
    func compilePattern(_ term: RTerm, _ safety: inout Safety) throws(RegoError) -> CPattern {
        switch term.kind {
        case .local(let slot):
            safety.bound.insert(slot)
            return .variable(slot)
        case .wildcard:
            return .wildcard
        case .array(let elements):
            var patterns: [CPattern] = []
            for element in elements { patterns.append(try compilePattern(element, &safety)) }
            return .array(patterns)
        case .object(let pairs):
            var patterns: [(key: RegoValue, value: CPattern)] = []
            for pair in pairs {
                guard case .constant(let key) = try compile(pair.key, &safety) else {
                    return .value(try compile(term, &safety))
                }
                patterns.append((key, try compilePattern(pair.value, &safety)))
            }
            return .object(patterns)
        default:
            return .value(try compile(term, &safety))
        }
    }
}

extension BinaryOperator {
    init?(builtinName: String) {
        switch builtinName {
        case "equal": self = .equal
        case "neq": self = .notEqual
        case "lt": self = .less
        case "lte": self = .lessOrEqual
        case "gt": self = .greater
        case "gte": self = .greaterOrEqual
        case "plus": self = .plus
        case "minus": self = .minus
        case "mul": self = .multiply
        case "div": self = .divide
        case "rem": self = .remainder
        case "or": self = .union
        case "and": self = .intersection
        default: return nil
        }
    }

    var isComparison: Bool {
        switch self {
        case .equal, .notEqual, .less, .lessOrEqual, .greater, .greaterOrEqual: true
        default: false
        }
    }
}
