/// Per-`with`-scope evaluation state: the input, `data` overrides and the rule value cache.
final class EvalContext {
    enum CacheEntry {
        case empty
        case inProgress
        case value(RegoValue)
        case undefined
    }

    let input: RegoValue?
    /// `with data.<path> as value` replacements, outermost first.
    let overrides: [(path: [RegoValue], value: RegoValue)]
    @exclusivity(unchecked) var cache: [CacheEntry]

    init(input: RegoValue?, overrides: [(path: [RegoValue], value: RegoValue)], ruleCount: Int) {
        self.input = input
        self.overrides = overrides
        cache = Array(repeating: .empty, count: ruleCount)
    }
}
