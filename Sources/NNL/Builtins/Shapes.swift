import NNLMatrix

/// Questions about shape and kind: size, numel, isempty, class…
extension Builtins {
    static let shapes: [Builtin] = [
        Builtin(name: "size", help: "size(X), size(X, dim), [r, c] = size(X)\nThe shape of X as [rows, columns].",
                example: "size(zeros(4, 400))", arity: 1...2, body: { c throws(Diagnostic) in
                    let (r, k) = c.args[0].shape
                    if c.args.count == 2 {
                        let d = try c.integer(1, minimum: 1)
                        return [.scalar(Double(d == 1 ? r : (d == 2 ? k : 1)))]
                    }
                    // Octave: every output after the second is 1 ([r, c, d] = size(X) gives d = 1).
                    if c.nargout >= 2 { return [.scalar(Double(r)), .scalar(Double(k))] + Array(repeating: .scalar(1), count: c.nargout - 2) }
                    return [.matrix(Matrix(row: [Double(r), Double(k)]))]
                }),
        shapeQuery("rows", "The number of rows.", "rows(zeros(4, 400))") { r, _ in Double(r) },
        shapeQuery("columns", "The number of columns.", "columns(zeros(4, 400))") { _, k in Double(k) },
        shapeQuery("numel", "The number of elements.", "numel(zeros(4, 400))") { r, k in Double(r * k) },
        shapeQuery("length", "The larger dimension (0 if empty).", "length(zeros(4, 400))") { r, k in r == 0 || k == 0 ? 0 : Double(max(r, k)) },
        shapeQuery("ndims", "The number of dimensions: always 2 here.", "ndims(5)") { _, _ in 2 },
        predicate("isempty", "1 if X has no elements.", "isempty([])") { v in v.shape.rows * v.shape.cols == 0 },
        predicate("isscalar", "1 if X is 1×1.", "isscalar(5)") { v in v.shape == (1, 1) },
        predicate("isvector", "1 if X is 1×n or n×1 with n ≥ 1.", "isvector([1 2 3])") { v in (v.shape.rows == 1 || v.shape.cols == 1) && v.shape.rows * v.shape.cols >= 1 },
        predicate("isrow", "1 if X is 1×n.", "isrow([1 2 3])") { v in v.shape.rows == 1 },
        predicate("iscolumn", "1 if X is n×1.", "iscolumn([1; 2])") { v in v.shape.cols == 1 },
        predicate("ismatrix", "1 for any matrix.", "ismatrix(5)") { v in if case .matrix = v { true } else { false } },
        predicate("isnumeric", "1 if X is numbers (not text, a struct or a function).", "isnumeric(5)") { v in if case .matrix = v { true } else { false } },
        predicate("islogical", "1 if X came from a comparison or true/false.", "islogical(3 > 2)") { v in if case .matrix(let m) = v { m.isLogical } else { false } },
        predicate("ischar", "1 if X is text.", "ischar(\"hi\")") { v in if case .string = v { true } else { false } },
        predicate("isstruct", "1 if X is a struct.", "isstruct(5)") { v in if case .structure = v { true } else { false } },
        predicate("is_function_handle", "1 if X is a function handle.", "is_function_handle(@sin)") { v in if case .function = v { true } else { false } },
        Builtin(name: "logical", help: "logical(X)\nX as a logical matrix: 1 where nonzero, else 0. As an index it is a mask.",
                example: "logical([2 0 -1])", arity: 1...1, body: { c throws(Diagnostic) in
                    var m = try c.matrix(0)
                    if (0..<m.count).contains(where: { m[$0].isNaN }) {
                        throw Diagnostic("NaN cannot be converted to a logical value", at: c.range)
                    }
                    m = try c.interpreter.kernel(c.range) { () throws(MatrixError) in try m.map(.not).map(.not) }
                    m.isLogical = true
                    return [.matrix(m)]
                }),
        Builtin(name: "double", help: "double(X)\nX as numbers: a logical matrix loses its mask meaning, text becomes its character codes.",
                example: "double(\"hi\")", arity: 1...1, body: { c throws(Diagnostic) in
                    var m = try c.matrix(0)
                    m.isLogical = false
                    return [.matrix(m)]
                }),
        Builtin(name: "char", help: "char(codes)\nText from character codes: char(72) is \"H\"; text stays text.",
                example: "char([72 105])", arity: 1...1, body: { c throws(Diagnostic) in
                    if case .string = c.args[0] { return [c.args[0]] }
                    let m = try c.matrix(0)
                    guard m.rows <= 1 else { throw charMatrixError(at: c.range) }
                    return [.string(NNL.text(fromCodes: m))]
                }),
        Builtin(name: "class", help: "class(X)\nThe kind of value: double, logical, char, struct or function_handle.",
                example: "class(\"hi\")", arity: 1...1, body: { c throws(Diagnostic) in
                    if case .matrix(let m) = c.args[0], m.isLogical { return [.string("logical")] }
                    return [.string(c.args[0].className)]
                }),
    ]

    static func shapeQuery(_ name: String, _ help: String, _ example: String,
                           _ f: @escaping @Sendable (Int, Int) -> Double) -> Builtin {
        Builtin(name: name, help: "\(name)(X)\n\(help)", example: example, arity: 1...1, body: { c throws(Diagnostic) in
            let (r, k) = c.args[0].shape
            return [.scalar(f(r, k))]
        })
    }

    static func predicate(_ name: String, _ help: String, _ example: String,
                          _ f: @escaping @Sendable (Value) -> Bool) -> Builtin {
        Builtin(name: name, help: "\(name)(X)\n\(help)", example: example, arity: 1...1, body: { c throws(Diagnostic) in
            var m = Matrix(scalar: f(c.args[0]) ? 1 : 0)
            m.isLogical = true
            return [.matrix(m)]
        })
    }
}
