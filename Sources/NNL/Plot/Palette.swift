/// Colours and markers of lines and classes, shared by the terminal and SVG renderers so a
/// figure looks the same in both. Class 0 is red and class 1 blue, as in the course's plots.
enum Palette {
    struct Colour {
        /// SGR foreground code (`31`), and the background code for a region of this class.
        let ansi: String
        let ansiBackground: String
        let svg: String
        /// A light tint of `svg` for regions.
        let svgTint: String
    }

    static func line(_ i: Int) -> Colour { lines[i % lines.count] }
    static func `class`(_ i: Int) -> Colour { classes[i % classes.count] }
    static func marker(_ i: Int) -> Character { markers[i % markers.count] }

    private static let lines = [
        Colour(ansi: "34", ansiBackground: "44", svg: "#1f77b4", svgTint: "#c6dbef"),
        Colour(ansi: "31", ansiBackground: "41", svg: "#d62728", svgTint: "#f7c5c5"),
        Colour(ansi: "32", ansiBackground: "42", svg: "#2ca02c", svgTint: "#c7e9c0"),
        Colour(ansi: "33", ansiBackground: "43", svg: "#ff7f0e", svgTint: "#fdd0a2"),
        Colour(ansi: "35", ansiBackground: "45", svg: "#9467bd", svgTint: "#dadaeb"),
        Colour(ansi: "36", ansiBackground: "46", svg: "#17becf", svgTint: "#c5eef3"),
    ]
    private static let classes = [
        Colour(ansi: "31", ansiBackground: "48;5;52", svg: "#d62728", svgTint: "#f7c5c5"),
        Colour(ansi: "34", ansiBackground: "48;5;17", svg: "#1f77b4", svgTint: "#c6dbef"),
        Colour(ansi: "32", ansiBackground: "48;5;22", svg: "#2ca02c", svgTint: "#c7e9c0"),
        Colour(ansi: "35", ansiBackground: "48;5;53", svg: "#9467bd", svgTint: "#dadaeb"),
    ]
    /// Classes differ by marker too, so they stay apart without colour.
    private static let markers: [Character] = ["•", "×", "◦", "+", "▪", "*"]
    /// Region shades without colour, class by class.
    static let plainShades: [Character] = [" ", "░", "▒", "▓"]
}
