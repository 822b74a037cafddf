/// A position in a Rego source file (1-based line and column).
public struct RegoLocation: Sendable, Hashable, CustomStringConvertible {
    /// The file name given to ``RegoModule/parse(source:filename:)``.
    public let file: String
    /// 1-based line number.
    public let line: Int
    /// 1-based column, counted in Unicode scalars.
    public let column: Int

    /// Creates a location.
    public init(file: String, line: Int, column: Int) {
        self.file = file
        self.line = line
        self.column = column
    }

    /// `file:line:column`.
    public var description: String { "\(file):\(line):\(column)" }
}

/// Every failure of the embedded Rego engine: parsing, compiling, unsupported constructs, evaluation
/// conflicts and bad queries or documents.
public struct RegoError: Error, CustomStringConvertible, Sendable, Equatable {
    /// What kind of failure this is.
    public enum Kind: String, Sendable, Hashable {
        /// The source text is not valid Rego v1.
        case parse
        /// The modules are valid syntax but do not compile (unsafe variables, unknown names, recursion, …).
        case compile
        /// Valid Rego that the embedded evaluator does not implement; use the OPA backend instead.
        case unsupported
        /// A runtime error that OPA also reports as an error (conflicting rule outputs, …).
        case evaluation
        /// The query string is malformed or names nothing evaluable.
        case query
        /// A JSON document (input, data or `json.unmarshal` argument) is malformed.
        case json
    }

    /// The advice appended to every ``Kind/unsupported`` error.
    public static let opaAdvice = "not supported by the embedded evaluator; use the OPA backend (HEXR_OPA_URL)"

    /// What kind of failure this is.
    public let kind: Kind
    /// A human-readable explanation.
    public let message: String
    /// Where in the policy source the problem is, when it is tied to a position.
    public let location: RegoLocation?

    /// Creates an error.
    public init(_ kind: Kind, _ message: String, at location: RegoLocation? = nil) {
        self.kind = kind
        self.message = message
        self.location = location
    }

    /// An ``Kind/unsupported`` error naming the construct and carrying ``opaAdvice``.
    static func unsupported(_ construct: String, at location: RegoLocation?) -> RegoError {
        RegoError(.unsupported, "\(construct) is \(opaAdvice)", at: location)
    }

    /// `file:line:col: kind error: message`.
    public var description: String {
        if let location {
            return "\(location): \(kind.rawValue) error: \(message)"
        }
        return "\(kind.rawValue) error: \(message)"
    }
}
