/// One lexical token of Rego source.
struct Token: Sendable {
    enum Kind: Sendable, Equatable {
        /// A name: variable, rule, keyword or builtin segment.
        case name(String)
        /// A double-quoted string (escapes resolved).
        case string(String)
        /// A back-quoted raw string.
        case rawString(String)
        /// Numeric literal text (JSON number syntax without a sign).
        case number(String)
        /// Punctuation or an operator.
        case symbol(Symbol)
        /// `$"` or `` $` ``: the start of a template string.
        case templateString
        /// End of input.
        case end
    }

    let kind: Kind
    let line: Int
    let column: Int
    /// A line break occurred between the previous token and this one.
    let newlineBefore: Bool

    /// The name, if this token is a name.
    var name: String? {
        if case .name(let n) = kind { return n }
        return nil
    }

    func isSymbol(_ symbol: Symbol) -> Bool {
        kind == .symbol(symbol)
    }

    func isName(_ name: String) -> Bool {
        kind == .name(name)
    }

    /// A short description for error messages.
    var display: String {
        switch kind {
        case .name(let n): "'\(n)'"
        case .string(let s): "string \"\(s)\""
        case .rawString(let s): "string `\(s)`"
        case .number(let n): "number \(n)"
        case .symbol(let s): "'\(s.rawValue)'"
        case .templateString: "template string"
        case .end: "end of file"
        }
    }
}

/// Rego punctuation and operators.
enum Symbol: String, Sendable {
    case leftBrace = "{", rightBrace = "}", leftBracket = "[", rightBracket = "]"
    case leftParen = "(", rightParen = ")", dot = ".", comma = ",", semicolon = ";", colon = ":"
    case assign = ":=", unify = "=", equal = "==", notEqual = "!="
    case less = "<", lessOrEqual = "<=", greater = ">", greaterOrEqual = ">="
    case plus = "+", minus = "-", star = "*", slash = "/", percent = "%"
    case bar = "|", ampersand = "&"
}

/// Words that cannot be used as variable or rule names.
enum Keyword {
    static let reserved: Set<String> = [
        "package", "import", "as", "default", "if", "else", "contains", "some", "in", "every", "not", "with",
        "true", "false", "null",
    ]
}
