/// The smallest pieces of a program, as the lexer finds them.
struct Token: Sendable {
    enum Kind: Equatable, Sendable {
        case number(Double)
        case string(String)
        case identifier(String)
        case keyword(Keyword)
        case op(Operator)
        /// A statement ends: newline (`printing` true), `;` (false) or `,` (true).
        case separator(printing: Bool, isNewline: Bool)
        /// Inside `[...]` a space between two elements acts as a comma.
        case elementGap
        case endOfInput
    }

    var kind: Kind
    var range: SourceRange
    /// Whitespace stood right before this token (the quote and matrix rules need it).
    var spaceBefore: Bool

    var isEnd: Bool { if case .endOfInput = kind { true } else { false } }
}

enum Keyword: String, Sendable, CaseIterable {
    case `if`, elseif, `else`, end, `for`, `while`, `break`, `continue`, function, `return`
    case `switch`, `case`, otherwise
    case endif, endfor, endwhile, endfunction, endswitch

    /// `else`, `case`… end one part of a block and begin the next.
    var continuesBlock: Bool {
        switch self {
        case .else, .elseif, .case, .otherwise: true
        default: false
        }
    }

    /// `endif`, `endfor`… close a block like `end`.
    var closesBlock: Bool {
        switch self {
        case .end, .endif, .endfor, .endwhile, .endfunction, .endswitch: true
        default: false
        }
    }
}

enum Operator: String, Sendable, CaseIterable {
    case plus = "+", minus = "-", times = "*", divide = "/", leftDivide = "\\"
    case elementTimes = ".*", elementDivide = "./", power = "^", elementPower = ".^", starStar = "**"
    case transpose = "'", plainTranspose = ".'"
    case equal = "==", notEqual = "~=", notEqualBang = "!=", less = "<", lessEqual = "<="
    case greater = ">", greaterEqual = ">="
    case and = "&", or = "|", shortAnd = "&&", shortOr = "||", not = "!", tilde = "~"
    case assign = "=", plusAssign = "+=", minusAssign = "-=", timesAssign = "*=", divideAssign = "/="
    case leftParen = "(", rightParen = ")", leftBracket = "[", rightBracket = "]"
    case leftBrace = "{", rightBrace = "}"
    case colon = ":", dot = ".", at = "@"
}
