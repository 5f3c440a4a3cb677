/// A grid of terminal cells to draw on: braille dots (2×4 a cell) for lines, one marker a cell
/// for labelled points, and a shade a cell for classifier regions.
struct TerminalCanvas {
    let width: Int
    let height: Int
    private var dots: [UInt8]
    /// The line that set a cell's latest dot, for its colour.
    private var dotLine: [Int]
    /// Points of each class that fell in a cell; the most numerous class shows.
    private var pointCounts: [[Int: Int]]
    private var region: [Int?]

    init(width: Int, height: Int) {
        self.width = width
        self.height = height
        dots = Array(repeating: 0, count: width * height)
        dotLine = Array(repeating: 0, count: width * height)
        pointCounts = Array(repeating: [:], count: width * height)
        region = Array(repeating: nil, count: width * height)
    }

    var dotWidth: Int { width * 2 }
    var dotHeight: Int { height * 4 }

    mutating func dot(x: Int, y: Int, line: Int) {
        guard (0..<dotWidth).contains(x), (0..<dotHeight).contains(y) else { return }
        let cell = (y / 4) * width + x / 2
        dots[cell] |= Self.brailleBits[x % 2][y % 4]
        dotLine[cell] = line
    }

    /// Bresenham's line between two dots.
    mutating func line(from a: (x: Int, y: Int), to b: (x: Int, y: Int), line: Int) {
        let dx = abs(b.x - a.x), dy = -abs(b.y - a.y)
        let sx = a.x < b.x ? 1 : -1, sy = a.y < b.y ? 1 : -1
        var (x, y, error) = (a.x, a.y, dx + dy)
        while true {
            dot(x: x, y: y, line: line)
            if x == b.x && y == b.y { return }
            let e2 = 2 * error
            if e2 >= dy { error += dy; x += sx }
            if e2 <= dx { error += dx; y += sy }
        }
    }

    mutating func point(x: Int, y: Int, class index: Int) {
        guard (0..<width).contains(x), (0..<height).contains(y) else { return }
        pointCounts[y * width + x][index, default: 0] += 1
    }

    mutating func shade(x: Int, y: Int, class index: Int) {
        region[y * width + x] = index
    }

    /// One row of cells as text, with ANSI colours when `colour` is set.
    func row(_ y: Int, colour: Bool) -> String {
        var out = ""
        var current: [String] = []
        for x in 0..<width {
            let (character, style) = cell(y * width + x, colour: colour)
            let wanted = colour ? style : []
            if wanted != current {
                out += "\u{1B}[0" + wanted.map { ";" + $0 }.joined() + "m"
                current = wanted
            }
            out.append(character)
        }
        if !current.isEmpty { out += "\u{1B}[0m" }
        return out
    }

    /// The character of a cell and its SGR codes: a point over a line over a region.
    /// Without colour a region is told by its shade; with colour by its background.
    private func cell(_ i: Int, colour: Bool) -> (Character, [String]) {
        let background = region[i].map { [Palette.class($0).ansiBackground] } ?? []
        if let (index, _) = pointCounts[i].max(by: { ($0.value, -$0.key) < ($1.value, -$1.key) }) {
            return (Palette.marker(index), [Palette.class(index).ansi] + background)
        }
        if dots[i] != 0 {
            return (Character(Unicode.Scalar(0x2800 + UInt32(dots[i]))!), [Palette.line(dotLine[i]).ansi] + background)
        }
        if let r = region[i], !colour { return (Palette.plainShades[r % Palette.plainShades.count], []) }
        return (" ", background)
    }

    private static let brailleBits: [[UInt8]] = [[0x01, 0x02, 0x04, 0x40], [0x08, 0x10, 0x20, 0x80]]
}
