extension Evaluator {
    /// The value of a complete rule, partial set or partial object (cached per `with` scope).
    func ruleValue(_ id: Int) throws(RegoError) -> RegoValue? {
        let cacheOwner = context
        switch cacheOwner.cache[id] {
        case .value(let value): return value
        case .undefined: return nil
        case .inProgress:
            throw RegoError(.evaluation, "rule \(program.ruleSets[id].dottedName) depends on itself", at: program.ruleSets[id].location)
        case .empty: break
        }
        cacheOwner.cache[id] = .inProgress
        let result = try computeRule(program.ruleSets[id])
        cacheOwner.cache[id] = result.map(EvalContext.CacheEntry.value) ?? .undefined
        return result
    }

    /// The definitions worth evaluating: all of them, or those the rule index selects.
    private func candidateDefinitions(_ ruleSet: RuleSet) -> [Int]? {
        guard let index = ruleSet.index else { return nil }
        var current = context.input
        for key in index.inputPath {
            guard let next = current?[key] else { return index.unconstrained }
            current = next
        }
        guard let value = current else { return index.unconstrained }
        return index.byValue[value] ?? index.unconstrained
    }

    private func computeRule(_ ruleSet: RuleSet) throws(RegoError) -> RegoValue? {
        let candidates = candidateDefinitions(ruleSet) ?? ruleSet.allDefinitions
        switch ruleSet.kind {
        case .function:
            preconditionFailure("functions are called, never read as documents (rejected at compile time)")
        case .complete:
            var result: RegoValue?
            for index in candidates {
                let stop = try evalDefinition(ruleSet.definitions[index], arguments: nil) { (_, value) throws(RegoError) -> Bool in
                    if let existing = result, existing != value {
                        throw RegoError(.evaluation, "complete rules must not produce multiple outputs (\(ruleSet.dottedName))", at: ruleSet.location)
                    }
                    result = value
                    return ruleSet.constantValue != nil
                }
                if stop { break }
            }
            return result ?? ruleSet.defaultValue
        case .partialSet:
            var elements: [RegoValue] = []
            for index in candidates {
                _ = try evalDefinition(ruleSet.definitions[index], arguments: nil) { (key, _) throws(RegoError) -> Bool in
                    elements.append(key!)
                    return false
                }
            }
            return .set(RegoSet(elements))
        case .partialObject:
            var pairs: [RegoValue: RegoValue] = [:]
            for index in candidates {
                _ = try evalDefinition(ruleSet.definitions[index], arguments: nil) { (key, value) throws(RegoError) -> Bool in
                    if let existing = pairs.updateValue(value, forKey: key!), existing != value {
                        throw RegoError(.evaluation, "object keys must be unique (\(ruleSet.dottedName)[\(key!)] has two values)", at: ruleSet.location)
                    }
                    return false
                }
            }
            return .object(RegoObject(pairs.map { ($0.key, $0.value) }))
        }
    }

    /// Calls a user function.
    func callFunction(_ id: Int, _ arguments: [RegoValue]) throws(RegoError) -> RegoValue? {
        let ruleSet = program.ruleSets[id]
        var result: RegoValue?
        for definition in ruleSet.definitions {
            let stop = try evalDefinition(definition, arguments: arguments) { (_, value) throws(RegoError) -> Bool in
                if let existing = result, existing != value {
                    throw RegoError(.evaluation, "functions must not produce multiple outputs for same inputs (\(ruleSet.dottedName))", at: ruleSet.location)
                }
                result = value
                return ruleSet.constantValue != nil
            }
            if stop { break }
        }
        return result ?? ruleSet.defaultValue
    }

    /// Runs a definition's clauses in order until one has solutions; yields (key, value) per solution.
    private func evalDefinition(
        _ definition: Definition, arguments: [RegoValue]?, _ yield: (RegoValue?, RegoValue) throws(RegoError) -> Bool
    ) throws(RegoError) -> Bool {
        let frame = definition.frameSize == 0 ? emptyFrame : Frame.make(size: definition.frameSize)
        func run() throws(RegoError) -> Bool {
            for clause in definition.clauses {
                var found = false
                let stop = try self.evalBody(clause.body, from: 0, frame) { () throws(RegoError) -> Bool in
                    try self.evalHead(clause, frame) { (key, value) throws(RegoError) -> Bool in
                        found = true
                        return try yield(key, value)
                    }
                }
                if stop { return true }
                if found { return false }
            }
            return false
        }
        if let arguments {
            return try matchAll(definition.parameters, arguments, from: 0, frame, run)
        }
        return try run()
    }

    private func evalHead(_ clause: Clause, _ frame: Frame, _ yield: (RegoValue?, RegoValue) throws(RegoError) -> Bool) throws(RegoError) -> Bool {
        if clause.headIsSingleValued {
            var key: RegoValue?
            if let keyTerm = clause.key {
                guard let k = try value(of: keyTerm, frame) else { return false }
                key = k
            }
            guard let value = try value(of: clause.value, frame) else { return false }
            return try yield(key, value)
        }
        guard let keyTerm = clause.key else {
            return try evalTerm(clause.value, frame) { (value) throws(RegoError) -> Bool in try yield(nil, value) }
        }
        return try evalTerm(keyTerm, frame) { (key) throws(RegoError) -> Bool in
            try self.evalTerm(clause.value, frame) { (value) throws(RegoError) -> Bool in try yield(key, value) }
        }
    }

    /// Builds a comprehension's collection; its body runs in the enclosing frame.
    func evalComprehension(_ comprehension: Comprehension, _ frame: Frame) throws(RegoError) -> RegoValue {
        switch comprehension.kind {
        case .array(let head):
            var values: [RegoValue] = []
            _ = try evalBody(comprehension.body, from: 0, frame) { () throws(RegoError) -> Bool in
                try self.evalTerm(head, frame) { (value) throws(RegoError) -> Bool in
                    values.append(value)
                    return false
                }
            }
            return .array(values)
        case .set(let head):
            var values: [RegoValue] = []
            _ = try evalBody(comprehension.body, from: 0, frame) { () throws(RegoError) -> Bool in
                try self.evalTerm(head, frame) { (value) throws(RegoError) -> Bool in
                    values.append(value)
                    return false
                }
            }
            return .set(RegoSet(values))
        case .object(let keyTerm, let valueTerm):
            var pairs: [RegoValue: RegoValue] = [:]
            _ = try evalBody(comprehension.body, from: 0, frame) { () throws(RegoError) -> Bool in
                try self.evalTerm(keyTerm, frame) { (key) throws(RegoError) -> Bool in
                    try self.evalTerm(valueTerm, frame) { (value) throws(RegoError) -> Bool in
                        if let existing = pairs.updateValue(value, forKey: key), existing != value {
                            throw RegoError(.evaluation, "object keys must be unique (comprehension key \(key) has two values)")
                        }
                        return false
                    }
                }
            }
            return .object(RegoObject(pairs.map { ($0.key, $0.value) }))
        }
    }
}
