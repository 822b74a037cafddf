/// Compiles parsed modules into a ``Program``: rule table, package tree, resolved and
/// safety-ordered bodies, defaults and rule indexes.
enum PolicyCompiler {
    static func compile(_ modules: [RegoModule]) throws(RegoError) -> Program {
        var table = RuleTable()
        var rulesByPackage: [[String]: Set<String>] = [:]
        for module in modules {
            for rule in module.rules {
                let path = module.packagePath + [rule.name]
                try table.register(path: path, kind: kind(of: rule), arity: rule.arguments.count, at: rule.location)
                rulesByPackage[module.packagePath, default: []].insert(rule.name)
            }
        }
        let tree = DataResolver.buildTree(table)
        try checkTreeConflicts(tree, table)
        let resolver = DataResolver(tree: tree, table: table)

        var definitions = Array(repeating: [Definition](), count: table.paths.count)
        var defaults = [RegoValue?](repeating: nil, count: table.paths.count)
        for module in modules {
            let context = PackageContext(
                packagePath: module.packagePath, ruleNames: rulesByPackage[module.packagePath] ?? [],
                imports: try imports(of: module, ruleNames: rulesByPackage[module.packagePath] ?? []), rules: table)
            for rule in module.rules {
                let id = table[module.packagePath + [rule.name]]!.id
                let compiler = DefinitionCompiler(context: context, dataResolver: resolver)
                if rule.isDefault {
                    guard defaults[id] == nil else {
                        throw RegoError(.compile, "multiple default rules for data.\(table.paths[id].joined(separator: "."))", at: rule.location)
                    }
                    defaults[id] = try compiler.defaultValue(of: rule)
                } else {
                    definitions[id].append(try compiler.compile(rule))
                }
            }
        }
        let ruleSets = table.paths.indices.map { id in
            let path = table.paths[id]
            let entry = table[path]!
            return RuleSet(
                id: id, path: path, kind: entry.kind, arity: entry.arity, definitions: definitions[id],
                defaultValue: defaults[id], constantValue: RuleIndexBuilder.constantValue(of: definitions[id]),
                index: entry.kind == .function ? nil : RuleIndexBuilder.index(for: definitions[id]), location: entry.location)
        }
        try RecursionCheck.check(ruleSets, tree: tree)
        return Program(ruleSets: ruleSets, dataResolver: resolver)
    }

    private static func kind(of rule: Rule) -> RuleSet.Kind {
        switch rule.kind {
        case .complete: .complete
        case .partialSet: .partialSet
        case .partialObject: .partialObject
        case .function: .function
        }
    }

    private static func checkTreeConflicts(_ tree: [TreeNode], _ table: RuleTable) throws(RegoError) {
        for node in tree {
            for (name, id) in node.rules where node.children[name] != nil {
                let path = table.paths[id]
                throw RegoError(
                    .compile, "rule data.\(path.joined(separator: ".")) conflicts with a package of the same path",
                    at: table[path]!.location)
            }
        }
    }

    private static func imports(of module: RegoModule, ruleNames: Set<String>) throws(RegoError) -> [String: PackageContext.ImportTarget] {
        var result: [String: PackageContext.ImportTarget] = [:]
        var sawRegoV1 = false, sawFuture = false
        for entry in module.imports {
            switch entry.path[0] {
            case "rego":
                guard entry.path == ["rego", "v1"], entry.alias == nil else {
                    throw RegoError(.compile, "unknown import \(entry.path.joined(separator: "."))", at: entry.location)
                }
                sawRegoV1 = true
                continue
            case "future":
                let known = ["in", "every", "if", "contains"]
                guard entry.path.count >= 2, entry.path.count <= 3, entry.path[1] == "keywords", entry.alias == nil,
                    entry.path.count == 2 || known.contains(entry.path[2])
                else {
                    throw RegoError.unsupported("import \(entry.path.joined(separator: "."))", at: entry.location)
                }
                sawFuture = true
                continue
            default:
                break
            }
            if entry.path.count == 1 && entry.alias == nil { continue }
            let name = entry.visibleName
            if name == "input" || name == "data" {
                throw RegoError(.compile, "import alias '\(name)' shadows the \(name) document", at: entry.location)
            }
            guard result[name] == nil else {
                throw RegoError(.compile, "import '\(name)' is declared more than once", at: entry.location)
            }
            if ruleNames.contains(name) {
                throw RegoError(.compile, "import '\(name)' conflicts with a rule of the same name", at: entry.location)
            }
            let rest = Array(entry.path.dropFirst())
            result[name] = entry.path[0] == "input" ? .input(rest) : .data(rest)
        }
        if sawRegoV1 && sawFuture {
            throw RegoError(.compile, "'import rego.v1' and 'import future.keywords' cannot be combined", at: module.imports.first?.location)
        }
        return result
    }
}
