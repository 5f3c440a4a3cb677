/// The slots of one running scope: the workspace at top level, or a function call's locals.
final class Frame {
    var values: [Value?]
    /// Names by slot, for "did you mean"; the global frame's names are its scope's instead.
    let names: [String]
    /// A call of a function whose last parameter is `varargin`: the inputs after the named ones
    /// (`varargin{k}`). Nil in every other frame.
    var extraArguments: [Value]?

    init(size: Int, names: [String]) {
        values = Array(repeating: nil, count: size)
        self.names = names
    }
}

extension Frame {
    /// A slot past the end reads as unset and grows the frame when written.
    subscript(slot: Int) -> Value? {
        get { slot < values.count ? values[slot] : nil }
        set {
            if slot >= values.count { values += Array(repeating: nil, count: slot - values.count + 1) }
            values[slot] = newValue
        }
    }

    /// Stores `value` in the slot; the value it replaces is recycled (`Value.recycle`), so a
    /// loop that assigns a small matrix of the same size each time allocates nothing for it.
    func store(_ value: consuming Value, at slot: Int) {
        guard slot < values.count else { return self[slot] = value }
        var old = Optional(value)
        swap(&old, &values[slot])
        old?.recycle()
    }

    /// Whether the slot holds a value, without copying it.
    func holdsValue(at slot: Int) -> Bool {
        guard slot < values.count, case .some = values[slot] else { return false }
        return true
    }

    /// Whether the slot holds a matrix, without copying its value.
    func holdsMatrix(at slot: Int) -> Bool {
        guard slot < values.count, case .matrix? = values[slot] else { return false }
        return true
    }
}
