import NNLMatrix

/// Writing `x = v`, `X(i, j) = v`, `p.W1 = v` and their combinations. A matrix
/// grows with zeros as Octave's does, and `X(:, 2) = []` deletes.
extension Interpreter {
    func assign(_ value: Value, to target: LValue, _ frame: Frame) throws(Diagnostic) {
        let slot = target.base.slot
        if target.path.isEmpty {
            frame[slot] = value
            return
        }
        // Field names and subscripts first, while the variable is still visible to them: `Y(Y < 0) = 0`.
        let path = try fieldsNamed(target.path, frame)
        let indices = try subscripts(of: target.base, path, frame)
        // Then take the value out of its slot so the update can happen in place.
        var current = frame[slot]
        frame[slot] = nil
        defer { frame[slot] = current }
        try assign(value, into: &current, path: path[...], indices: indices, name: target.base.name, frame)
    }

    /// The path with each `.(name)` evaluated to the field it names.
    private func fieldsNamed(_ path: [LValue.Accessor], _ frame: Frame) throws(Diagnostic) -> [LValue.Accessor] {
        var named = path
        for (i, accessor) in path.enumerated() {
            if case .dynamicField(let e, let range) = accessor {
                named[i] = .field(try fieldName(eval(e, frame), at: e.range), range)
            }
        }
        return named
    }

    /// The evaluated subscripts of the target's index (at most one, and last), with `end` bound.
    private func subscripts(of base: Identifier, _ path: [LValue.Accessor], _ frame: Frame) throws(Diagnostic) -> [IndexArgument] {
        var current = frame[base.slot]
        for accessor in path {
            switch accessor {
            case .field(let name, _):
                if case .structure(let s)? = current { current = s.fields[name] } else { current = nil }
            case .index(let args, _):
                return try evalIndices(args, of: current ?? .matrix(Matrix.empty()), frame)
            case .dynamicField:
                return []
            }
        }
        return []
    }

    private func assign(_ value: Value, into current: inout Value?, path: ArraySlice<LValue.Accessor>,
                        indices: [IndexArgument], name: String, _ frame: Frame) throws(Diagnostic) {
        guard let accessor = path.first else {
            current = value
            return
        }
        switch accessor {
        case .field(let field, let range):
            var s: StructValue
            switch current {
            case nil: s = StructValue()
            case .structure(let existing)?: s = existing
            case .matrix(let m)? where m.isEmpty: s = StructValue()
            case let other?:
                throw Diagnostic("\(name) is a \(other.className), so it has no fields", at: range,
                                 hint: "assigning `\(name).\(field) = ...` needs \(name) to be a struct (or not defined yet)")
            }
            // The field keeps its place (Octave shows fields in the order they were first set);
            // its old value is taken out so that the update can happen in place.
            let position = s.fields.index(forKey: field)
            var inner = position.map { s.fields.values[$0] }
            if let position { s.fields.values[position] = .matrix(Matrix.empty()) }
            try assign(value, into: &inner, path: path.dropFirst(), indices: indices, name: name + "." + field, frame)
            if let position, let inner { s.fields.values[position] = inner } else { s.fields[field] = inner }
            current = .structure(s)
        case .dynamicField(_, let range):
            throw Diagnostic("internal: a field name was not evaluated", at: range)
        case .index(_, let range):
            guard path.count == 1 else {
                throw Diagnostic("assigning into a field or index of an indexed element is not supported", at: range,
                                 hint: "assign the element to a variable first")
            }
            let base = current ?? .matrix(Matrix.empty())
            current = try indexedAssign(value, into: base, indices, name: name, at: range)
        }
    }

    private func indexedAssign(_ value: Value, into base: Value, _ indices: [IndexArgument],
                               name: String, at range: SourceRange) throws(Diagnostic) -> Value {
        if case .string(let s) = base { return try textAssign(value, into: s, indices, name: name, at: range) }
        guard case .matrix(let target) = base else {
            throw Diagnostic("\(name) is a \(base.className); only matrices can be assigned by index", at: range)
        }
        let source = try numeric(value, for: "=", at: range)
        if case .matrix(let m) = value, m.rows == 0, m.cols == 0, !indices.isEmpty {
            return .matrix(try delete(indices, from: target, name: name, at: range))
        }
        let result = try indexedAssign(source, into: target, indices, name: name, at: range)
        return .matrix(try keepingLogical(result, of: target, at: range))
    }

    /// Text stays text, as in Octave (`x(2) = []` deletes a character, `x(1) = 65` writes an `A`),
    /// and stays one row: what would make a char matrix is an error.
    private func textAssign(_ value: Value, into s: String, _ indices: [IndexArgument],
                            name: String, at range: SourceRange) throws(Diagnostic) -> Value {
        let codes = Matrix(row: s.unicodeScalars.map { Double($0.value) })
        let updated: Matrix
        if case .matrix(let m) = value, m.rows == 0, m.cols == 0, !indices.isEmpty {
            updated = try delete(indices, from: codes, name: name, at: range)
        } else {
            updated = try indexedAssign(try numeric(value, for: "=", at: range), into: codes, indices, name: name, at: range)
        }
        guard updated.rows <= 1 else { throw charMatrixError(at: range) }
        return .string(text(fromCodes: updated))
    }

    /// As Octave, writing into a logical matrix keeps it logical: the values become 0 or 1.
    private func keepingLogical(_ result: Matrix, of target: Matrix, at range: SourceRange) throws(Diagnostic) -> Matrix {
        var result = result
        result.isLogical = target.isLogical && !target.isEmpty
        guard result.isLogical else { return result }
        var converted = false
        for i in 0..<result.count where result[i] != 0 && result[i] != 1 {
            guard !result[i].isNaN else { throw Diagnostic("NaN cannot be stored in a logical matrix", at: range) }
            result[i] = 1
            converted = true
        }
        if converted {
            warn(Diagnostic("a value other than 0 or 1 was stored as logical 1", at: range,
                            hint: "the matrix is logical (from a comparison); use double(X) first to store numbers",
                            severity: .warning))
        }
        return result
    }

    private func indexedAssign(_ source: Matrix, into target: Matrix, _ indices: [IndexArgument],
                               name: String, at range: SourceRange) throws(Diagnostic) -> Matrix {
        switch indices.count {
        case 0: return source
        case 1: return try linearAssign(source, into: target, indices[0], name: name, at: range)
        default:
            try checkTrailingOnes(indices, label: name)
            let rows = try growingPositions(indices[0], extent: target.rows, fill: source.rows, name: name)
            let cols = try growingPositions(indices[1], extent: target.cols, fill: source.cols, name: name)
            try checkConformant(source, rows.count, cols.count, name: name, at: range)
            var result = try grown(target, rows: max(target.rows, (rows.max() ?? -1) + 1),
                                   cols: max(target.cols, (cols.max() ?? -1) + 1), at: range)
            let n = result.rows
            result.withUnsafeMutableElements { out in
                source.withUnsafeElements { p in
                    var k = 0
                    for c in cols {
                        for r in rows {
                            out[c * n + r] = source.isScalar ? p[0] : p[k]
                            k += 1
                        }
                    }
                }
            }
            return result
        }
    }

    private func linearAssign(_ source: Matrix, into target: Matrix, _ index: IndexArgument,
                              name: String, at range: SourceRange) throws(Diagnostic) -> Matrix {
        let picked = try growingPositions(index, extent: target.count, fill: source.count, name: name)
        // As Octave, only the counts must agree: the value's elements go in column order.
        guard source.isScalar || source.count == picked.count else {
            throw Diagnostic("the sizes do not match: \(name)(...) selects \(picked.count) element\(picked.count == 1 ? "" : "s") but the value is \(source.rows)×\(source.cols)",
                             at: range)
        }
        let needed = (picked.max() ?? -1) + 1
        var result = target
        if needed > target.count {
            if target.isEmpty {
                result = try grown(target, rows: 1, cols: needed, at: range)
            } else if target.rows == 1 {
                result = try grown(target, rows: 1, cols: needed, at: range)
            } else if target.cols == 1 {
                result = try grown(target, rows: needed, cols: 1, at: range)
            } else {
                throw Diagnostic("\(name) is \(target.rows)×\(target.cols); a linear index cannot make a matrix grow",
                                 at: range, hint: "use a row and a column, as in \(name)(i, j) = ...")
            }
        }
        result.withUnsafeMutableElements { out in
            source.withUnsafeElements { p in
                for (k, i) in picked.enumerated() { out[i] = source.isScalar ? p[0] : p[k] }
            }
        }
        return result
    }

    /// Positions for an assignment: like reading, but past-the-end is allowed (it grows).
    private func growingPositions(_ index: IndexArgument, extent: Int, fill: Int, name: String) throws(Diagnostic) -> [Int] {
        if case .all = index { return Array(0..<(extent == 0 ? fill : extent)) }
        return try positions(index, extent: Int.max, label: name, dimension: "")
    }

    private func checkConformant(_ source: Matrix, _ rows: Int, _ cols: Int, name: String,
                                 at range: SourceRange) throws(Diagnostic) {
        if source.isScalar || source.count == rows * cols && (source.rows == rows || source.isVector && (rows == 1 || cols == 1)) {
            return
        }
        throw Diagnostic("the sizes do not match: \(name)(...) selects \(rows)×\(cols) but the value is \(source.rows)×\(source.cols)",
                         at: range, hint: source.count == rows * cols ? "transpose the value, or use reshape" : nil)
    }

    private func grown(_ m: Matrix, rows: Int, cols: Int, at range: SourceRange) throws(Diagnostic) -> Matrix {
        if rows == m.rows && cols == m.cols { return m }
        var result = try allocate(rows: rows, cols: cols, at: range)
        result.withUnsafeMutableElements { out in
            out.initialize(repeating: 0, count: rows * cols)
            m.withUnsafeElements { p in
                for c in 0..<m.cols { for r in 0..<m.rows { out[c * rows + r] = p[c * m.rows + r] } }
            }
        }
        return result
    }

    /// `X(idx) = []` and `X(:, j) = []`.
    private func delete(_ indices: [IndexArgument], from m: Matrix, name: String, at range: SourceRange) throws(Diagnostic) -> Matrix {
        if indices.count == 1 {
            if case .all = indices[0] { return Matrix.empty() }
            let picked = try positions(indices[0], extent: m.count, label: name, dimension: "elements")
            let gone = Set(picked)
            if gone.isEmpty { return m }
            let kept = (0..<m.count).filter { !gone.contains($0) }.map { m[$0] }
            // Octave: a vector keeps its orientation; a matrix becomes a row when one run of
            // neighbours goes (X(2:4) = []) and a column otherwise (X(X > 5) = []).
            let contiguous = picked == Array(picked[0]..<(picked[0] + picked.count))
            let column = m.isVector ? m.cols == 1 && m.rows > 1 : !contiguous
            var result = column ? Matrix(column: kept) : Matrix(row: kept)
            result.isLogical = m.isLogical
            return result
        }
        let rows = try positions(indices[0], extent: m.rows, label: name, dimension: "rows")
        let cols = try positions(indices[1], extent: m.cols, label: name, dimension: "columns")
        // As Octave: at most one subscript may be other than `:`, and what it names goes; with
        // both `:` the rows go, so `A(:, :) = []` on a 2×3 matrix leaves a 0×3 one.
        switch (indices[0], indices[1]) {
        case (.all, .all):
            return try allocate(rows: 0, cols: m.cols, at: range)
        case (.all, _):
            let gone = Set(cols), kept = (0..<m.cols).filter { !gone.contains($0) }
            return try index(m, [.all, .values(.matrix(Matrix(row: kept.map { Double($0 + 1) })), range)], label: name, at: range)
        case (_, .all):
            let gone = Set(rows), kept = (0..<m.rows).filter { !gone.contains($0) }
            return try index(m, [.values(.matrix(Matrix(row: kept.map { Double($0 + 1) })), range), .all], label: name, at: range)
        default:
            if rows.isEmpty || cols.isEmpty { return m }
            throw Diagnostic("deleting needs whole rows or whole columns: one subscript must be `:`, as in \(name)(:, j) = [] or \(name)(i, :) = []",
                             at: range)
        }
    }
}
