import Foundation

extension Distributions {
    /// The regularised incomplete beta function `I_x(a, b)` for a, b > 0, x in [0, 1].
    public static func regularizedBeta(a: Double, b: Double, x: Double) -> Double {
        regularizedBeta(a: a, b: b, x: x, complement: 1 - x)
    }

    /// `I_x(a, b)` given both `x` and `complement` = 1 − x, so a caller who knows 1 − x
    /// more exactly than the subtraction would give (a tiny p in `1 − p`) keeps its digits.
    ///
    /// The continued fraction of Numerical Recipes (§6.4), evaluated by the modified
    /// Lentz method on whichever side of the mean it converges fast: `I_x(a, b)` directly
    /// when x < (a + 1)/(a + b + 2), else `1 − I_{1−x}(b, a)`.
    static func regularizedBeta(a: Double, b: Double, x: Double, complement y: Double) -> Double {
        if a.isNaN || b.isNaN || x.isNaN || a <= 0 || b <= 0 || x < 0 || y < 0 { return .nan }
        if x == 0 { return 0 }
        if y == 0 { return 1 }
        let logX = x > 0.5 ? log1p(-y) : log(x)
        let logY = y > 0.5 ? log1p(-x) : log(y)
        let logFront = a * logX + b * logY - logBeta(a, b)
        if x < (a + 1) / (a + b + 2) {
            return exp(logFront) * betaContinuedFraction(a: a, b: b, x: x) / a
        }
        return 1 - exp(logFront) * betaContinuedFraction(a: b, b: a, x: y) / b
    }

    /// The continued fraction of `I_x(a, b)` (Numerical Recipes' `betacf`), by modified Lentz.
    private static func betaContinuedFraction(a: Double, b: Double, x: Double) -> Double {
        let tiny = 1e-300, epsilon = Double.ulpOfOne
        let qab = a + b, qap = a + 1, qam = a - 1
        var c = 1.0
        var d = 1 - qab * x / qap
        if abs(d) < tiny { d = tiny }
        d = 1 / d
        var h = d
        for m in 1...100_000 {
            let m = Double(m), m2 = 2 * m
            var aa = m * (b - m) * x / ((qam + m2) * (a + m2))
            d = 1 + aa * d
            if abs(d) < tiny { d = tiny }
            c = 1 + aa / c
            if abs(c) < tiny { c = tiny }
            d = 1 / d
            h *= d * c
            aa = -(a + m) * (qab + m) * x / ((a + m2) * (qap + m2))
            d = 1 + aa * d
            if abs(d) < tiny { d = tiny }
            c = 1 + aa / c
            if abs(c) < tiny { c = tiny }
            d = 1 / d
            let delta = d * c
            h *= delta
            if abs(delta - 1) <= epsilon { break }
        }
        return h
    }

    /// log B(a, b) = log Γ(a) + log Γ(b) − log Γ(a + b).
    ///
    /// For a large argument the three log-gammas are huge and nearly cancel, so then the
    /// Stirling form is used with the large parts combined analytically:
    /// `½ log 2π − ½ log b + (a − ½) log(a/(a+b)) + b log(b/(a+b)) + δ(a) + δ(b) − δ(a+b)`,
    /// where δ is the remainder of Stirling's series.
    static func logBeta(_ a: Double, _ b: Double) -> Double {
        if max(a, b) < 10 { return logGamma(a) + logGamma(b) - logGamma(a + b) }
        let sum = a + b
        // log(a/(a+b)) and log(b/(a+b)), the one near 0 through log1p.
        let logA = a < b ? log(a / sum) : log1p(-b / sum)
        let logB = b < a ? log(b / sum) : log1p(-a / sum)
        return 0.5 * log(2 * Double.pi) - 0.5 * log(b) + (a - 0.5) * logA + b * logB
            + stirlingRemainder(a) + stirlingRemainder(b) - stirlingRemainder(sum)
    }

    /// δ(x) = log Γ(x) − ((x − ½) log x − x + ½ log 2π).
    static func stirlingRemainder(_ x: Double) -> Double {
        guard x >= 10 else { return logGamma(x) - ((x - 0.5) * log(x) - x + 0.5 * log(2 * Double.pi)) }
        let r = 1 / x, r2 = r * r
        // Bernoulli terms B₂ₖ / (2k(2k−1) x^(2k−1)), k = 1...8; the next is below 1e-17 at x = 10.
        let series = 1.0 / 12 + r2 * (-1.0 / 360 + r2 * (1.0 / 1260 + r2 * (-1.0 / 1680 + r2 * (1.0 / 1188
            + r2 * (-691.0 / 360_360 + r2 * (1.0 / 156 + r2 * (-3617.0 / 122_400)))))))
        return series * r
    }

    /// log |Γ(x)| (the C library's re-entrant `lgamma_r`).
    static func logGamma(_ x: Double) -> Double {
        var sign: Int32 = 0
        return lgamma_r(x, &sign)
    }
}
