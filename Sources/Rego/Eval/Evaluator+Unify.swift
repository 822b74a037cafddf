extension Evaluator {
    /// Unifies `pattern` with `value`, binding free variables for the duration of `next`.
    func match(_ pattern: CPattern, _ value: RegoValue, _ frame: Frame, _ next: Next) throws(RegoError) -> Bool {
        switch pattern {
        case .wildcard:
            return try next()
        case .variable(let slot):
            if let bound = frame[slot] {
                return bound == value ? try next() : false
            }
            frame[slot] = value
            let stop = try next()
            frame[slot] = nil
            return stop
        case .array(let patterns):
            guard case .array(let elements) = value, elements.count == patterns.count else { return false }
            return try matchAll(patterns, elements, from: 0, frame, next)
        case .object(let pairs):
            guard case .object(let object) = value, object.count == pairs.count else { return false }
            var values: [RegoValue] = []
            values.reserveCapacity(pairs.count)
            for pair in pairs {
                guard let element = object[pair.key] else { return false }
                values.append(element)
            }
            return try matchAll(pairs.map(\.value), values, from: 0, frame, next)
        case .value(let term):
            return try evalTerm(term, frame) { (candidate) throws(RegoError) -> Bool in
                candidate == value ? try next() : false
            }
        }
    }

    func matchAll(_ patterns: [CPattern], _ values: [RegoValue], from index: Int, _ frame: Frame, _ next: Next) throws(RegoError) -> Bool {
        if index == patterns.count { return try next() }
        return try match(patterns[index], values[index], frame) { () throws(RegoError) -> Bool in
            try self.matchAll(patterns, values, from: index + 1, frame, next)
        }
    }
}
