/// Resolves static `data` paths against the rule tree at compile time.
struct DataResolver: Sendable {
    let tree: [TreeNode]
    let table: RuleTable

    func arity(of id: Int) -> Int {
        table[table.paths[id]]!.arity
    }

    func name(of id: Int) -> String {
        "data." + table.paths[id].joined(separator: ".")
    }

    /// `data.<path><segments>` as an evaluable reference.
    func reference(path: [String], segments: [Segment], at location: RegoLocation) throws(RegoError) -> CTerm {
        var node = tree[0]
        for (index, key) in path.enumerated() {
            if let id = node.rules[key] {
                guard table[table.paths[id]]!.kind != .function else {
                    throw RegoError(.compile, "function \(name(of: id)) must be called with arguments", at: location)
                }
                let extra = path[(index + 1)...].map { Segment.field($0) }
                return .ref(.data(.rule(id)), extra + segments)
            }
            guard let child = node.children[key] else {
                return .ref(.data(.base(path.map { .string($0) })), segments)
            }
            node = tree[child]
        }
        let nodeIndex = path.isEmpty ? 0 : tree.firstIndex { $0.path == path }!
        return .ref(.data(.tree(nodeIndex)), segments)
    }

    /// Builds the package tree from all rule paths.
    static func buildTree(_ table: RuleTable) -> [TreeNode] {
        var paths: [[String]] = [[]]
        var indexOf: [[String]: Int] = [[]: 0]
        var children: [[String: Int]] = [[:]]
        var rules: [[String: Int]] = [[:]]
        for path in table.paths {
            var parent = 0
            for depth in 0..<(path.count - 1) {
                let prefix = Array(path[...depth])
                if let existing = indexOf[prefix] {
                    parent = existing
                    continue
                }
                let index = paths.count
                paths.append(prefix)
                indexOf[prefix] = index
                children.append([:])
                rules.append([:])
                children[parent][prefix.last!] = index
                parent = index
            }
            rules[parent][path.last!] = table[path]!.id
        }
        return paths.indices.map { TreeNode(path: paths[$0], children: children[$0], rules: rules[$0]) }
    }
}
