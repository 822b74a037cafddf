extension Evaluator {
    /// The document at a compile-time `data` target, honouring `with data… as` overrides.
    func dataValue(_ target: DataTarget) throws(RegoError) -> RegoValue? {
        if !context.overrides.isEmpty {
            return try overriddenValue(target)
        }
        return try plainValue(target)
    }

    private func plainValue(_ target: DataTarget) throws(RegoError) -> RegoValue? {
        switch target {
        case .rule(let id):
            return try ruleValue(id)
        case .tree(let node):
            return try treeValue(program.tree[node])
        case .base(let path):
            var current = data
            for key in path {
                guard let next = current[key] else { return nil }
                current = next
            }
            return current
        }
    }

    /// A package subtree: base data at its path merged with the values of the rules below it.
    private func treeValue(_ node: TreeNode) throws(RegoError) -> RegoValue {
        var object = RegoObject()
        var base: RegoValue? = data
        for key in node.path { base = base?[key] }
        if case .object(let baseObject)? = base { object = baseObject }
        for (name, child) in node.children.sorted(by: { $0.key < $1.key }) {
            object = object.setting(.string(name), to: try treeValue(program.tree[child]))
        }
        for (name, id) in node.rules.sorted(by: { $0.key < $1.key }) where program.ruleSets[id].kind != .function {
            if let value = try ruleValue(id) {
                object = object.setting(.string(name), to: value)
            }
        }
        return .object(object)
    }

    private func path(of target: DataTarget) -> [RegoValue] {
        switch target {
        case .rule(let id): program.ruleSets[id].path.map { .string($0) }
        case .tree(let node): program.tree[node].path.map { .string($0) }
        case .base(let path): path
        }
    }

    /// Applies overrides: the most specific override at or above the target replaces it, and
    /// overrides below the target are patched into its value.
    private func overriddenValue(_ target: DataTarget) throws(RegoError) -> RegoValue? {
        let targetPath = path(of: target)
        var result: RegoValue?
        var replacedAt = -1
        for (overridePath, value) in context.overrides
        where overridePath.count <= targetPath.count && overridePath.count >= replacedAt
            && targetPath.starts(with: overridePath)
        {
            var current: RegoValue? = value
            for key in targetPath[overridePath.count...] { current = current?[key] }
            result = current
            replacedAt = overridePath.count
        }
        if replacedAt < 0 {
            result = try plainValue(target)
        }
        for (overridePath, value) in context.overrides
        where overridePath.count > targetPath.count && overridePath.starts(with: targetPath) {
            result = DocumentPatch.setting(result ?? .emptyObject, at: overridePath[targetPath.count...], to: value)
        }
        return result
    }
}

/// Functional updates of nested documents (for `with`).
enum DocumentPatch {
    /// `document` with the value at `path` replaced (intermediate objects are created as needed).
    static func setting(_ document: RegoValue, at path: ArraySlice<RegoValue>, to value: RegoValue) -> RegoValue {
        guard let key = path.first else { return value }
        let object: RegoObject
        if case .object(let existing) = document {
            object = existing
        } else {
            object = RegoObject()
        }
        let child = object[key] ?? .emptyObject
        return .object(object.setting(key, to: setting(child, at: path.dropFirst(), to: value)))
    }
}
