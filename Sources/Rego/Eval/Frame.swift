/// Variable slots of one definition (or query) evaluation, allocated in one block. Unbound slots
/// are `nil`; bindings are undone on backtracking by whoever made them.
final class Frame: ManagedBuffer<Int, RegoValue?> {
    /// A frame with `size` unbound slots.
    static func make(size: Int) -> Frame {
        let buffer = Frame.create(minimumCapacity: size) { _ in size }
        buffer.withUnsafeMutablePointerToElements { $0.initialize(repeating: nil, count: size) }
        return unsafeDowncast(buffer, to: Frame.self)
    }

    deinit {
        _ = withUnsafeMutablePointers { count, slots in slots.deinitialize(count: count.pointee) }
    }

    @inline(__always)
    subscript(slot: Int) -> RegoValue? {
        get { withUnsafeMutablePointerToElements { $0[slot] } }
        set { withUnsafeMutablePointerToElements { $0[slot] = newValue } }
    }
}
