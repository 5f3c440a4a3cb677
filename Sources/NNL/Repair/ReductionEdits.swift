/// The edits of a reduction's call: the other axis, numpy's `keepdims`, and Octave's and
/// numpy's spellings mixed up (`sum(A, axis=1)`).
struct ReductionEdits {
    let walk: EditWalk

    static let octave: Set<String> = ["sum", "mean", "max", "min", "prod", "std", "var", "any", "all", "cumsum"]

    func edits(_ call: Expr, _ function: String, _ args: [CallArgument]) -> [RepairEdit] {
        let plain = function.hasPrefix("np.") ? String(function.dropFirst(3)) : function
        guard Self.octave.contains(plain), let first = args.first, first.keyword == nil,
              let operand = first.value.range.text else { return [] }
        var out = EditWalk(enumerator: walk.enumerator, numpyStyle: walk.numpyStyle, scope: walk.scope)
        let axis = args.first { $0.keyword == "axis" }
        let hasKeepdims = args.contains { $0.keyword == "keepdims" }
        if function.hasPrefix("np.") {
            if let axis, case .number(let k) = axis.value.kind, k == 0 || k == 1 {
                out.add(.changeAxis(function: function), axis.value.range, nil, k == 0 ? "1" : "0")
                if !hasKeepdims, let last = args.last {
                    out.insert(.addKeepdims(function: function), after: last.value.range, ", keepdims=True")
                }
            }
        } else if let axis, case .number(let k) = axis.value.kind, let text = call.range.text {
            // Octave's function with numpy's keyword: Octave's axis counts from 1.
            out.add(.respell(to: "\(function)(\(operand), \(formatNumberForMessage(k + 1)))"), call.range, text,
                    "\(function)(\(operand), \(formatNumberForMessage(k + 1)))")
            let rest = args.dropFirst().map { a in (a.keyword.map { $0 + "=" } ?? "") + (a.value.range.text ?? "") }
            let numpy = "np.\(function)(\(([operand] + rest).joined(separator: ", ")))"
            out.add(.respell(to: numpy), call.range, text, numpy)
        } else if args.count == 2, case .number(let k) = args[1].value.kind, k == 1 || k == 2 {
            out.add(.changeAxis(function: function), args[1].value.range, nil, k == 1 ? "2" : "1")
        } else if args.count == 1 {
            for k in ["1", "2"] { out.insert(.changeAxis(function: function), after: first.value.range, ", \(k)") }
        }
        return out.edits
    }
}
