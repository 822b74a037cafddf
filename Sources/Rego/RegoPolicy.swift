/// A compiled, immutable set of Rego modules. Thread-safe: evaluate it from any number of tasks.
public struct RegoPolicy: Sendable {
    let program: Program

    /// Compiles modules: resolves names, orders bodies for safety, checks recursion and builds
    /// rule indexes. Constructs outside the embedded subset fail here, never at evaluation.
    public init(modules: [RegoModule]) throws(RegoError) {
        program = try PolicyCompiler.compile(modules)
    }

    /// Evaluates `query` (e.g. `"data.hexr.authz.decision"`); `nil` means undefined.
    public func evaluate(query: String, input: RegoValue?, data: RegoValue) throws(RegoError) -> RegoValue? {
        try prepare(query: query).evaluate(input: input, data: data)
    }

    /// Evaluates `query` with `time.now_ns()` fixed to `nowNanoseconds`.
    public func evaluate(query: String, input: RegoValue?, data: RegoValue, nowNanoseconds: Int64) throws(RegoError) -> RegoValue? {
        try prepare(query: query).evaluate(input: input, data: data, nowNanoseconds: nowNanoseconds)
    }

    /// Resolves a query once for repeated fast evaluation.
    public func prepare(query: String) throws(RegoError) -> PreparedQuery {
        let (term, frameSize) = try QueryCompiler.compile(query, program: program)
        return PreparedQuery(query: query, program: program, term: term, frameSize: frameSize)
    }

    /// Fully qualified names (`data.pkg.test_x`) of the `test_*` rules, sorted, for `hexr policy test`.
    public func testRules() -> [String] {
        program.ruleSets
            .filter { $0.kind == .complete && $0.path.last!.hasPrefix("test_") }
            .map(\.dottedName)
            .sorted()
    }
}

/// A query resolved against a ``RegoPolicy``; evaluate it as often as needed, from any thread.
public struct PreparedQuery: Sendable {
    /// The query text.
    public let query: String
    let program: Program
    let term: CTerm
    let frameSize: Int

    /// The query's value for this input and data (`nil` = undefined). Conflicting rule outputs
    /// and similar runtime errors are thrown; builtin errors make expressions undefined (as OPA).
    public func evaluate(input: RegoValue?, data: RegoValue, nowNanoseconds: Int64? = nil) throws(RegoError) -> RegoValue? {
        let evaluator = Evaluator(program: program, input: input, data: data, now: nowNanoseconds)
        return try evaluator.value(of: term, frameSize == 0 ? evaluator.emptyFrame : Frame.make(size: frameSize))
    }
}
