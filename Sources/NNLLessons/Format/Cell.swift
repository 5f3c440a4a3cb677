import Foundation
import NNL

/// One cell of a lesson or test file: everything from a `%%` line to the next.
///
///     %% Forward propagation [points=2] [hidden]   title and attributes
///     %> Prose in Markdown with $math$.            prose
///     X = planar_dataset();                        code, shown and run
///     %? Compute Z1.                               makes the cell an exercise
///     Z1 = W1*X + b1;                              the solution (hidden)
///     %! b1 is 4×1.                                hints, in order (a block of code may span lines)
///     %x Z1 = W1'*X + b1 → should not be transposed  a mistake and what its feedback must say
///     check(size(Z1) == [4, 400], "Z1 is 4×400")   checks
///     %> Each column of Z1 is one example.         prose after the answer
public struct Cell: Sendable {
    public var title: String
    /// `[points=2]` gives "points": "2"; `[hidden]` gives "hidden": "".
    public var attributes: [String: String]
    /// `%@ key: value` lines (a lesson's first cell: title, order, needs).
    public var metadata: [String: String]
    /// Line of the `%%` marker (1 for text before the first marker).
    public var line: Int
    public var prose: [String]
    /// The line number of each `prose` line, so prose and code can be shown in file order.
    public var proseLines: [Int] = []
    /// Code before `%?`, or all code of a cell that is not an exercise.
    public var code: CodeBlock
    /// The `%?` text; non-nil makes the cell an exercise.
    public var prompt: String?
    public var solution: CodeBlock
    /// Each `%!` line is a hint; a hint of code that opens a block (`function …`) goes on over
    /// the next `%!` lines until the block is closed.
    public var hints: [String]
    /// The line of each hint's first `%!`.
    public var hintLines: [Int] = []
    /// Prose after the `%?` line: shown once the exercise is answered or skipped.
    public var afterword: [String] = []
    /// `%x WRONG → FEEDBACK` lines: an answer a learner might give and a piece of the feedback
    /// it must get (`check-lessons` runs each one).
    public var mistakes: [Mistake] = []
    /// `check(...)` statements after `%?`, each with its own place.
    public var checks: CodeBlock

    public var isExercise: Bool { prompt != nil }

    /// A stated mistake: `%x J = -1/(2*m) * … → twice`.
    public struct Mistake: Sendable {
        public var answer: String
        public var feedback: String
        public var line: Int
    }

    /// A hint is code to paste when the whole of it parses and it does not end with a full stop;
    /// otherwise it is prose, with its code in backticks ("The same loop, from `x = -2`.").
    public static func isCode(hint: String) -> Bool {
        guard case .complete = Session.completeness(of: hint) else { return false }
        return !hint.trimmingCharacters(in: .whitespaces).hasSuffix(".")
    }

    /// A run of prose or of code before the `%?` line.
    public enum Segment {
        case prose([String])
        case code(CodeBlock)
    }

    /// The prose and code before the exercise, interleaved as in the file; blank code runs dropped.
    public var segments: [Segment] {
        let lines = zip(proseLines, prose).map { (number: $0, text: $1, isCode: false) }
            + code.lines.map { (number: $0.number, text: $0.text, isCode: true) }
        var segments: [Segment] = []
        for line in lines.sorted(by: { $0.number < $1.number }) {
            switch (segments.last, line.isCode) {
            case (.prose(let texts)?, false): segments[segments.count - 1] = .prose(texts + [line.text])
            case (.code(var block)?, true):
                block.lines.append((line.number, line.text))
                segments[segments.count - 1] = .code(block)
            case (_, false): segments.append(.prose([line.text]))
            case (_, true): segments.append(.code(CodeBlock(lines: [(line.number, line.text)])))
            }
        }
        return segments.filter { if case .code(let block) = $0 { !block.isEmpty } else { true } }
    }
}

/// Source lines that keep their line numbers, so errors point into the file.
public struct CodeBlock: Sendable {
    public var lines: [(number: Int, text: String)] = []

    public var isEmpty: Bool { lines.allSatisfy { $0.text.trimmingCharacters(in: .whitespaces).isEmpty } }
    public var text: String { lines.map(\.text).joined(separator: "\n") }

    /// The lines as one source, with blank lines where other lines stood between them.
    public func source(named name: String) -> SourceFile {
        guard let first = lines.first?.number else { return SourceFile(name: name, text: "") }
        var out: [String] = []
        var next = first
        for (number, text) in lines {
            while next < number { out.append(""); next += 1 }
            out.append(text)
            next += 1
        }
        return SourceFile(name: name, text: out.joined(separator: "\n"), firstLine: first)
    }
}

