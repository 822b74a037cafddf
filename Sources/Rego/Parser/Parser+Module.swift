extension Parser {
    mutating func parseModule() throws(RegoError) -> RegoModule {
        guard current.isName("package") else { throw unexpected(expecting: "'package'") }
        advance()
        let packagePath = try parseDottedPath(what: "package name")
        var imports: [Import] = []
        var rules: [Rule] = []
        var separated = false
        while current.kind != .end {
            if accept(.semicolon) {
                separated = true
                continue
            }
            guard separated || current.newlineBefore else {
                throw unexpected(expecting: "a new line before the next statement")
            }
            separated = false
            if current.isName("import") {
                imports.append(try parseImport())
            } else if current.isName("package") {
                throw error("a module has exactly one package declaration")
            } else {
                rules.append(try parseRule())
            }
        }
        return RegoModule(filename: filename, packagePath: packagePath, imports: imports, rules: rules)
    }

    /// `a.b.c` or `a.b["c"]` as a list of names.
    private mutating func parseDottedPath(what: String) throws(RegoError) -> [String] {
        guard let first = current.name else { throw unexpected(expecting: what) }
        advance()
        var path = [first]
        while !current.newlineBefore {
            if accept(.dot) {
                guard let name = current.name else { throw unexpected(expecting: "a name after '.'") }
                path.append(name)
                advance()
            } else if current.isSymbol(.leftBracket) {
                advance()
                switch current.kind {
                case .string(let key), .rawString(let key): path.append(key)
                default: throw unexpected(expecting: "a string key in \(what)")
                }
                advance()
                try expect(.rightBracket)
            } else {
                break
            }
        }
        return path
    }

    private mutating func parseImport() throws(RegoError) -> Import {
        let location = here
        advance()
        let path = try parseDottedPath(what: "import path")
        guard ["data", "input", "future", "rego"].contains(path[0]) else {
            throw RegoError(.parse, "import path must begin with input, data, future or rego", at: location)
        }
        var alias: String?
        if !current.newlineBefore, acceptKeyword("as") {
            alias = try expectIdentifier("import alias")
        }
        return Import(path: path, alias: alias, location: location)
    }
}
