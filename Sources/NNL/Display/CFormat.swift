#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// One C `printf` call through the C library, so every digit matches glibc (and so Octave).
func cFormat(_ format: String, _ args: CVarArg...) -> String {
    var capacity = 128
    while true {
        var buffer = [UInt8](repeating: 0, count: capacity)
        let needed = buffer.withUnsafeMutableBufferPointer { out in
            withVaList(args) { list in
                out.baseAddress!.withMemoryRebound(to: CChar.self, capacity: capacity) {
                    Int(vsnprintf($0, capacity, format, list))
                }
            }
        }
        if needed < 0 { return "" }
        if needed < capacity { return String(decoding: buffer[..<needed], as: UTF8.self) }
        capacity = needed + 1
    }
}

extension String {
    /// Right-aligned in `width` characters (never truncated), like C++ `setw`.
    func padded(to width: Int) -> String {
        count >= width ? self : String(repeating: " ", count: width - count) + self
    }

    /// Left-aligned in `width` characters (never truncated).
    func paddedRight(to width: Int) -> String {
        count >= width ? self : self + String(repeating: " ", count: width - count)
    }
}
