/// How much one peer may make the kernel hold, after libzmq's socket options. A peer that sends
/// more than a message's cap is disconnected; one that does not read loses what would be queued
/// past its marks; neither ever makes the kernel wait.
public struct ZMTPLimits: Sendable, Equatable {
    /// Messages queued for one peer before new ones to it are dropped (libzmq's ZMQ_SNDHWM).
    public var sendHighWaterMark: Int
    /// Bytes queued for one peer before new messages to it are dropped.
    public var sendQueueBytes: Int
    /// Messages received from one peer and not yet handled before the kernel stops reading from
    /// it (libzmq's ZMQ_RCVHWM), or `maxMessageSize` bytes of them: the peer's own TCP buffers
    /// then fill, nobody else's.
    public var receiveHighWaterMark: Int
    /// The largest message a peer may send, all its frames together (ZMQ_MAXMSGSIZE). It is also
    /// what one connection may buffer of a message still arriving: a larger one, or a frame that
    /// announces more, ends the connection at once.
    public var maxMessageSize: Int
    /// How long a port stops accepting after accept() fails for want of descriptors or memory.
    public var acceptBackoffMilliseconds: Int32

    public init(sendHighWaterMark: Int = 1000, sendQueueBytes: Int = 256 << 20, receiveHighWaterMark: Int = 1000,
                maxMessageSize: Int = 64 << 20, acceptBackoffMilliseconds: Int32 = 100) {
        self.sendHighWaterMark = sendHighWaterMark
        self.sendQueueBytes = sendQueueBytes
        self.receiveHighWaterMark = receiveHighWaterMark
        self.maxMessageSize = maxMessageSize
        self.acceptBackoffMilliseconds = acceptBackoffMilliseconds
    }

    /// The same limits with messages capped at `size`: iopub and the heartbeat only ever receive
    /// subscriptions and pings, so they take no more than that before any key is checked.
    func cappingMessages(at size: Int) -> ZMTPLimits {
        var limits = self
        limits.maxMessageSize = min(maxMessageSize, size)
        return limits
    }
}
