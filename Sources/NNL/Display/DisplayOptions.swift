/// How much room the REPL has for showing a value.
public struct DisplayOptions: Sendable {
    /// Terminal columns; wider matrices are split into column blocks as Octave does.
    public var width: Int
    /// Matrices with more elements than this are elided numpy-style (numpy's default threshold).
    public var elideAbove: Int
    /// Rows and columns kept at each edge of an elided matrix.
    public var edgeItems: Int

    public init(width: Int = 80, elideAbove: Int = 1000, edgeItems: Int = 3) {
        self.width = width
        self.elideAbove = elideAbove
        self.edgeItems = edgeItems
    }
}
