/// Tracks which slots are bound while compiling one expression, and which were needed unbound.
struct Safety {
    var bound: Set<Int>
    /// Variables that had to be bound but were not (first occurrence first).
    var missing: [(slot: Int, location: RegoLocation)] = []

    init(bound: Set<Int>) {
        self.bound = bound
    }

    var isSafe: Bool { missing.isEmpty }

    mutating func require(_ slot: Int, at location: RegoLocation) {
        if !bound.contains(slot) { missing.append((slot, location)) }
    }
}
