import Foundation

/// Runs `body` on a thread with a large stack and waits for it. Deeply nested
/// (but bounded) programs then end in a clean "too deep" error, never a crash.
public func onLargeStack<T>(_ body: @escaping () -> T) -> T {
    nonisolated(unsafe) var result: T?
    nonisolated(unsafe) let work = body
    let done = DispatchSemaphore(value: 0)
    let thread = Thread {
        result = work()
        done.signal()
    }
    thread.stackSize = 1 << 29
    thread.start()
    done.wait()
    return result!
}
