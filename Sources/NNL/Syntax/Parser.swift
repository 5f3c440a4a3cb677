import Interruption

/// Recursive descent over Octave's grammar, one method per rule. On an error it
/// records a diagnostic, skips to the next statement and goes on, so one run
/// reports every mistake in a file.
struct Parser {
    private let tokens: [Token]
    private let file: SourceFile
    private var current = 0
    private var diagnostics: [Diagnostic] = []
    /// Open blocks, innermost last, for "'end' expected (to close 'for' at line 3)".
    private var openBlocks: [(keyword: Keyword, range: SourceRange)] = []
    /// Brackets being parsed, innermost last: inside an index `end` is a value and `:` means
    /// "all"; directly inside `[...]` a space before `(` starts a new element.
    private var contexts: [Context] = []
    private enum Context { case index, matrix, group, functionBody }
    private var nesting = 0
    /// How many diagnostics were raised at the end of the input: when all of them were, the
    /// text merely stopped early (open blocks, however nested, or an open bracket).
    private var diagnosticsAtEnd = 0
    static let maxNesting = 200

    init(_ file: SourceFile) {
        var lexer = Lexer(file)
        tokens = lexer.tokenize()
        self.file = file
        diagnostics = lexer.diagnostics
    }

    /// Parses a whole program or REPL entry.
    static func parse(_ file: SourceFile) throws(SyntaxErrors) -> [Stmt] {
        var parser = Parser(file)
        let statements = parser.parseStatements(until: [])
        if !parser.diagnostics.isEmpty {
            // Incomplete when every problem is that the text stopped early.
            let incomplete = parser.diagnosticsAtEnd == parser.diagnostics.count
            throw SyntaxErrors(diagnostics: parser.diagnostics, isIncomplete: incomplete)
        }
        return statements
    }

    // MARK: - Token helpers

    private var peek: Token { tokens[current] }
    private var previous: Token { tokens[max(current - 1, 0)] }
    /// The token after `peek` (the end of input repeats, so this never runs off the end).
    private var peekNext: Token { tokens[min(current + 1, tokens.count - 1)] }
    private var atEnd: Bool { peek.isEnd }

    @discardableResult private mutating func advance() -> Token {
        let t = tokens[current]
        if !t.isEnd { current += 1 }
        return t
    }

    private func check(_ op: Operator) -> Bool {
        if case .op(op) = peek.kind { return true }
        return false
    }

    private func check(_ keyword: Keyword) -> Bool {
        if case .keyword(keyword) = peek.kind { return true }
        return false
    }

    private mutating func match(_ ops: Operator...) -> Operator? {
        for op in ops where check(op) {
            advance()
            return op
        }
        return nil
    }

    private mutating func expect(_ op: Operator, _ message: @autoclosure () -> String) throws(Diagnostic) -> Token {
        if check(op) { return advance() }
        throw error(message())
    }

    private mutating func error(_ message: String, at range: SourceRange? = nil, hint: String? = nil) -> Diagnostic {
        if atEnd { diagnosticsAtEnd += 1 }
        return Diagnostic(message, at: range ?? peek.range, hint: hint)
    }

    private var isSeparator: Bool {
        if case .separator = peek.kind { return true }
        return false
    }

    private mutating func skipSeparators() {
        while isSeparator { advance() }
    }

    private func describe(_ t: Token) -> String {
        switch t.kind {
        case .number(let x): "the number \(formatNumberForMessage(x))"
        case .string: "a string"
        case .identifier(let n): "`\(n)`"
        case .keyword(let k): "`\(k.rawValue)`"
        case .op(let o): "`\(o.rawValue)`"
        case .separator(let printing, let isNewline): isNewline ? "the end of the line" : printing ? "`,`" : "`;`"
        case .elementGap: "a space"
        case .endOfInput: "the end of the input"
        }
    }

    // MARK: - Statements

    /// Statements until one of `terminators` (or the end of input when empty).
    private mutating func parseStatements(until terminators: Set<Keyword>) -> [Stmt] {
        var statements: [Stmt] = []
        while true {
            skipSeparators()
            if atEnd { return statements }
            if StopRequest.interruptPending {
                diagnostics.append(.interruptedWhileParsing)
                return statements
            }
            if case .keyword(let k) = peek.kind, terminators.contains(k) || (k.closesBlock && terminators.contains(.end)) {
                return statements
            }
            let before = current
            do throws(Diagnostic) {
                statements.append(try parseStatement())
            } catch {
                diagnostics.append(error)
                synchronize()
                if current == before { advance() }
            }
        }
    }

    /// After an error: skip to the next line, or to a keyword that ends the block.
    private mutating func synchronize() {
        nesting = 0
        contexts = []
        while !atEnd {
            if case .separator(_, true) = peek.kind { return }
            if case .keyword(let k) = peek.kind, k.closesBlock || k.continuesBlock, !openBlocks.isEmpty { return }
            advance()
        }
    }

    private mutating func parseStatement() throws(Diagnostic) -> Stmt {
        let start = peek
        if case .keyword(let k) = start.kind {
            switch k {
            case .if: return try parseIf()
            case .for: return try parseFor()
            case .while: return try parseWhile()
            case .switch: return try parseSwitch()
            case .function: return try parseFunction()
            case .break: advance(); return try finishSimple(.breakLoop, start)
            case .continue: advance(); return try finishSimple(.continueLoop, start)
            case .return: advance(); return try finishSimple(.returnFromFunction, start)
            default:
                advance()
                // Not "the text stopped early", even when it is the last word: no line can fix it.
                throw Diagnostic("`\(k.rawValue)` has no block to close here", at: start.range)
            }
        }
        if let stmt = try parseIncrement() { return stmt }
        if check(.leftBracket), let stmt = try parseMultiAssignment() { return stmt }
        if let stmt = try parseCommandSyntax() { return stmt }
        return try parseExpressionStatement()
    }

    /// Octave's `x++` and `x--` as statements: `x += 1`, `x -= 1`.
    private mutating func parseIncrement() throws(Diagnostic) -> Stmt? {
        guard case .identifier(let name) = peek.kind, current + 3 < tokens.count,
              case .op(let op) = tokens[current + 1].kind, op == .plus || op == .minus,
              tokens[current + 2].kind == .op(op), !tokens[current + 1].spaceBefore, !tokens[current + 2].spaceBefore
        else { return nil }
        switch tokens[current + 3].kind {
        case .separator, .endOfInput: break
        default: return nil
        }
        let nameToken = advance()
        let first = advance(), second = advance()
        let opRange = first.range.through(second.range)
        let id = Identifier(name, range: nameToken.range)
        let target = LValue(base: id, path: [], range: nameToken.range)
        let value = Expr(.binary(op == .plus ? .add : .subtract, Expr(.name(Identifier(name, range: nameToken.range)), nameToken.range),
                                 Expr(.number(1), opRange), op: opRange), nameToken.range.through(opRange))
        _ = try endOfStatement()
        // Octave shows the old value as `ans`; nnl shows nothing (x++ does not touch ans).
        return Stmt(.assign(target, value, printing: false), nameToken.range.through(opRange))
    }

    private mutating func finishSimple(_ kind: Stmt.Kind, _ start: Token) throws(Diagnostic) -> Stmt {
        _ = try endOfStatement()
        return Stmt(kind, start.range)
    }

    /// Consumes the statement's terminator and says whether its value is shown.
    private mutating func endOfStatement() throws(Diagnostic) -> Bool {
        switch peek.kind {
        case .separator(let printing, _):
            advance()
            return printing
        case .endOfInput:
            return true
        case .keyword(let k) where k.closesBlock || k.continuesBlock:
            return true
        default:
            throw error("expected the end of the statement, found \(describe(peek))",
                        hint: missingOperatorHint())
        }
    }

    private func missingOperatorHint() -> String? {
        if case .separator = previous.kind { return nil }
        switch peek.kind {
        case .identifier, .number, .op(.leftParen): return "is an operator such as `*` or a `,` missing?"
        default: return nil
        }
    }

    private mutating func parseExpressionStatement() throws(Diagnostic) -> Stmt {
        let start = peek.range
        let expr = try parseExpression()
        if let op = match(.assign, .plusAssign, .minusAssign, .timesAssign, .divideAssign) {
            let opRange = previous.range
            let target = try lvalue(from: expr, assignAt: opRange)
            var value = try parseExpression()
            if let binary = compoundOperator(op) {
                value = Expr(.binary(binary, expr, value, op: opRange), expr.range.through(value.range))
            }
            let printing = try endOfStatement()
            return Stmt(.assign(target, value, printing: printing), start.through(value.range))
        }
        let printing = try endOfStatement()
        return Stmt(.expression(expr, printing: printing), expr.range)
    }

    private func compoundOperator(_ op: Operator) -> BinaryOperator? {
        switch op {
        case .plusAssign: .add
        case .minusAssign: .subtract
        case .timesAssign: .matrixMultiply
        case .divideAssign: .divide
        default: nil
        }
    }

    /// Turns a parsed expression into an assignment target, or says why it cannot be one.
    private func lvalue(from expr: Expr, assignAt: SourceRange) throws(Diagnostic) -> LValue {
        var path: [LValue.Accessor] = []
        var node = expr
        while true {
            switch node.kind {
            case .name(let id):
                return LValue(base: id, path: path.reversed(), range: expr.range)
            case .call(let base, let args):
                path.append(.index(args, node.range))
                node = base
            case .field(let base, let name):
                path.append(.field(name, node.range))
                node = base
            case .dynamicField(let base, let name):
                path.append(.dynamicField(name, node.range))
                node = base
            default:
                throw Diagnostic("cannot assign to this expression", at: expr.range,
                                 hint: "the left of `=` must be a name like `x`, `X(2, :)` or `p.W1`; use `==` to compare")
            }
        }
    }

    /// `[a, b] = f(x)`; returns nil (and rewinds) when the `[` starts a plain matrix.
    private mutating func parseMultiAssignment() throws(Diagnostic) -> Stmt? {
        guard let close = matchingBracket(from: current),
              case .op(.assign) = tokens[close + 1].kind else { return nil }
        let start = advance().range
        var targets: [LValue?] = []
        while !check(.rightBracket) {
            if case .elementGap = peek.kind { advance(); continue }
            if case .separator(true, false) = peek.kind { advance(); continue }
            if check(.tilde) || check(.not) {
                advance()
                targets.append(nil)
                continue
            }
            let expr = try parsePostfix()
            targets.append(try lvalue(from: expr, assignAt: expr.range))
        }
        advance()
        advance()
        let value = try parseExpression()
        let printing = try endOfStatement()
        return Stmt(.multiAssign(targets, value, printing: printing), start.through(value.range))
    }

    private func matchingBracket(from start: Int) -> Int? {
        var depth = 0
        for i in start..<tokens.count {
            switch tokens[i].kind {
            case .op(.leftBracket), .op(.leftParen), .op(.leftBrace): depth += 1
            case .op(.rightBracket), .op(.rightParen), .op(.rightBrace):
                depth -= 1
                if depth == 0 { return i }
            case .separator(_, true), .endOfInput: return nil
            default: break
            }
        }
        return nil
    }

    /// Octave's command syntax: `help sum`, `hold on`, `format long` — a name, then
    /// space-separated words up to the end of the statement, is a call with string arguments.
    private mutating func parseCommandSyntax() throws(Diagnostic) -> Stmt? {
        guard case .identifier(let name) = peek.kind, peekNext.spaceBefore else { return nil }
        if name == "help", let stmt = try parseHelpOfSymbol() { return stmt }
        var i = current + 1
        var words: [(text: String, range: SourceRange)] = []
        while true {
            let t = tokens[i]
            switch t.kind {
            case .separator, .endOfInput:
                guard !words.isEmpty else { return nil }
                let start = advance()
                current = i
                let callee = Expr(.name(Identifier(name, range: start.range)), start.range)
                let args = words.map { CallArgument(keyword: nil, value: Expr(.string($0.text), $0.range)) }
                let call = Expr(.call(callee, args), start.range.through(words.last!.range))
                let printing = try endOfStatement()
                return Stmt(.expression(call, printing: printing), call.range)
            case .identifier(let w) where t.spaceBefore:
                words.append((w, t.range))
            case .identifier(let w) where !words.isEmpty:
                words[words.count - 1].text += w
                words[words.count - 1].range = words[words.count - 1].range.through(t.range)
            case .op(.dot) where !t.spaceBefore && !words.isEmpty:
                words[words.count - 1].text += "."
                words[words.count - 1].range = words[words.count - 1].range.through(t.range)
            default:
                return nil
            }
            i += 1
        }
    }

    /// `help .*`, `help for`, `help '`: after `help` the rest of the statement is one word, as
    /// typed, even when it is an operator or a keyword.
    private mutating func parseHelpOfSymbol() throws(Diagnostic) -> Stmt? {
        var last = current + 1
        while !tokens[last].isEnd, !isStatementEnd(tokens[last]) { last += 1 }
        let words = tokens[(current + 1)..<last]
        guard let first = words.first, let final = words.last else { return nil }
        switch first.kind {
        case .identifier where words.count == 1, .op(.assign), .op(.leftParen): return nil
        default: break
        }
        let start = advance()
        current = last
        let range = first.range.through(final.range)
        let callee = Expr(.name(Identifier("help", range: start.range)), start.range)
        let call = Expr(.call(callee, [CallArgument(keyword: nil, value: Expr(.string(range.text ?? ""), range))]),
                        start.range.through(range))
        let printing = try endOfStatement()
        return Stmt(.expression(call, printing: printing), call.range)
    }

    private func isStatementEnd(_ t: Token) -> Bool {
        if case .separator = t.kind { return true }
        return false
    }

    // MARK: - Blocks

    private mutating func parseBlock(_ keyword: Keyword, _ range: SourceRange, until terminators: Set<Keyword>) -> [Stmt] {
        openBlocks.append((keyword, range))
        defer { openBlocks.removeLast() }
        return parseStatements(until: terminators)
    }

    private mutating func expectEnd(of keyword: Keyword, openedAt range: SourceRange) throws(Diagnostic) {
        if case .keyword(let k) = peek.kind, k.closesBlock {
            advance()
            return
        }
        throw error("`end` expected (to close `\(keyword.rawValue)` at line \(range.line))", at: atEnd ? range : nil)
    }

    private mutating func parseIf() throws(Diagnostic) -> Stmt {
        let start = advance().range
        var branches: [(condition: Expr, body: [Stmt])] = []
        var otherwise: [Stmt]?
        var condition = try parseExpression()
        while true {
            let body = parseBlock(.if, start, until: [.elseif, .else, .end])
            branches.append((condition, body))
            if check(.elseif) {
                advance()
                condition = try parseExpression()
                continue
            }
            if check(.else) {
                advance()
                otherwise = parseBlock(.if, start, until: [.end])
            }
            break
        }
        try expectEnd(of: .if, openedAt: start)
        _ = try endOfStatement()
        return Stmt(.ifChain(branches, otherwise: otherwise), start)
    }

    private mutating func parseFor() throws(Diagnostic) -> Stmt {
        let start = advance().range
        let parenthesized = match(.leftParen) != nil
        guard case .identifier(let name) = peek.kind else {
            throw error("`for` needs a loop variable, as in `for i = 1:10`")
        }
        let variable = Identifier(name, range: advance().range)
        _ = try expect(.assign, "expected `=` after the loop variable, as in `for i = 1:10`")
        let sequence = try parseExpression()
        if parenthesized { _ = try expect(.rightParen, "expected `)` to close `for (`") }
        let body = parseBlock(.for, start, until: [.end])
        try expectEnd(of: .for, openedAt: start)
        _ = try endOfStatement()
        return Stmt(.forLoop(variable, sequence, body), start)
    }

    private mutating func parseWhile() throws(Diagnostic) -> Stmt {
        let start = advance().range
        let condition = try parseExpression()
        let body = parseBlock(.while, start, until: [.end])
        try expectEnd(of: .while, openedAt: start)
        _ = try endOfStatement()
        return Stmt(.whileLoop(condition, body), start)
    }

    /// `switch x` then `case` labels and blocks, an optional `otherwise` block, and `end`.
    private mutating func parseSwitch() throws(Diagnostic) -> Stmt {
        let start = advance().range
        let subject = try parseExpression()
        skipSeparators()
        var cases: [(labels: [Expr], body: [Stmt])] = []
        var otherwise: [Stmt]?
        while check(.case) {
            advance()
            let labels = try parseCaseLabels()
            cases.append((labels, parseBlock(.switch, start, until: [.case, .otherwise, .end])))
        }
        if check(.otherwise) {
            advance()
            otherwise = parseBlock(.switch, start, until: [.end])
        }
        if !atEnd, !isKeywordEnd {
            throw error("expected `case`, `otherwise` or `end` in the `switch` block, found \(describe(peek))",
                        hint: "write each choice as `case value` on its own line, then its statements")
        }
        try expectEnd(of: .switch, openedAt: start)
        _ = try endOfStatement()
        return Stmt(.switchChain(subject, cases, otherwise: otherwise), start)
    }

    private var isKeywordEnd: Bool {
        if case .keyword(let k) = peek.kind { return k.closesBlock }
        return false
    }

    /// `case 1`, `case 'relu'`, or a list in braces `case {1, 2}` (Octave's cell of labels).
    private mutating func parseCaseLabels() throws(Diagnostic) -> [Expr] {
        guard check(.leftBrace) else { return [try parseExpression()] }
        let open = advance().range
        return try within(.matrix) { (p: inout Parser) throws(Diagnostic) in
            var labels: [Expr] = []
            while p.match(.rightBrace) == nil {
                switch p.peek.kind {
                case .elementGap, .separator(true, false): p.advance()
                case .separator, .endOfInput:
                    throw p.error("expected `}` to close the list of labels opened at \(open.line):\(open.column)")
                default: labels.append(try p.parseExpression())
                }
            }
            return labels
        }
    }

    /// `function [a, b] = name(x, y)`, `function a = name(x)`, `function name(x)`.
    private mutating func parseFunction() throws(Diagnostic) -> Stmt {
        let start = advance().range
        var outputs: [Identifier] = []
        if check(.leftBracket) {
            advance()
            while !check(.rightBracket) {
                if case .elementGap = peek.kind { advance(); continue }
                if case .separator(true, false) = peek.kind { advance(); continue }
                outputs.append(try identifier("an output name"))
            }
            advance()
            _ = try expect(.assign, "expected `=` after the outputs of the function")
        } else if case .op(.assign) = peekNext.kind {
            outputs.append(try identifier("an output name"))
            advance()
        }
        let nameToken = peek
        let name = try identifier("the function's name").name
        var parameters: [Identifier] = []
        if match(.leftParen) != nil {
            while !check(.rightParen) {
                parameters.append(try identifier("a parameter name"))
                if match(.rightParen) != nil { break }
                if case .separator(true, false) = peek.kind { advance() } else {
                    throw error("expected `,` or `)` in the parameter list")
                }
            }
            if check(.rightParen) { advance() }
        }
        let body = parseBlock(.function, start, until: [.end])
        try expectEnd(of: .function, openedAt: start)
        let source = sourceText(from: start, through: previous.range)
        _ = try endOfStatement()
        let decl = FunctionDecl(name: name, parameters: parameters, outputs: outputs, body: body,
                                range: start.through(nameToken.range), sourceText: source, source: file)
        return Stmt(.function(decl), start)
    }

    private mutating func identifier(_ what: String) throws(Diagnostic) -> Identifier {
        guard case .identifier(let name) = peek.kind else {
            throw error("expected \(what), found \(describe(peek))")
        }
        return Identifier(name, range: advance().range)
    }

    // MARK: - Expressions, lowest precedence first

    mutating func parseExpression() throws(Diagnostic) -> Expr {
        try nested { (p: inout Parser) throws(Diagnostic) in try p.parseShortOr() }
    }

    /// Every recursive rule passes here, so no input can overflow the stack.
    private mutating func nested(_ rule: (inout Parser) throws(Diagnostic) -> Expr) throws(Diagnostic) -> Expr {
        nesting += 1
        defer { nesting -= 1 }
        guard nesting < Parser.maxNesting else {
            throw error("this expression is nested too deeply (more than \(Parser.maxNesting) levels)")
        }
        return try rule(&self)
    }

    private mutating func parseShortOr() throws(Diagnostic) -> Expr {
        var left = try parseShortAnd()
        while match(.shortOr) != nil {
            let right = try parseShortAnd()
            left = Expr(.shortCircuit(isAnd: false, left, right), left.range.through(right.range))
        }
        return left
    }

    private mutating func parseShortAnd() throws(Diagnostic) -> Expr {
        var left = try parseBinary(level: 0)
        while match(.shortAnd) != nil {
            let right = try parseBinary(level: 0)
            left = Expr(.shortCircuit(isAnd: true, left, right), left.range.through(right.range))
        }
        return left
    }

    /// Left-associative binary levels from `|` up to `+ -`; the range level sits between.
    private static let levels: [[(Operator, BinaryOperator)]] = [
        [(.or, .or)],
        [(.and, .and)],
        [(.equal, .equal), (.notEqual, .notEqual), (.notEqualBang, .notEqual), (.less, .less),
         (.lessEqual, .lessEqual), (.greater, .greater), (.greaterEqual, .greaterEqual)],
        [], // the range `a:b`, `a:s:b`
        [(.plus, .add), (.minus, .subtract)],
        [(.times, .matrixMultiply), (.divide, .divide), (.leftDivide, .leftDivide),
         (.elementTimes, .elementMultiply), (.elementDivide, .elementDivide), (.at, .matmul)],
    ]

    private mutating func parseBinary(level: Int) throws(Diagnostic) -> Expr {
        if level == Parser.levels.count { return try parseUnary() }
        if Parser.levels[level].isEmpty { return try parseRange(level: level) }
        var left = try parseBinary(level: level + 1)
        while case .op(let op) = peek.kind, let binary = Parser.levels[level].first(where: { $0.0 == op })?.1 {
            let opRange = advance().range
            let right = try parseBinary(level: level + 1)
            left = Expr(.binary(binary, left, right, op: opRange), left.range.through(right.range))
        }
        return left
    }

    private mutating func parseRange(level: Int) throws(Diagnostic) -> Expr {
        let first = try parseBinary(level: level + 1)
        guard check(.colon), !colonEndsIndexArgument() else { return first }
        advance()
        let second = try parseBinary(level: level + 1)
        if check(.colon), !colonEndsIndexArgument() {
            advance()
            let third = try parseBinary(level: level + 1)
            return Expr(.range(start: first, step: second, stop: third), first.range.through(third.range))
        }
        return Expr(.range(start: first, step: nil, stop: second), first.range.through(second.range))
    }

    /// In `X(1, :)` the colon after `1,` is an argument of its own, not a range operator.
    private func colonEndsIndexArgument() -> Bool {
        let next = peekNext.kind
        if case .op(.rightParen) = next { return true }
        if case .separator(true, false) = next { return true }
        return false
    }

    /// Unary `- + ! ~` bind looser than `^`: `-2^2` is -4.
    private mutating func parseUnary() throws(Diagnostic) -> Expr {
        try parseSigned { (p: inout Parser) throws(Diagnostic) in try p.parsePowerChain() }
    }

    /// Prefix operators, then `operand`.
    private mutating func parseSigned(_ operand: (inout Parser) throws(Diagnostic) -> Expr) throws(Diagnostic) -> Expr {
        guard let op = match(.minus, .plus, .not, .tilde) else { return try operand(&self) }
        let start = previous.range
        let inner = try nested { (p: inout Parser) throws(Diagnostic) in try p.parseSigned(operand) }
        return Expr(.unary(unaryOperator(op), inner), start.through(inner.range))
    }

    private func unaryOperator(_ op: Operator) -> UnaryOperator {
        switch op {
        case .minus: .negate
        case .plus: .plus
        default: .not
        }
    }

    /// `^ .^` and the transposes, one level, left to right: `2^3^2` is 64, `A'^2` is `(A')^2`.
    private mutating func parsePowerChain() throws(Diagnostic) -> Expr {
        var base = try parsePostfix()
        while true {
            if let op = match(.power, .elementPower, .starStar) {
                let opRange = previous.range
                let exponent = try parsePowerOperand()
                let binary: BinaryOperator = op == .power ? .matrixPower : op == .starStar ? .starPower : .elementPower
                base = Expr(.binary(binary, base, exponent, op: opRange),
                            base.range.through(exponent.range))
            } else if match(.transpose, .plainTranspose) != nil {
                base = Expr(.transpose(base), base.range.through(previous.range))
            } else {
                return base
            }
        }
    }

    /// An exponent may carry a sign: `2^-1`.
    private mutating func parsePowerOperand() throws(Diagnostic) -> Expr {
        try parseSigned { (p: inout Parser) throws(Diagnostic) in try p.parsePostfix() }
    }

    /// Calls, indexes and fields: `f(x)`, `X(:, 1)`, `p.W1`, `X.T`.
    private mutating func parsePostfix() throws(Diagnostic) -> Expr {
        var expr = try parsePrimary()
        while true {
            if check(.leftParen), !(peek.spaceBefore && contexts.last == .matrix) {
                advance()
                let args = try parseArguments(closing: .rightParen)
                expr = Expr(.call(expr, args), expr.range.through(previous.range))
                expr = numpyLiteralArguments(expr)
            } else if check(.leftBracket), !peek.spaceBefore {
                expr = try parseSquareBracketIndex(expr)
            } else if check(.leftBrace), !peek.spaceBefore, case .name(let id) = expr.kind, id.name == "varargin" {
                advance()
                let args = try parseArguments(closing: .rightBrace)
                expr = Expr(.variadicArgument(args), expr.range.through(previous.range))
            } else if check(.dot), case .op(.leftParen) = peekNext.kind, !peek.spaceBefore {
                advance()
                let open = advance().range
                let name = try within(.group) { (p: inout Parser) throws(Diagnostic) in try p.parseExpression() }
                _ = try expect(.rightParen, "expected `)` to close the field name that `.(` at \(open.line):\(open.column) opened")
                expr = Expr(.dynamicField(expr, name), expr.range.through(previous.range))
            } else if check(.dot), case .identifier(let name) = peekNext.kind, !peek.spaceBefore {
                advance()
                let nameRange = advance().range
                expr = Expr(.field(expr, name), expr.range.through(nameRange))
            } else {
                return expr
            }
        }
    }

    /// numpy's `X.shape[0]` (0-based, supported) and `A[:, 1]` (an error that shows the Octave form).
    private mutating func parseSquareBracketIndex(_ base: Expr) throws(Diagnostic) -> Expr {
        let open = advance().range
        let args = try parseArguments(closing: .rightBracket)
        let range = base.range.through(previous.range)
        if case .field(_, "shape") = base.kind, args.count == 1, args[0].keyword == nil {
            let position: Expr
            if case .unary(.negate, let inner) = args[0].value.kind, case .number(let k) = inner.kind {
                // numpy counts from the end with negatives: shape[-1] is the last, shape(end).
                position = Expr(.binary(.subtract, Expr(.end, open), Expr(.number(k - 1), open), op: open), args[0].value.range)
            } else {
                position = Expr(.binary(.add, args[0].value, Expr(.number(1), open), op: open), args[0].value.range)
            }
            return Expr(.call(base, [CallArgument(keyword: nil, value: position)]), range)
        }
        let name = base.range.text ?? ""
        if args.count == 1, let field = fieldNameText(args[0].value) {
            throw Diagnostic("nnl reads a struct's field with a dot, not with brackets and a string", at: range,
                             hint: "write `\(name).\(field)`")
        }
        // numpy's A[0][1], one index after the other, is Octave's A(1, 2).
        var indices = args
        var whole = range
        while check(.leftBracket), !peek.spaceBefore {
            advance()
            indices += try parseArguments(closing: .rightBracket)
            whole = base.range.through(previous.range)
        }
        let octave = indices.map { a in oneBased(a.value) }.joined(separator: ", ")
        throw Diagnostic("nnl indexes with parentheses, counting from 1, as Octave does", at: whole,
                         hint: "write `\(name)(\(octave))`")
    }

    /// A dictionary key of Python's as a field of nnl's: `"W1"` is `W1`, and a key built while
    /// running, `'W' + str(l)`, is the dynamic field `(['W' num2str(l)])`. Nil if it is no text.
    private func fieldNameText(_ key: Expr) -> String? {
        if case .string(let s) = key.kind {
            let letter = { (c: Character) in c.isASCII && c.isLetter }
            if let first = s.first, letter(first), s.allSatisfy({ letter($0) || $0.isASCII && $0.isNumber || $0 == "_" }) { return s }
            return "('\(s)')"
        }
        guard let pieces = textPieces(key), pieces.count > 1 else { return nil }
        return "([\(pieces.joined(separator: " "))])"
    }

    /// The pieces of Python's text sum `'W' + str(l)` in Octave's spelling, or nil when the
    /// expression is not such a sum (it must hold a quoted text or a `str(...)`).
    private func textPieces(_ e: Expr) -> [String]? {
        switch e.kind {
        case .string(let s): return ["'\(s)'"]
        case .call(let callee, let args):
            guard case .name(let id) = callee.kind, id.name == "str", args.count == 1 else { return nil }
            return ["num2str(\(args[0].value.range.text ?? ""))"]
        case .binary(.add, let a, let b, _):
            let left = textPieces(a), right = textPieces(b)
            guard left != nil || right != nil else { return nil }
            return (left ?? ["num2str(\(a.range.text ?? ""))"]) + (right ?? ["num2str(\(b.range.text ?? ""))"])
        default: return nil
        }
    }

    /// An index of numpy's (0-based) as Octave's: `:` stays, `1` is `2`, `-1` is `end`, `i` is `i+1`.
    private func oneBased(_ e: Expr) -> String {
        switch e.kind {
        case .colon: return ":"
        case .number(let x): return formatNumberForMessage(x + 1)
        case .unary(.negate, let inner):
            if case .number(let x) = inner.kind { return x == 1 ? "end" : "end-\(formatNumberForMessage(x - 1))" }
        case .range(let start, nil, let stop):
            if case .number(let a) = start.kind, case .number(let b) = stop.kind {
                return "\(formatNumberForMessage(a + 1)):\(formatNumberForMessage(b))"
            }
        default: break
        }
        return (e.range.text ?? "") + "+1"
    }

    /// numpy's nested lists as nnl's literals: `np.array([[1, 2], [3, 4]])` has two rows, and the
    /// sequence given to `np.vstack((a, b))`, `np.hstack`, `np.concatenate` becomes its arguments.
    private func numpyLiteralArguments(_ call: Expr) -> Expr {
        guard case .call(let callee, let args) = call.kind, case .qualifiedName(let name) = callee.kind,
              let first = args.first, first.keyword == nil, case .matrix(let rows) = first.value.kind, rows.count == 1
        else { return call }
        switch name {
        case "np.array", "np.asarray":
            var nested: [[Expr]] = []
            for e in rows[0] {
                guard case .matrix(let inner) = e.kind, inner.count == 1 else { return call }
                nested.append(inner[0])
            }
            let literal = CallArgument(keyword: nil, value: Expr(.matrix(nested), first.value.range))
            return Expr(.call(callee, [literal] + args.dropFirst()), call.range)
        case "np.vstack", "np.hstack", "np.concatenate", "np.column_stack":
            let pieces = rows[0].map { CallArgument(keyword: nil, value: $0) }
            return Expr(.call(callee, pieces + args.dropFirst()), call.range)
        default:
            return call
        }
    }

    /// True where `end` stands for the last position of the value being indexed.
    private var insideIndex: Bool {
        for c in contexts.reversed() {
            if c == .index { return true }
            if c == .functionBody { return false }
        }
        return false
    }

    private mutating func within<T>(_ context: Context, _ body: (inout Parser) throws(Diagnostic) -> T) throws(Diagnostic) -> T {
        contexts.append(context)
        defer { contexts.removeLast() }
        return try body(&self)
    }

    private mutating func parseArguments(closing: Operator) throws(Diagnostic) -> [CallArgument] {
        try within(.index) { (p: inout Parser) throws(Diagnostic) in try p.parseArgumentList(closing: closing) }
    }

    private mutating func parseArgumentList(closing: Operator) throws(Diagnostic) -> [CallArgument] {
        var args: [CallArgument] = []
        if match(closing) != nil { return args }
        while true {
            args.append(try parseArgument())
            if match(closing) != nil { return args }
            guard case .separator(true, false) = peek.kind else {
                throw error("expected `,` or `\(closing.rawValue)` in the argument list, found \(describe(peek))",
                            hint: continuationHint)
            }
            advance()
        }
    }

    private mutating func parseArgument() throws(Diagnostic) -> CallArgument {
        if case .identifier(let name) = peek.kind, case .op(.assign) = peekNext.kind {
            advance(); advance()
            return CallArgument(keyword: name, value: try parseExpression())
        }
        if check(.colon), colonEndsIndexArgument() {
            return CallArgument(keyword: nil, value: Expr(.colon, advance().range))
        }
        return CallArgument(keyword: nil, value: try parseExpression())
    }

    private mutating func parsePrimary() throws(Diagnostic) -> Expr {
        let token = peek
        switch token.kind {
        case .number(let x):
            advance()
            return Expr(.number(x), token.range)
        case .string(let s):
            advance()
            return Expr(.string(s), token.range)
        case .identifier(let name):
            advance()
            return try namespaced(name, token) ?? Expr(.name(Identifier(name, range: token.range)), token.range)
        case .keyword(.end) where insideIndex:
            advance()
            return Expr(.end, token.range)
        case .op(.leftParen):
            return try parseParenthesized()
        case .op(.leftBracket), .op(.leftBrace):
            return try parseMatrix()
        case .op(.at):
            return try parseHandle()
        case .op(.colon) where contexts.last == .index:
            advance()
            return Expr(.colon, token.range)
        default:
            throw error("expected a value, found \(describe(token))", hint: primaryHint(token))
        }
    }

    private var continuationHint: String? {
        if case .separator(_, true) = peek.kind {
            return "is a `)` missing? (to continue onto the next line instead, end this one with `...`)"
        }
        return nil
    }

    private func primaryHint(_ token: Token) -> String? {
        if case .keyword(.end) = token.kind { return "`end` as a value only works inside an index, as in `X(end)`" }
        if case .op(.assign) = token.kind { return "to compare use `==`" }
        return nil
    }

    /// `np.sum`, `np.random.seed`, `numpy.dot`: builtins under numpy's names.
    private mutating func namespaced(_ name: String, _ token: Token) throws(Diagnostic) -> Expr? {
        guard name == "np" || name == "numpy", check(.dot) else { return nil }
        var path = "np"
        var range = token.range
        while check(.dot), case .identifier(let part) = peekNext.kind {
            advance()
            range = range.through(advance().range)
            path += "." + part
        }
        return Expr(.qualifiedName(path), range)
    }

    /// `(e)`, or a numpy tuple `(n, 1)` which is a row `[n, 1]`.
    private mutating func parseParenthesized() throws(Diagnostic) -> Expr {
        let open = advance().range
        return try within(.group) { (p: inout Parser) throws(Diagnostic) in try p.parseGroup(open: open) }
    }

    private mutating func parseGroup(open: SourceRange) throws(Diagnostic) -> Expr {
        var items = [try parseExpression()]
        var isTuple = false
        while case .separator(true, false) = peek.kind {
            advance()
            isTuple = true
            if check(.rightParen) { break }
            items.append(try parseExpression())
        }
        guard check(.rightParen) else {
            let hint = check(.assign) ? "to compare use `==`; `=` only assigns, as a statement of its own" : continuationHint
            throw error("expected `)` to close the `(` at column \(open.column)", hint: hint)
        }
        let close = advance()
        // The node's range takes in the parentheses, so messages quote `(C .^ 2)` whole.
        return Expr(isTuple ? .matrix([items]) : items[0].kind, open.through(close.range))
    }

    /// `[1 2; 3 4]`: rows split by `;` or newlines, elements by `,` or spaces.
    private mutating func parseMatrix() throws(Diagnostic) -> Expr {
        let open = advance()
        return try within(.matrix) { (p: inout Parser) throws(Diagnostic) in try p.parseRows(open: open) }
    }

    private mutating func parseRows(open: Token) throws(Diagnostic) -> Expr {
        let closing: Operator = open.kind == .op(.leftBrace) ? .rightBrace : .rightBracket
        var rows: [[Expr]] = []
        var row: [Expr] = []
        while true {
            switch peek.kind {
            case .op(closing):
                let close = advance()
                if !row.isEmpty { rows.append(row) }
                if closing == .rightBrace { throw cellArrayError(open.range.through(close.range), rows) }
                return Expr(.matrix(rows), open.range.through(close.range))
            case .separator(true, false), .elementGap:
                advance()
            case .separator:
                advance()
                if !row.isEmpty { rows.append(row); row = [] }
            case .endOfInput:
                throw unclosed(open, closing)
            case .op(.assign) where peek.range.line > open.range.line:
                // An `=` on a later line is the next statement running into an unclosed bracket.
                throw unclosed(open, closing)
            default:
                row.append(try parseExpression())
            }
        }
    }

    /// `{1, 2}` and numpy's `{'W1': W1}`: nnl has neither cell arrays nor dictionaries.
    private func cellArrayError(_ range: SourceRange, _ rows: [[Expr]]) -> Diagnostic {
        let isDictionary = rows.joined().contains { e in
            if case .range(let start, _, _) = e.kind, case .string = start.kind { return true }
            return false
        }
        if isDictionary {
            return Diagnostic("`{'name': value}` is a Python dictionary; nnl has structs instead", at: range,
                              hint: "p = struct('W1', W1, 'b1', b1), or field by field: p.W1 = W1")
        }
        return Diagnostic("cell arrays `{...}` are not part of nnl", at: range,
                          hint: "use a matrix [1, 2] for numbers, or a struct (p.a = ...; p.b = ...) to keep values of different kinds together")
    }

    private mutating func unclosed(_ open: Token, _ closing: Operator) -> Diagnostic {
        error("`\(closing.rawValue)` expected to close the `\(open.kind == .op(.leftBrace) ? "{" : "[")` at line \(open.range.line), column \(open.range.column)",
              at: open.range)
    }

    /// `@name` or `@(x, y) body`.
    private mutating func parseHandle() throws(Diagnostic) -> Expr {
        let at = advance().range
        if case .identifier(let name) = peek.kind {
            let nameToken = advance()
            if check(.dot), name == "np", let qualified = try namespaced(name, nameToken), case .qualifiedName(let path) = qualified.kind {
                return Expr(.functionHandle(path), at.through(qualified.range))
            }
            return Expr(.functionHandle(name), at.through(nameToken.range))
        }
        _ = try expect(.leftParen, "expected a function name or `(` after `@`, as in `@(x) x.^2`")
        var parameters: [Identifier] = []
        while !check(.rightParen) {
            parameters.append(try identifier("a parameter name"))
            if check(.rightParen) { break }
            guard case .separator(true, false) = peek.kind else {
                throw error("expected `,` or `)` in the parameter list")
            }
            advance()
        }
        advance()
        let body = try within(.functionBody) { (p: inout Parser) throws(Diagnostic) in try p.parseExpression() }
        // Through the last token, so a body ending in `)` keeps it: `@(x) 2*(x-3)`.
        let range = at.through(body.range).through(previous.range)
        let decl = AnonymousFunctionDecl(parameters: parameters, body: body, text: range.text ?? "", source: file)
        return Expr(.anonymousFunction(decl), range)
    }

    /// The text from the start of `first` to the end of `last`, across lines.
    private func sourceText(from first: SourceRange, through last: SourceRange) -> String {
        let lines = (first.line...max(first.line, last.line)).map { file.line($0) ?? "" }
        var text = lines.map(String.init)
        text[text.count - 1] = String(text[text.count - 1].prefix(last.column - 1 + last.length))
        text[0] = String(text[0].dropFirst(first.column - 1))
        return text.joined(separator: "\n")
    }
}

/// Short numbers for messages: `3`, `0.5`, not `3.0`.
func formatNumberForMessage(_ x: Double) -> String {
    if x == x.rounded(), abs(x) < 1e15 { return String(Int(x)) }
    return String(x)
}
