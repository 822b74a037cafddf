/// Splits Rego source into tokens, tracking line, column and line breaks (which separate
/// body expressions like `;`).
struct Lexer {
    private let scalars: [Unicode.Scalar]
    private let filename: String
    private var index = 0
    private var line = 1
    private var column = 1

    private init(source: String, filename: String) {
        scalars = Array(source.unicodeScalars)
        self.filename = filename
    }

    /// All tokens of `source`, ending with `.end`.
    static func tokenize(_ source: String, filename: String) throws(RegoError) -> [Token] {
        var lexer = Lexer(source: source, filename: filename)
        var tokens: [Token] = []
        while true {
            let token = try lexer.next()
            tokens.append(token)
            if token.kind == .end { return tokens }
        }
    }

    private var current: Unicode.Scalar? { index < scalars.count ? scalars[index] : nil }

    private func peek(_ offset: Int) -> Unicode.Scalar? {
        index + offset < scalars.count ? scalars[index + offset] : nil
    }

    private mutating func advance() {
        if scalars[index] == "\n" {
            line += 1
            column = 1
        } else {
            column += 1
        }
        index += 1
    }

    private func error(_ message: String, line: Int, column: Int) -> RegoError {
        RegoError(.parse, message, at: RegoLocation(file: filename, line: line, column: column))
    }

    /// Skips blanks and comments; reports whether a line break was crossed.
    private mutating func skipTrivia() -> Bool {
        var sawNewline = false
        while let c = current {
            if c == "\n" {
                sawNewline = true
                advance()
            } else if c == " " || c == "\t" || c == "\r" {
                advance()
            } else if c == "#" {
                while let d = current, d != "\n" { advance() }
            } else {
                break
            }
        }
        return sawNewline
    }

    private mutating func next() throws(RegoError) -> Token {
        let newline = skipTrivia()
        let startLine = line, startColumn = column
        func token(_ kind: Token.Kind) -> Token {
            Token(kind: kind, line: startLine, column: startColumn, newlineBefore: newline)
        }
        guard let c = current else { return token(.end) }
        if c == "_" || c.properties.isAlphabetic && c.isASCII {
            return token(.name(readName()))
        }
        if c.isASCII, ("0"..."9").contains(c) {
            return token(.number(try readNumber()))
        }
        if c == "\"" {
            return token(.string(try readString()))
        }
        if c == "`" {
            return token(.rawString(try readRawString()))
        }
        if c == "$", peek(1) == "\"" || peek(1) == "`" {
            advance()
            return token(.templateString)
        }
        if let symbol = readSymbol() {
            return token(.symbol(symbol))
        }
        throw error("unexpected character '\(c)'", line: startLine, column: startColumn)
    }

    private mutating func readName() -> String {
        var name = String.UnicodeScalarView()
        while let c = current, c == "_" || (c.isASCII && (c.properties.isAlphabetic || ("0"..."9").contains(c))) {
            name.append(c)
            advance()
        }
        return String(name)
    }

    private mutating func readDigits(into text: inout String) {
        while let c = current, c.isASCII, ("0"..."9").contains(c) {
            text.unicodeScalars.append(c)
            advance()
        }
    }

    private mutating func readNumber() throws(RegoError) -> String {
        let startLine = line, startColumn = column
        var text = ""
        readDigits(into: &text)
        if current == ".", let d = peek(1), d.isASCII, ("0"..."9").contains(d) {
            text += "."
            advance()
            readDigits(into: &text)
        }
        if current == "e" || current == "E" {
            text += "e"
            advance()
            if current == "+" || current == "-" {
                text.unicodeScalars.append(current!)
                advance()
            }
            let before = text.count
            readDigits(into: &text)
            if text.count == before { throw error("invalid number exponent", line: startLine, column: startColumn) }
        }
        if text.count > 1, text.first == "0", text.dropFirst().first?.isNumber == true {
            throw error("invalid number '\(text)': leading zero", line: startLine, column: startColumn)
        }
        if let c = current, c == "_" || (c.isASCII && c.properties.isAlphabetic) {
            throw error("invalid number '\(text)\(c)'", line: startLine, column: startColumn)
        }
        return text
    }

    private mutating func readString() throws(RegoError) -> String {
        let startLine = line, startColumn = column
        advance()
        var text = String.UnicodeScalarView()
        while let c = current {
            switch c {
            case "\"":
                advance()
                return String(text)
            case "\n":
                throw error("unterminated string (line break in a double-quoted string)", line: startLine, column: startColumn)
            case "\\":
                advance()
                text.append(try readEscape())
            default:
                text.append(c)
                advance()
            }
        }
        throw error("unterminated string", line: startLine, column: startColumn)
    }

    private mutating func readEscape() throws(RegoError) -> Unicode.Scalar {
        let escLine = line, escColumn = column - 1
        guard let c = current else { throw error("unterminated escape", line: escLine, column: escColumn) }
        advance()
        switch c {
        case "\"", "\\", "/": return c
        case "b": return "\u{08}"
        case "f": return "\u{0C}"
        case "n": return "\n"
        case "r": return "\r"
        case "t": return "\t"
        case "u":
            var code = try readHex4(line: escLine, column: escColumn)
            if (0xD800..<0xDC00).contains(code), current == "\\", peek(1) == "u" {
                advance()
                advance()
                let low = try readHex4(line: escLine, column: escColumn)
                guard (0xDC00..<0xE000).contains(low) else {
                    throw error("invalid surrogate pair in \\u escape", line: escLine, column: escColumn)
                }
                code = 0x10000 + ((code - 0xD800) << 10) + (low - 0xDC00)
            }
            guard let scalar = Unicode.Scalar(code) else {
                throw error("invalid code point in \\u escape", line: escLine, column: escColumn)
            }
            return scalar
        default:
            throw error("invalid escape '\\\(c)'", line: escLine, column: escColumn)
        }
    }

    private mutating func readHex4(line: Int, column: Int) throws(RegoError) -> UInt32 {
        var code: UInt32 = 0
        for _ in 0..<4 {
            guard let c = current, c.isASCII, let digit = HexDigit.value(UInt8(c.value)) else {
                throw error("invalid \\u escape", line: line, column: column)
            }
            code = code << 4 | UInt32(digit)
            advance()
        }
        return code
    }

    private mutating func readRawString() throws(RegoError) -> String {
        let startLine = line, startColumn = column
        advance()
        var text = String.UnicodeScalarView()
        while let c = current {
            advance()
            if c == "`" { return String(text) }
            text.append(c)
        }
        throw error("unterminated raw string", line: startLine, column: startColumn)
    }

    private mutating func readSymbol() -> Symbol? {
        guard let c = current else { return nil }
        let two: Symbol? =
            switch (c, peek(1)) {
            case (":", "="): .assign
            case ("=", "="): .equal
            case ("!", "="): .notEqual
            case ("<", "="): .lessOrEqual
            case (">", "="): .greaterOrEqual
            default: nil
            }
        if let two {
            advance()
            advance()
            return two
        }
        guard let one = Symbol(rawValue: String(c)) else { return nil }
        advance()
        return one
    }
}
