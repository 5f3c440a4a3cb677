import Foundation

/// The one format Octave's `format short` picks for a scalar or for a whole matrix.
///
/// Rules of GNU Octave 7.3 `libinterp/corefcn/pr-output.cc` (`make_real_format`,
/// `make_real_matrix_format`, `pr_any_float`) with output_precision 5 and
/// `pr_output_traits<double>` (DIGITS10 16, MAX_FIELD_WIDTH 21).
struct NumberFormat: Equatable {
    enum Style: Equatable {
        case integer
        case fixed(decimals: Int)
        case exponent(decimals: Int)
    }

    /// Field width; every number is right-aligned in it.
    var width: Int
    var style: Style

    /// Octave's output_precision under `format short`: significant digits shown.
    static let precision = 5

    /// The format for a 1×1 value shown on its own line (`x = 3.1416`).
    static func scalar(_ x: Double) -> NumberFormat {
        guard x.isFinite else { return NumberFormat(width: 3, style: .integer) }
        let digits = digits(abs(x))
        if x.rounded() == x {
            return tooWide(ld: digits, rd: 0, width: digits)
                ? NumberFormat(width: precision + 5, style: .exponent(decimals: precision - 1))
                : NumberFormat(width: digits, style: .integer)
        }
        let (ld, rd) = leadingAndTrailing(digits)
        let width = ld + 1 + rd
        return tooWide(ld: ld, rd: rd, width: width)
            ? NumberFormat(width: precision + 5, style: .exponent(decimals: precision - 1))
            : NumberFormat(width: width, style: .fixed(decimals: rd))
    }

    /// One format for every element of a matrix, from the digits of its largest and
    /// smallest finite magnitudes; the width has room for a sign.
    static func matrix(_ values: some Sequence<Double>) -> NumberFormat {
        var maxAbs = 0.0, minAbs = Double.greatestFiniteMagnitude
        var allIntegers = true, infOrNaN = false, anyFinite = false
        for x in values {
            guard x.isFinite else { infOrNaN = true; continue }
            anyFinite = true
            maxAbs = max(maxAbs, abs(x))
            minAbs = min(minAbs, abs(x))
            if !looksWhole(x) { allIntegers = false }
        }
        if !anyFinite { minAbs = 0 }
        let xMax = digits(maxAbs), xMin = digits(minAbs)
        if allIntegers {
            let digits = max(xMax, xMin)
            var width = digits <= 0 ? 2 : digits + 1
            if infOrNaN { width = max(width, 4) }
            return tooWide(ld: 0, rd: width, width: width)
                ? exponentMatrix(largeExponent: digits > 100)
                : NumberFormat(width: width, style: .integer)
        }
        let (ldMax, rdMax) = leadingAndTrailing(xMax)
        let (ldMin, rdMin) = leadingAndTrailing(xMin)
        let ld = max(ldMax, ldMin), rd = max(rdMax, rdMin)
        var width = 1 + ld + 1 + rd
        if infOrNaN { width = max(width, 4) }
        return tooWide(ld: ld, rd: rd, width: width)
            ? exponentMatrix(largeExponent: exponentDigits(xMax) > 100 || exponentDigits(xMin) > 100)
            : NumberFormat(width: width, style: .fixed(decimals: rd))
    }

    /// Octave 7 shows a matrix in integer format when each element is whole in single precision
    /// (measured: [1.00000005 2] shows `1   2`, [1.0000002 2] shows `1.0000   2.0000`).
    static func looksWhole(_ x: Double) -> Bool {
        guard abs(x) < 1e38 else { return x.rounded() == x }
        let single = Float(x)
        return single.rounded() == single
    }

    /// `x` in this format, right-aligned; zero, Inf and NaN are spelled out as Octave does.
    func format(_ x: Double) -> String {
        let text: String
        if x == 0 {
            text = "0"
        } else if x.isNaN {
            text = "NaN"
        } else if x.isInfinite {
            text = x < 0 ? "-Inf" : "Inf"
        } else {
            switch style {
            // Octave's integer format is `%{w}.{w}g`: a value that only looks whole (1e-87
            // is 0 in single precision) keeps its digits, `1.4e-87`, and overflows the column.
            case .integer: text = cFormat("%.*g", Int32(max(width, 1)), x)
            case .fixed(let decimals): text = cFormat("%.*f", Int32(decimals), x)
            case .exponent(let decimals): text = cFormat("%.*e", Int32(decimals), x)
            }
        }
        return text.padded(to: width)
    }

    /// Digits before the decimal point: 1 + floor(log10 x), negative for small fractions.
    private static func digits(_ x: Double) -> Int {
        x == 0 ? 0 : 1 + Int(log10(x).rounded(.down))
    }

    /// Octave's ld/rd: digits left and right of the point that show `precision` significant ones.
    private static func leadingAndTrailing(_ digits: Int) -> (Int, Int) {
        if digits > 0 { return (digits, precision > digits ? precision - digits : precision) }
        if digits < 0 { return (1, precision - digits) }
        return (1, precision - 1)
    }

    /// Octave falls back to `%.4e` when a fixed field would show too many digits.
    private static func tooWide(ld: Int, rd: Int, width: Int) -> Bool {
        ld + rd > 16 || width > 21 || Double(ld + rd) > 1.5 * Double(precision)
    }

    /// Octave's adjusted x_max / x_min, used only to widen a three-digit exponent.
    private static func exponentDigits(_ digits: Int) -> Int {
        digits > 0 ? digits + 1 : (digits < 0 ? 1 - digits : 1)
    }

    private static func exponentMatrix(largeExponent: Bool) -> NumberFormat {
        NumberFormat(width: 2 + precision + (largeExponent ? 5 : 4), style: .exponent(decimals: precision - 1))
    }
}
