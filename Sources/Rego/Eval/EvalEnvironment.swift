/// Values builtins may depend on that are fixed for one evaluation.
final class EvalEnvironment {
    private let fixedNow: Int64?
    private var now: Int64?
    let regexes: RegexCache
    let globs: GlobCache

    init(now: Int64?, regexes: RegexCache, globs: GlobCache) {
        fixedNow = now
        self.regexes = regexes
        self.globs = globs
    }

    /// `time.now_ns()`: read once per evaluation (or the value given to the evaluation).
    var nowNanoseconds: Int64 {
        if let now { return now }
        let value = fixedNow ?? WallClock.nanosecondsSinceEpoch()
        now = value
        return value
    }
}
