/// Recursive-descent parser for Rego v1 (OPA 1.x syntax) over the token stream.
struct Parser {
    let tokens: [Token]
    let filename: String
    var index = 0

    init(tokens: [Token], filename: String) {
        self.tokens = tokens
        self.filename = filename
    }

    var current: Token { tokens[index] }

    func peek(_ offset: Int = 1) -> Token {
        tokens[min(index + offset, tokens.count - 1)]
    }

    mutating func advance() {
        if index < tokens.count - 1 { index += 1 }
    }

    func location(of token: Token) -> RegoLocation {
        RegoLocation(file: filename, line: token.line, column: token.column)
    }

    var here: RegoLocation { location(of: current) }

    func error(_ message: String, at token: Token? = nil) -> RegoError {
        RegoError(.parse, message, at: location(of: token ?? current))
    }

    func unexpected(expecting what: String) -> RegoError {
        error("unexpected \(current.display), expected \(what)")
    }

    mutating func expect(_ symbol: Symbol) throws(RegoError) {
        guard current.isSymbol(symbol) else { throw unexpected(expecting: "'\(symbol.rawValue)'") }
        advance()
    }

    mutating func accept(_ symbol: Symbol) -> Bool {
        guard current.isSymbol(symbol) else { return false }
        advance()
        return true
    }

    mutating func acceptKeyword(_ word: String) -> Bool {
        guard current.isName(word) else { return false }
        advance()
        return true
    }

    /// A name that may be used as a variable or rule name.
    mutating func expectIdentifier(_ what: String) throws(RegoError) -> String {
        guard let name = current.name else { throw unexpected(expecting: what) }
        if Keyword.reserved.contains(name) {
            throw error("keyword '\(name)' cannot be used as \(what)")
        }
        advance()
        return name
    }
}
