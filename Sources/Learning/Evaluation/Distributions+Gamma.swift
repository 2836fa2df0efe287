import Foundation

extension Distributions {
    /// The regularised lower incomplete gamma function P(a, x) = γ(a, x)/Γ(a), a > 0.
    public static func regularizedGammaP(a: Double, x: Double) -> Double {
        if a.isNaN || x.isNaN || a <= 0 || x < 0 { return .nan }
        if x == 0 { return 0 }
        if x.isInfinite { return 1 }
        return x < a + 1 ? gammaSeries(a: a, x: x) : 1 - gammaContinuedFraction(a: a, x: x)
    }

    /// The regularised upper incomplete gamma function Q(a, x) = 1 − P(a, x), computed
    /// directly in the upper tail.
    ///
    /// Numerical Recipes (§6.2): the series of P for x < a + 1 (where Q ≥ ~0.3, so
    /// `1 − P` loses nothing), else the continued fraction of Q by modified Lentz.
    public static func regularizedGammaQ(a: Double, x: Double) -> Double {
        if a.isNaN || x.isNaN || a <= 0 || x < 0 { return .nan }
        if x == 0 { return 1 }
        if x.isInfinite { return 0 }
        return x < a + 1 ? 1 - gammaSeries(a: a, x: x) : gammaContinuedFraction(a: a, x: x)
    }

    /// e^(−x) x^a / Γ(a), in logs.
    private static func logGammaFront(a: Double, x: Double) -> Double {
        -x + a * log(x) - logGamma(a)
    }

    /// P(a, x) by its series, for x < a + 1.
    private static func gammaSeries(a: Double, x: Double) -> Double {
        var ap = a
        var term = 1 / a
        var sum = term
        for _ in 0..<100_000 {
            ap += 1
            term *= x / ap
            sum += term
            if abs(term) < abs(sum) * Double.ulpOfOne { break }
        }
        return sum * exp(logGammaFront(a: a, x: x))
    }

    /// Q(a, x) by its continued fraction, for x ≥ a + 1.
    private static func gammaContinuedFraction(a: Double, x: Double) -> Double {
        let tiny = 1e-300
        var b = x + 1 - a
        var c = 1 / tiny
        var d = 1 / b
        var h = d
        for i in 1...100_000 {
            let an = -Double(i) * (Double(i) - a)
            b += 2
            d = an * d + b
            if abs(d) < tiny { d = tiny }
            c = b + an / c
            if abs(c) < tiny { c = tiny }
            d = 1 / d
            let delta = d * c
            h *= delta
            if abs(delta - 1) <= Double.ulpOfOne { break }
        }
        return exp(logGammaFront(a: a, x: x)) * h
    }
}
