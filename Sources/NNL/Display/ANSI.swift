/// Text in an ANSI style (`"1;31"` bold red, `"2"` dim) when `enabled`, else as it is: every
/// coloured thing nnl prints goes through here, and whether colour is wanted is the host's call.
public func ansi(_ text: String, _ style: String, if enabled: Bool) -> String {
    enabled ? "\u{1B}[\(style)m\(text)\u{1B}[0m" : text
}
