/// One parsed Rego source file (a `package` with its imports and rules).
public struct RegoModule: Sendable {
    /// The file name used in error locations.
    public let filename: String
    /// The package path, e.g. `["hexr", "authz"]` for `package hexr.authz`.
    public let packagePath: [String]
    let imports: [Import]
    let rules: [Rule]

    init(filename: String, packagePath: [String], imports: [Import], rules: [Rule]) {
        self.filename = filename
        self.packagePath = packagePath
        self.imports = imports
        self.rules = rules
    }

    /// Parses Rego v1 source. Syntax errors and constructs outside the embedded subset are
    /// reported with `filename:line:column`.
    public static func parse(source: String, filename: String) throws(RegoError) -> RegoModule {
        let tokens = try Lexer.tokenize(source, filename: filename)
        var parser = Parser(tokens: tokens, filename: filename)
        return try parser.parseModule()
    }

    /// The package as written, e.g. `hexr.authz`.
    public var packageName: String { packagePath.joined(separator: ".") }

    /// Names of the rules defined in this module, in source order, without duplicates.
    public var ruleNames: [String] {
        var seen = Set<String>()
        return rules.map(\.name).filter { seen.insert($0).inserted }
    }
}
