/// The Mersenne Twister exactly as numpy's legacy `RandomState` runs it:
/// `init_genrand` seeding, the reference regeneration and tempering.
struct MT19937: Sendable {
    private static let n = 624
    private static let m = 397
    private var state: [UInt32]
    private var index: Int

    /// numpy's `seed(s)` for an integer s in [0, 2^32-1].
    init(seed: UInt32) {
        state = [UInt32](repeating: 0, count: Self.n)
        state[0] = seed
        for i in 1..<Self.n {
            let prev = state[i - 1]
            state[i] = 1_812_433_253 &* (prev ^ (prev >> 30)) &+ UInt32(i)
        }
        // The first draw regenerates the whole table.
        index = Self.n
    }

    /// The next tempered 32-bit output.
    mutating func next32() -> UInt32 {
        if index >= Self.n { regenerate() }
        var y = state[index]
        index += 1
        y ^= y >> 11
        y ^= (y << 7) & 0x9D2C_5680
        y ^= (y << 15) & 0xEFC6_0000
        y ^= y >> 18
        return y
    }

    private mutating func regenerate() {
        let upper: UInt32 = 0x8000_0000, lower: UInt32 = 0x7FFF_FFFF
        for i in 0..<Self.n {
            let y = (state[i] & upper) | (state[(i + 1) % Self.n] & lower)
            let mag: UInt32 = (y & 1) == 0 ? 0 : 0x9908_B0DF
            state[i] = state[(i + Self.m) % Self.n] ^ (y >> 1) ^ mag
        }
        index = 0
    }
}
