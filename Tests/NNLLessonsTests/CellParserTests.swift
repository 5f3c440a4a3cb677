import Testing
@testable import NNLLessons

@Suite struct CellParserTests {
    let text = """
    %% First [points=2] [hidden]
    %@ title: The title
    %> Some *prose*.
    x = 1;
    %? Set y.
    y = 2;
    %! first hint
    %! second hint
    check(y == 2, ...
          "y is 2")
    %> After the answer.
    """

    @Test func everyDirective() throws {
        let cells = try CellParser.parse(text, file: "t.nnl")
        #expect(cells.count == 1)
        let cell = cells[0]
        #expect(cell.title == "First")
        #expect(cell.attributes == ["points": "2", "hidden": ""])
        #expect(cell.metadata == ["title": "The title"])
        #expect(cell.prose == ["Some *prose*."])
        #expect(cell.code.text == "x = 1;")
        #expect(cell.prompt == "Set y.")
        #expect(cell.solution.text == "y = 2;")
        #expect(cell.hints == ["first hint", "second hint"])
        #expect(cell.checks.lines.map(\.number) == [9, 10])
        #expect(cell.afterword == ["After the answer."])
    }

    @Test func codeKeepsItsLineNumbers() throws {
        let cell = try CellParser.parse(text, file: "t.nnl")[0]
        let source = cell.solution.source(named: "t.nnl")
        #expect(source.firstLine == 6)
        #expect(source.line(6) == "y = 2;")
    }

    @Test(arguments: [
        ("%% A\n%? one\nx = 1;\n%? two\ncheck(1, \"a\")", 4, "one exercise"),
        ("%% A\n%! a hint\n", 2, "after the exercise"),
        ("%% A\n%@ nonsense\n", 2, "key: value"),
        ("%% A [x y]\n", 1, "cell attribute"),
        ("%% A\nx = 1;\n%% B\n%? do it\nx = 2;\n", 3, "no `check"),
    ])
    func malformedCellsSayWhere(text: String, line: Int, message: String) {
        #expect {
            _ = try CellParser.parse(text, file: "bad.nnl")
        } throws: { error in
            guard let error = error as? CellParser.FormatError else { return false }
            return error.file == "bad.nnl" && error.line == line && error.description.contains(message)
                && error.description.hasPrefix("bad.nnl:\(line): ")
        }
    }

    @Test func aHintOfCodeGoesOnUntilItsBlockEnds() throws {
        let cell = try CellParser.parse("""
            %% A
            %? Write f.
            function y = f(x), y = x; end
            %! A function.
            %! function y = f(x)
            %!   y = x;
            %! end
            %! f(2)
            check(f(1) == 1, "f")
            """, file: "t.nnl")[0]
        #expect(cell.hints == ["A function.", "function y = f(x)\n  y = x;\nend", "f(2)"])
        #expect(cell.hintLines == [4, 5, 8])
    }

    @Test func lessonMetadata() throws {
        let lesson = try smallLesson()
        #expect(lesson.title == "A small lesson")
        #expect(lesson.order == 1)
        #expect(lesson.name == "small")
        #expect(lesson.exerciseCount == 2)
    }
}

@Suite struct CellParserLineEndTests {
    @Test(arguments: ["\r\n", "\r"])
    func windowsAndOldMacFilesReadAsUnix(_ end: String) throws {
        let unix = "%% setup\nx = 1;\n%% second [points=2]\n% a comment\ncheck(x == 1, \"x\")\n"
        let cells = try CellParser.parse("\u{FEFF}" + unix.replacingOccurrences(of: "\n", with: end), file: "t.nnl")
        let expected = try CellParser.parse(unix, file: "t.nnl")
        #expect(cells.map(\.title) == ["setup", "second"])
        #expect(cells.map(\.title) == expected.map(\.title))
        #expect(cells.map(\.line) == [1, 3])
        #expect(cells[1].attributes == ["points": "2"])
        #expect(cells.map(\.code.text) == expected.map(\.code.text))
    }
}
