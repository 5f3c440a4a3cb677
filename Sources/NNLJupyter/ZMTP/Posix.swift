#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The few socket calls whose names or flags differ between Linux and macOS, and the names
/// Swift would otherwise confuse with methods (`send`, `close`).
enum Posix {
    /// Sends without SIGPIPE on a closed connection; the byte count or -1.
    static func send(_ fd: Int32, _ bytes: UnsafeRawBufferPointer) -> Int {
        #if canImport(Glibc)
        Glibc.send(fd, bytes.baseAddress, bytes.count, Int32(MSG_NOSIGNAL))
        #else
        Darwin.send(fd, bytes.baseAddress, bytes.count, 0)
        #endif
    }

    static func close(_ fd: Int32) {
        #if canImport(Glibc)
        _ = Glibc.close(fd)
        #else
        _ = Darwin.close(fd)
        #endif
    }

    /// poll(2) over `fds`; the number of ready descriptors, 0 on timeout or a signal.
    static func poll(_ fds: inout [pollfd], _ timeout: Int32) -> Int32 {
        fds.withUnsafeMutableBufferPointer { buffer in
            #if canImport(Glibc)
            Glibc.poll(buffer.baseAddress, nfds_t(buffer.count), timeout)
            #else
            Darwin.poll(buffer.baseAddress, nfds_t(buffer.count), timeout)
            #endif
        }
    }

    static var lastError: String { String(cString: strerror(errno)) }

    /// Sets an integer socket option (SO_REUSEADDR, TCP_NODELAY, SO_NOSIGPIPE).
    static func setOption(_ fd: Int32, _ level: Int32, _ name: Int32, _ value: Int32 = 1) {
        var value = value
        _ = setsockopt(fd, level, name, &value, socklen_t(MemoryLayout<Int32>.size))
    }

    static let streamSocket: Int32 = {
        #if canImport(Glibc)
        Int32(SOCK_STREAM.rawValue)
        #else
        SOCK_STREAM
        #endif
    }()
}

extension Posix {
    static func setNonBlocking(_ fd: Int32) {
        _ = fcntl(fd, F_SETFL, fcntl(fd, F_GETFL) | O_NONBLOCK)
    }

    /// A non-blocking pipe, for waking a thread out of poll().
    static func pipe() -> (read: Int32, write: Int32) {
        var ends: [Int32] = [0, 0]
        #if canImport(Glibc)
        _ = Glibc.pipe(&ends)
        #else
        _ = Darwin.pipe(&ends)
        #endif
        setNonBlocking(ends[0])
        setNonBlocking(ends[1])
        return (ends[0], ends[1])
    }

    /// Wakes the poll() that watches the pipe's other end (a full pipe is awake already).
    static func wake(_ fd: Int32) {
        var byte: UInt8 = 1
        _ = write(fd, &byte, 1)
    }

    /// Empties a wake pipe.
    static func drain(_ fd: Int32) {
        var bytes = [UInt8](repeating: 0, count: 256)
        while read(fd, &bytes, bytes.count) > 0 {}
    }
}
