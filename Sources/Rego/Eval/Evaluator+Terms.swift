extension Evaluator {
    /// The single value of a term that does not iterate (`nil` = undefined).
    func value(of term: CTerm, _ frame: Frame) throws(RegoError) -> RegoValue? {
        switch term {
        case .constant(let value):
            return value
        case .local(let slot):
            return frame[slot]
        case .ref(let base, let segments):
            guard var current = try baseValue(base, frame) else { return nil }
            for segment in segments {
                let key: RegoValue
                switch segment {
                case .field(let name):
                    if case .object(let object) = current {
                        guard let next = object[name] else { return nil }
                        current = next
                        continue
                    }
                    key = .string(name)
                case .key(let k): key = k
                case .term(let t):
                    guard let k = try value(of: t, frame) else { return nil }
                    key = k
                case .iterate(let slot):
                    guard let k = frame[slot] else { return nil }
                    key = k
                }
                guard let next = current[key] else { return nil }
                current = next
            }
            return current
        case .array(let elements):
            var values: [RegoValue] = []
            values.reserveCapacity(elements.count)
            for element in elements {
                guard let value = try value(of: element, frame) else { return nil }
                values.append(value)
            }
            return .array(values)
        case .set(let elements):
            var values: [RegoValue] = []
            values.reserveCapacity(elements.count)
            for element in elements {
                guard let value = try value(of: element, frame) else { return nil }
                values.append(value)
            }
            return .set(RegoSet(values))
        case .object(let pairs):
            var values: [(RegoValue, RegoValue)] = []
            values.reserveCapacity(pairs.count)
            for pair in pairs {
                guard let key = try value(of: pair.key, frame), let value = try value(of: pair.value, frame) else { return nil }
                values.append((key, value))
            }
            return try Self.object(values)
        case .binary(let op, let a, let b):
            guard let x = try value(of: a, frame), let y = try value(of: b, frame) else { return nil }
            return Self.apply(op, x, y)
        case .builtin(let builtin, let arguments):
            var values: [RegoValue] = []
            values.reserveCapacity(arguments.count)
            for argument in arguments {
                guard let value = try value(of: argument, frame) else { return nil }
                values.append(value)
            }
            return try callBuiltin(builtin, values)
        case .function(let id, let arguments):
            var values: [RegoValue] = []
            values.reserveCapacity(arguments.count)
            for argument in arguments {
                guard let value = try value(of: argument, frame) else { return nil }
                values.append(value)
            }
            return try callFunction(id, values)
        case .membership(let key, let element, let collection):
            guard let v = try value(of: element, frame), let c = try value(of: collection, frame) else { return nil }
            if let key {
                guard let k = try value(of: key, frame) else { return nil }
                return .bool(Self.contains(c, key: k, value: v))
            }
            return .bool(Self.contains(c, value: v))
        case .comprehension(let comprehension):
            return try evalComprehension(comprehension, frame)
        }
    }

    /// Every value of a term, binding iteration variables while each value is yielded.
    func evalTerm(_ term: CTerm, _ frame: Frame, _ yield: Yield) throws(RegoError) -> Bool {
        if term.isSingleValued {
            guard let value = try value(of: term, frame) else { return false }
            return try yield(value)
        }
        switch term {
        case .ref(let base, let segments):
            if case .term(let baseTerm) = base {
                return try evalTerm(baseTerm, frame) { (root) throws(RegoError) -> Bool in
                    try self.walk(root, segments, from: 0, frame, yield)
                }
            }
            guard let root = try baseValue(base, frame) else { return false }
            return try walk(root, segments, from: 0, frame, yield)
        case .array(let elements):
            return try evalAll(elements, frame) { (values) throws(RegoError) -> Bool in try yield(.array(values)) }
        case .set(let elements):
            return try evalAll(elements, frame) { (values) throws(RegoError) -> Bool in try yield(.set(RegoSet(values))) }
        case .object(let pairs):
            return try evalAll(pairs.flatMap { [$0.key, $0.value] }, frame) { (values) throws(RegoError) -> Bool in
                let pairs = stride(from: 0, to: values.count, by: 2).map { (values[$0], values[$0 + 1]) }
                return try yield(try Self.object(pairs))
            }
        case .binary(let op, let a, let b):
            return try evalAll([a, b], frame) { (values) throws(RegoError) -> Bool in
                guard let result = Self.apply(op, values[0], values[1]) else { return false }
                return try yield(result)
            }
        case .builtin(let builtin, let arguments):
            return try evalAll(arguments, frame) { (values) throws(RegoError) -> Bool in
                guard let result = try self.callBuiltin(builtin, values) else { return false }
                return try yield(result)
            }
        case .function(let id, let arguments):
            return try evalAll(arguments, frame) { (values) throws(RegoError) -> Bool in
                guard let result = try self.callFunction(id, values) else { return false }
                return try yield(result)
            }
        case .membership(let key, let element, let collection):
            let terms = [element, collection] + (key.map { [$0] } ?? [])
            return try evalAll(terms, frame) { (values) throws(RegoError) -> Bool in
                let found = values.count == 3
                    ? Self.contains(values[1], key: values[2], value: values[0])
                    : Self.contains(values[1], value: values[0])
                return try yield(.bool(found))
            }
        case .constant, .local, .comprehension:
            guard let value = try value(of: term, frame) else { return false }
            return try yield(value)
        }
    }

    /// The cartesian product of the values of `terms`, left to right.
    private func evalAll(_ terms: [CTerm], _ frame: Frame, _ yield: ([RegoValue]) throws(RegoError) -> Bool) throws(RegoError) -> Bool {
        var values: [RegoValue] = []
        values.reserveCapacity(terms.count)
        func step(_ index: Int) throws(RegoError) -> Bool {
            if index == terms.count { return try yield(values) }
            return try evalTerm(terms[index], frame) { (value) throws(RegoError) -> Bool in
                values.append(value)
                let stop = try step(index + 1)
                values.removeLast()
                return stop
            }
        }
        return try step(0)
    }

    /// Follows `segments` from `current`, iterating over unbound variables.
    private func walk(_ current: RegoValue, _ segments: [Segment], from index: Int, _ frame: Frame, _ yield: Yield) throws(RegoError) -> Bool {
        if index == segments.count { return try yield(current) }
        switch segments[index] {
        case .field(let name):
            guard let next = current[.string(name)] else { return false }
            return try walk(next, segments, from: index + 1, frame, yield)
        case .key(let key):
            guard let next = current[key] else { return false }
            return try walk(next, segments, from: index + 1, frame, yield)
        case .term(let term):
            return try evalTerm(term, frame) { (key) throws(RegoError) -> Bool in
                guard let next = current[key] else { return false }
                return try self.walk(next, segments, from: index + 1, frame, yield)
            }
        case .iterate(let slot):
            if let key = frame[slot] {
                guard let next = current[key] else { return false }
                return try walk(next, segments, from: index + 1, frame, yield)
            }
            let stop = try forEachMember(of: current) { (key, child) throws(RegoError) -> Bool in
                frame[slot] = key
                return try self.walk(child, segments, from: index + 1, frame, yield)
            }
            frame[slot] = nil
            return stop
        }
    }

    private func baseValue(_ base: RefBase, _ frame: Frame) throws(RegoError) -> RegoValue? {
        switch base {
        case .input: return context.input
        case .local(let slot): return frame[slot]
        case .data(let target): return try dataValue(target)
        case .term(let term): return try value(of: term, frame)
        }
    }

    /// An object from evaluated pairs; duplicate keys with different values are an error.
    static func object(_ pairs: [(RegoValue, RegoValue)]) throws(RegoError) -> RegoValue {
        let object = RegoObject(pairs)
        if object.count != pairs.count {
            for (key, value) in pairs where object[key] != value {
                throw RegoError(.evaluation, "object keys must be unique (conflicting values for key \(key))")
            }
        }
        return .object(object)
    }

    func callBuiltin(_ builtin: Builtin, _ arguments: [RegoValue]) throws(RegoError) -> RegoValue? {
        do {
            return try builtin.body(BuiltinArguments(values: arguments, name: builtin.name), environment)
        } catch {
            // OPA (non-strict) turns builtin errors into undefined; input OPA would accept but this
            // evaluator cannot handle is an error, never a silently different answer.
            guard error.isUnsupported else { return nil }
            throw RegoError.unsupported("\(error.message) (in '\(builtin.name)')", at: nil)
        }
    }
}
