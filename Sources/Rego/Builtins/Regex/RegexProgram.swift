/// A compiled regular expression run as a Thompson NFA (linear time, no backtracking), so
/// like RE2 it has no catastrophic patterns. Only "is there a match" is answered.
struct RegexProgram: Sendable {
    enum Instruction: Sendable {
        case character(CharacterMatcher)
        case split(Int, Int)
        case jump(Int)
        case assertion(RegexAssertion)
        case accept
    }

    let instructions: [Instruction]
    private static let maxInstructions = 20_000

    init(_ pattern: String) throws(BuiltinError) {
        var builder = Builder()
        try builder.emit(try RegexParser.parse(pattern))
        builder.instructions.append(.accept)
        guard builder.instructions.count <= RegexProgram.maxInstructions else {
            throw BuiltinError("regex: expression too large")
        }
        instructions = builder.instructions
    }

    private struct Builder {
        var instructions: [Instruction] = []

        mutating func emit(_ node: RegexNode) throws(BuiltinError) {
            guard instructions.count <= RegexProgram.maxInstructions else { throw BuiltinError("regex: expression too large") }
            switch node {
            case .empty:
                break
            case .character(let matcher):
                instructions.append(.character(matcher))
            case .assertion(let assertion):
                instructions.append(.assertion(assertion))
            case .concatenation(let items):
                for item in items { try emit(item) }
            case .alternation(let branches):
                var jumps: [Int] = []
                for (index, branch) in branches.enumerated() {
                    if index < branches.count - 1 {
                        let split = instructions.count
                        instructions.append(.split(split + 1, -1))
                        try emit(branch)
                        jumps.append(instructions.count)
                        instructions.append(.jump(-1))
                        instructions[split] = .split(split + 1, instructions.count)
                    } else {
                        try emit(branch)
                    }
                }
                for jump in jumps { instructions[jump] = .jump(instructions.count) }
            case .repetition(let inner, let min, let max):
                for _ in 0..<min { try emit(inner) }
                if let max {
                    var splits: [Int] = []
                    for _ in min..<max {
                        splits.append(instructions.count)
                        instructions.append(.split(instructions.count + 1, -1))
                        try emit(inner)
                    }
                    for split in splits { instructions[split] = .split(split + 1, instructions.count) }
                } else {
                    let loop = instructions.count
                    instructions.append(.split(loop + 1, -1))
                    try emit(inner)
                    instructions.append(.jump(loop))
                    instructions[loop] = .split(loop + 1, instructions.count)
                }
            }
        }
    }

    /// `true` if the expression matches anywhere in `text`.
    func matches(_ text: String) -> Bool {
        let input = Array(text.unicodeScalars)
        var state = SearchState(count: instructions.count)
        var current: [Int] = []
        var next: [Int] = []
        state.generation = 1
        // Unanchored search: a new thread starts at every position.
        if addThreads(from: 0, at: 0, input, &current, &state) { return true }
        for position in 0..<input.count {
            state.generation += 1
            next.removeAll(keepingCapacity: true)
            let scalar = input[position]
            for pc in current {
                if case .character(let matcher) = instructions[pc], matcher.matches(scalar),
                    addThreads(from: pc + 1, at: position + 1, input, &next, &state)
                {
                    return true
                }
            }
            if addThreads(from: 0, at: position + 1, input, &next, &state) { return true }
            swap(&current, &next)
        }
        return false
    }

    private struct SearchState {
        var marks: [Int]
        var generation = 0
        var stack: [Int] = []

        init(count: Int) {
            marks = Array(repeating: 0, count: count)
        }
    }

    /// Follows jumps, splits and assertions from `start`, collecting character instructions;
    /// returns `true` if `accept` is reachable.
    private func addThreads(
        from start: Int, at position: Int, _ input: [Unicode.Scalar], _ list: inout [Int], _ state: inout SearchState
    ) -> Bool {
        state.stack.append(start)
        defer { state.stack.removeAll(keepingCapacity: true) }
        while let pc = state.stack.popLast() {
            guard state.marks[pc] != state.generation else { continue }
            state.marks[pc] = state.generation
            switch instructions[pc] {
            case .accept:
                return true
            case .jump(let target):
                state.stack.append(target)
            case .split(let a, let b):
                state.stack.append(b)
                state.stack.append(a)
            case .assertion(let assertion):
                if holds(assertion, position, input) { state.stack.append(pc + 1) }
            case .character:
                list.append(pc)
            }
        }
        return false
    }

    private func holds(_ assertion: RegexAssertion, _ position: Int, _ input: [Unicode.Scalar]) -> Bool {
        switch assertion {
        case .beginText: return position == 0
        case .endText: return position == input.count
        case .beginLine: return position == 0 || input[position - 1] == "\n"
        case .endLine: return position == input.count || input[position] == "\n"
        case .wordBoundary, .notWordBoundary:
            let before = position > 0 && isWord(input[position - 1])
            let after = position < input.count && isWord(input[position])
            return (before != after) == (assertion == .wordBoundary)
        }
    }

    private func isWord(_ scalar: Unicode.Scalar) -> Bool {
        RegexClasses.word.contains { $0.contains(scalar.value) }
    }
}
