// Structs, handles and strings: expectations from GNU Octave 7.3.0 output, with nnl's shape
// header on matrices and `×` in empty dimensions. Elision and width are nnl's own.
import NNLMatrix
import OrderedCollections
import Testing
@testable import NNL

private let options = DisplayOptions()

private func handle(_ text: String) -> Value {
    .function(FunctionValue(target: .named("f"), text: text))
}

private func structure(_ fields: KeyValuePairs<String, Value>) -> Value {
    .structure(StructValue(fields: OrderedDictionary(uniqueKeysWithValues: fields.map { ($0.key, $0.value) })))
}

@Test func stringsStayOnOneLine() {
    #expect(display(name: "s", value: .string("hello"), options: options) == "s = hello\n")
    #expect(display(name: "s", value: .string(""), options: options) == "s = \n")
    #expect(dispText(.string("hello"), options: options) == "hello\n")
}

@Test func functionHandleAsOctave() {
    #expect(display(name: "f", value: handle("@(x) 2 * (x - 3)"), options: options) == "f =\n\n@(x) 2 * (x - 3)\n\n")
    #expect(dispText(handle("@(x) x .^ 2"), options: options) == "@(x) x .^ 2\n")
}

@Test func nestedStructAsOctave() {
    let p = structure([
        "a": .scalar(1),
        "b": .matrix(octaveMatrix(2, 2, [1, 3, 2, 4])),
        "c": .string("str"),
        "d": structure(["e": .scalar(2)]),
    ])
    #expect(display(name: "p", value: p, options: options) == """
        p =

          scalar structure containing the fields:

            a = 1
            b = (2×2)

               1   2
               3   4

            c = str
            d =

              scalar structure containing the fields:

                e = 2



        """)
}

@Test func structWithHandleEmptiesAndDisp() {
    let q = structure([
        "f": handle("@(x) x + 1"), "s": .string(""), "e": .matrix(octaveMatrix(2, 0, [])), "z": .scalar(-0.25),
    ])
    let fields = "    f =\n\n@(x) x + 1\n\n    s = \n    e = [](2×0)\n    z = -0.2500\n"
    #expect(display(name: "q", value: q, options: options)
        == "q =\n\n  scalar structure containing the fields:\n\n" + fields + "\n")
    #expect(dispText(q, options: options) == fields)
    #expect(display(name: "r", value: structure([:]), options: options)
        == "r =\n\n  scalar structure containing the fields:\n\n\n")
}

@Test func narrowTerminalSplitsColumns() {
    let narrow = DisplayOptions(width: 12)
    #expect(display(name: "v", value: .matrix(Matrix(row: [1, 2, 3, 4, 5])), options: narrow) == """
        v = (1×5)

         Columns 1 through 3:

           1   2   3

         Columns 4 and 5:

           4   5


        """)
}

@Test func largeMatrixIsElidedWithShapeHeader() {
    let z = octaveMatrix(4, 400, (0..<1600).map { i in Double((i % 4) * 1000 + i / 4) })
    #expect(display(name: "Z1", value: .matrix(z), options: options) == """
        Z1 = (4×400)

              0      1      2 …    397    398    399
           1000   1001   1002 …   1397   1398   1399
           2000   2001   2002 …   2397   2398   2399
           3000   3001   3002 …   3397   3398   3399


        """)
}

@Test func elisionCutsRowsAndColumnsAndFormatsShownValues() {
    // 10·row + column, with a hidden 32.5 in the middle that must not change the format.
    var a = octaveMatrix(7, 7, (0..<49).map { i in Double((i % 7) * 10 + i / 7) })
    a[3, 2] = 32.5
    let tight = DisplayOptions(elideAbove: 10, edgeItems: 1)
    #expect(display(name: "A", value: .matrix(a), options: tight)
        == "A = (7×7)\n\n    0 …    6\n    ⋮ ⋱    ⋮\n   60 …   66\n\n")
    #expect(dispText(.matrix(a), options: tight) == "    0 …    6\n    ⋮ ⋱    ⋮\n   60 …   66\n")
}
