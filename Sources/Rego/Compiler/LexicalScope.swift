/// One variable scope: a rule body, a comprehension body or an `every` body. All scopes of one
/// definition share one frame, so slots are unique within it.
final class LexicalScope {
    let parent: LexicalScope?
    let slots: SlotAllocator
    /// Names declared with `:=`, `some` or as parameters, with the literal index of the declaration.
    private(set) var declared: [String: (slot: Int, literal: Int)] = [:]
    /// Names used without declaration that are not globals.
    private var implicit: [String: Int] = [:]
    /// Names that occur in this scope's own expressions (not in nested closures).
    let occurring: Set<String>
    /// Slots of enclosing scopes referenced from this scope or scopes nested in it.
    private(set) var outerSlots: Set<Int> = []
    /// Slots owned by this scope.
    private var ownSlots: Set<Int> = []
    /// Index of the literal being resolved (for "referenced before declaration" checks).
    var currentLiteral = 0

    init(parent: LexicalScope?, slots: SlotAllocator, occurring: Set<String>) {
        self.parent = parent
        self.slots = slots
        self.occurring = occurring
    }

    /// Declares a name; `false` if it is already declared in this scope.
    func declare(_ name: String, atLiteral literal: Int) -> Bool {
        guard declared[name] == nil else { return false }
        let slot = slots.allocate(name)
        declared[name] = (slot, literal)
        ownSlots.insert(slot)
        return true
    }

    /// A fresh slot owned by this scope (for `_`).
    func freshSlot() -> Int {
        let slot = slots.allocate("_")
        ownSlots.insert(slot)
        return slot
    }

    /// The slot of the innermost declaration of `name`, with the scope that declares it.
    func findDeclaration(_ name: String) -> (slot: Int, literal: Int, scope: LexicalScope)? {
        var scope: LexicalScope? = self
        while let s = scope {
            if let d = s.declared[name] { return (d.slot, d.literal, s) }
            scope = s.parent
        }
        return nil
    }

    /// The implicit variable `name`, owned by the outermost scope where it occurs
    /// (or this scope if it occurs nowhere else).
    func implicitSlot(_ name: String) -> (slot: Int, scope: LexicalScope) {
        var owner = self
        var scope: LexicalScope? = self
        while let s = scope {
            if s.occurring.contains(name) { owner = s }
            scope = s.parent
        }
        if let slot = owner.implicit[name] { return (slot, owner) }
        let slot = slots.allocate(name)
        owner.implicit[name] = slot
        owner.ownSlots.insert(slot)
        return (slot, owner)
    }

    /// Records that `slot`, owned by `owner`, is used from this scope.
    func noteUse(of slot: Int, ownedBy owner: LexicalScope) {
        var scope: LexicalScope? = self
        while let s = scope, s !== owner {
            s.outerSlots.insert(slot)
            scope = s.parent
        }
    }
}

/// Hands out frame slots for one definition and remembers variable names for messages.
final class SlotAllocator {
    private(set) var names: [String] = []

    var count: Int { names.count }

    func allocate(_ name: String) -> Int {
        names.append(name)
        return names.count - 1
    }
}
