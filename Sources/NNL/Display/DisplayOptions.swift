/// How much room the REPL has for showing a value.
public struct DisplayOptions: Sendable {
    /// Terminal columns; wider matrices are split into column blocks as Octave does.
    public var width: Int
    /// Matrices with more elements than this are elided numpy-style. Lower than numpy's 1000:
    /// the flower data set's 2×400 would otherwise fill 50 column blocks of a terminal.
    public var elideAbove: Int
    /// Rows and columns kept at each edge of an elided matrix.
    public var edgeItems: Int

    public init(width: Int = 80, elideAbove: Int = 250, edgeItems: Int = 3) {
        self.width = width
        self.elideAbove = elideAbove
        self.edgeItems = edgeItems
    }
}
