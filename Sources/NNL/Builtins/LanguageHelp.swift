/// `help` for what is not a function: operators, keywords and punctuation, as Octave documents
/// them (`help .*`, `help for`, `help '`).
enum LanguageHelp {
    /// Each topic's text: the forms, then what it does, then an example.
    static func text(for symbol: String) -> String? {
        guard let entry = entries.first(where: { $0.names.contains(symbol) }) else { return nil }
        return "\(entry.names.joined(separator: "  "))\n\(entry.text)\n"
    }

    static var symbols: [String] { entries.flatMap(\.names) }

    private static let entries: [(names: [String], text: String)] = [
        (["+", "-"], "a + b, a - b: sums and differences, element by element. Sizes must be equal, or one a scalar, or a column n×1 / row 1×m against n×m (broadcasting), as in Z1 = W1*X + b1."),
        (["*"], "A * B: the matrix product; A's columns must equal B's rows (4×2 * 2×400 is 4×400). A scalar on either side scales. numpy's `*` is element-wise: in nnl that is `.*`."),
        (["@"], "A @ B: numpy's matrix product, the same as A * B. (Before a name or `(`, `@` makes a function handle: @sigmoid, @(z) 1 ./ (1 + exp(-z)).)"),
        ([".*"], "A .* B: the element-wise product, numpy's `*` and np.multiply. Sizes as for `+`: s .* (1 - s)."),
        (["/"], "A / B: divides by a scalar element by element; for matrices it solves x*B = A. Element by element is `./`."),
        (["./"], "A ./ B: element-wise division, numpy's `/`: 1 ./ (1 + exp(-z))."),
        (["\\"], "A \\ b: solves A*x = b (more exact than inv(A)*b)."),
        (["^"], "A ^ n: the matrix power A*A*…*A of a square matrix (n may be negative: A^-1 is inv(A)); for scalars the ordinary power. Element by element is `.^`."),
        ([".^"], "A .^ n: each element to the power n, numpy's `**` and np.power: A1.^2."),
        (["**"], "A ** n: numpy's power, element by element for every shape, a square matrix too (with a one-time reminder that nnl writes it `.^`; in Octave `**` is the matrix power `^`). Write `.^` to be clear: A1.^2."),
        (["'", ".'"], "A': the transpose, rows become columns (numpy's A.T): W2' * dZ2."),
        (["==", "~=", "!=", "<", "<=", ">", ">="], "a == b, a ~= b, a < b …: comparisons, element by element, giving logical 0/1 (a mask when used as an index: Y(Y < 0) = 0)."),
        (["&", "|"], "a & b, a | b: element-wise and / or, giving logical values."),
        (["&&", "||"], "a && b, a || b: and / or of two logical scalars; the right side runs only when needed. For arrays use & and |, or all(...) / any(...)."),
        (["!", "~"], "!a, ~a: logical not, element by element. In [~, i] = max(x), `~` ignores an output."),
        ([":"], "a:b, a:step:b: a row from a to b (1:5, 0:0.25:1, 5:-1:1). In an index `:` alone means all: X(:, 1) is the first column, X(:) every element as a column."),
        (["=", "+=", "-=", "*=", "/=", "++", "--"], "x = value assigns; x += 1 is x = x + 1 (also -=, *=, /=); x++ and x-- add or take 1 as a statement of their own."),
        (["[]", "[", "]"], "[a, b; c, d]: builds a matrix; `,` or a space puts side by side, `;` or a new line stacks. [] is empty; X(:, 2) = [] deletes a column."),
        (["()", "(", ")"], "f(x) calls a function; X(i, j) indexes, counting from 1 (X(end) is the last); (e) groups."),
        ([";", ","], "`;` ends a statement without showing its value; `,` or a new line ends it and shows the value. Inside [ ] they stack and join."),
        (["%", "#"], "% starts a comment to the end of the line (# too); %{ … %} on lines of their own comments out a block."),
        (["...", "…"], "... at the end of a line continues the statement on the next line."),
        (["if", "elseif", "else"], "if condition … elseif condition … else … end: runs the first block whose condition is true (non-empty and all nonzero)."),
        (["for"], "for i = 1:n … end: runs the block once for each column of the value (each number of a row)."),
        (["while"], "while condition … end: repeats the block while the condition is true."),
        (["switch", "case", "otherwise"], "switch x, case 1 … case {2, 3} … case 'relu' … otherwise … end: runs the block of the first case whose label equals x (text by its characters; a list in { } matches any of its labels), else the otherwise block."),
        (["break", "continue"], "break leaves the innermost loop; continue goes on with its next round."),
        (["end", "endif", "endfor", "endwhile", "endswitch", "endfunction"], "end closes if, for, while, switch and function blocks. Inside an index it is the last position: X(end), X(end-1, :)."),
        (["function", "return"], "function [a, b] = name(x, y) … end defines a function with outputs a and b; return leaves it early."),
    ]
}
