import Foundation
import NNL

/// ANSI styling, on only when writing to a terminal and `NO_COLOR` is unset.
public struct TerminalStyle: Sendable {
    public var enabled: Bool

    public init(enabled: Bool) { self.enabled = enabled }

    public func heading(_ s: String) -> String { paint(s, "1;4") }
    public func bold(_ s: String) -> String { paint(s, "1") }
    public func emphasis(_ s: String) -> String { paint(s, "3") }
    public func code(_ s: String) -> String { paint(s, "36") }
    public func math(_ s: String) -> String { paint(s, "33") }
    public func dim(_ s: String) -> String { paint(s, "2") }
    public func good(_ s: String) -> String { paint(s, "1;32") }
    public func bad(_ s: String) -> String { paint(s, "1;31") }

    private func paint(_ s: String, _ code: String) -> String {
        ansi(s, code, if: enabled)
    }
}
