/// The names of one scope and the frame slot each one owns. Grows as names
/// appear; a slot never changes meaning, so workspaces copied from the same
/// interpreter agree on what every slot holds.
public final class Scope: @unchecked Sendable {
    public private(set) var names: [String] = []
    private var slots: [String: Int] = [:]

    public init() {}

    public func slot(for name: String) -> Int {
        if let s = slots[name] { return s }
        names.append(name)
        slots[name] = names.count - 1
        return names.count - 1
    }

    public func existingSlot(for name: String) -> Int? { slots[name] }
    public var count: Int { names.count }
}
