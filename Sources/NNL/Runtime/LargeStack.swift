#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Runs `body` on a thread with a large stack and waits for it, or right here when this thread
/// is already one. Deeply nested (but bounded) programs then end in a clean "too deep" error,
/// never a crash, whichever thread a host runs a session on: `Session` runs every program this
/// way itself (a 250-deep recursion needs more than a debug build's 8 MB main stack).
func onLargeStack<T, E: Error>(_ body: () throws(E) -> T) throws(E) -> T {
    if pthread_getspecific(LargeStack.key) != nil { return try body() }
    var result: Result<T, E>?
    withoutActuallyEscaping(body) { body in
        LargeStack.run { result = Result { () throws(E) in try body() } }
    }
    return try result!.get()
}

private enum LargeStack {
    static let size = 1 << 29
    /// Set (to a non-null value) on the threads `run` makes.
    static let key: pthread_key_t = {
        var key = pthread_key_t()
        pthread_key_create(&key, nil)
        return key
    }()

    final class Work {
        let body: () -> Void
        init(_ body: @escaping () -> Void) { self.body = body }
    }

    /// `body` on a new thread with a `size` stack; returns when the thread has ended (joined, so
    /// nothing of `body` outlives the call). Without a thread to be had, `body` runs here.
    static func run(_ body: @escaping () -> Void) {
        var attributes = pthread_attr_t()
        pthread_attr_init(&attributes)
        defer { pthread_attr_destroy(&attributes) }
        pthread_attr_setstacksize(&attributes, size)
        let work = Unmanaged.passRetained(Work(body)).toOpaque()
        #if canImport(Darwin)
        var thread: pthread_t?
        #else
        var thread = pthread_t()
        #endif
        let started = pthread_create(&thread, &attributes, { raw in
            pthread_setspecific(LargeStack.key, UnsafeRawPointer(bitPattern: 1))
            Unmanaged<Work>.fromOpaque(raw!).takeRetainedValue().body()
            return nil
        }, work)
        guard started == 0 else {
            Unmanaged<Work>.fromOpaque(work).takeRetainedValue().body()
            return
        }
        #if canImport(Darwin)
        pthread_join(thread!, nil)
        #else
        pthread_join(thread, nil)
        #endif
    }
}
