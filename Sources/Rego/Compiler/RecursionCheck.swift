/// Rejects recursive rules at compile time, as OPA does (`rego_recursion_error`).
enum RecursionCheck {
    static func check(_ ruleSets: [RuleSet], tree: [TreeNode]) throws(RegoError) {
        let edges = ruleSets.map { ruleSet in
            var collector = DependencyCollector(tree: tree)
            for definition in ruleSet.definitions { collector.add(definition) }
            return collector.rules.sorted()
        }
        var state = [Int](repeating: 0, count: ruleSets.count)  // 0 new, 1 on stack, 2 done
        var stack: [Int] = []
        func visit(_ id: Int) throws(RegoError) {
            state[id] = 1
            stack.append(id)
            for next in edges[id] {
                if state[next] == 1 {
                    let cycle = stack[stack.lastIndex(of: next)!...] + [next]
                    let names = cycle.map { ruleSets[$0].dottedName }.joined(separator: " → ")
                    throw RegoError(.compile, "recursion is not allowed: \(names)", at: ruleSets[next].location)
                }
                if state[next] == 0 { try visit(next) }
            }
            stack.removeLast()
            state[id] = 2
        }
        for id in ruleSets.indices where state[id] == 0 {
            try visit(id)
        }
    }
}

/// The rules a definition can evaluate: referenced rules, called functions and every rule
/// below a referenced package subtree.
private struct DependencyCollector {
    let tree: [TreeNode]
    var rules = Set<Int>()

    mutating func add(_ definition: Definition) {
        for parameter in definition.parameters { add(parameter) }
        for clause in definition.clauses {
            add(clause.body)
            if let key = clause.key { add(key) }
            add(clause.value)
        }
    }

    mutating func add(_ body: [CLiteral]) {
        for literal in body {
            for modifier in literal.modifiers { add(modifier.value) }
            switch literal.kind {
            case .truthy(let t): add(t)
            case .compare(_, let a, let b):
                add(a)
                add(b)
            case .unify(let pairs):
                for pair in pairs {
                    add(pair.pattern)
                    add(pair.value)
                }
            case .someIn(let key, let value, let collection):
                if let key { add(key) }
                add(value)
                add(collection)
            case .every(_, _, let domain, let body):
                add(domain)
                add(body)
            case .declaration: break
            case .callOutput(let call, let output):
                add(call)
                add(output)
            }
        }
    }

    mutating func add(_ pattern: CPattern) {
        switch pattern {
        case .variable, .wildcard: break
        case .array(let patterns): for p in patterns { add(p) }
        case .object(let pairs): for pair in pairs { add(pair.value) }
        case .value(let term): add(term)
        }
    }

    mutating func add(_ term: CTerm) {
        switch term {
        case .constant, .local: break
        case .ref(let base, let segments):
            switch base {
            case .data(.rule(let id)): rules.insert(id)
            case .data(.tree(let node)): addSubtree(node)
            case .term(let t): add(t)
            case .data(.base), .input, .local: break
            }
            for segment in segments {
                if case .term(let t) = segment { add(t) }
            }
        case .array(let elements), .set(let elements), .builtin(_, let elements):
            for element in elements { add(element) }
        case .object(let pairs):
            for pair in pairs {
                add(pair.key)
                add(pair.value)
            }
        case .binary(_, let a, let b):
            add(a)
            add(b)
        case .function(let id, let arguments):
            rules.insert(id)
            for argument in arguments { add(argument) }
        case .membership(let key, let value, let collection):
            if let key { add(key) }
            add(value)
            add(collection)
        case .comprehension(let comprehension):
            add(comprehension.body)
            switch comprehension.kind {
            case .array(let head), .set(let head): add(head)
            case .object(let key, let value):
                add(key)
                add(value)
            }
        }
    }

    private mutating func addSubtree(_ node: Int) {
        rules.formUnion(tree[node].rules.values)
        for child in tree[node].children.values { addSubtree(child) }
    }
}
