import Foundation

/// The one-sided Kolmogorov–Smirnov distribution of D⁺ₙ = sup (F − Fₙ) for a sample of
/// `n` (SciPy's `scipy.special.smirnov` and `smirnovc`), a building block of the
/// two-sided distribution in `KolmogorovDistribution`.
///
/// A port of the Birnbaum–Tingey sum of SciPy's `xsf/cephes/kolmogorov.h` (van Mulbregt's
/// implementation), with the same double-double arithmetic, exponent-tracked binomial
/// coefficients, choice between the lower and upper sums and early stop, so the tails keep
/// SciPy's digits (below 1e-13 relative against SciPy 1.17 in the tests).
///
/// ```swift
/// SmirnovDistribution.survival(0.2, sampleSize: 50)   // P(D⁺₅₀ > 0.2) ≈ 0.0157
/// ```
enum SmirnovDistribution {
    /// P(D⁺ₙ > x) (`smirnov(n, x)`); NaN when n < 1 or x is outside [0, 1].
    static func survival(_ x: Double, sampleSize n: Int) -> Double {
        probabilities(n: n, x: x).sf
    }

    /// P(D⁺ₙ ≤ x) (`smirnovc(n, x)`).
    static func cdf(_ x: Double, sampleSize n: Int) -> Double {
        probabilities(n: n, x: x).cdf
    }

    /// Above this n SciPy switches to the approximation e^(−(6nx+1)²/18n).
    private static let maxComputeN = 1_000_000
    /// The upper sum is used for at most this many terms, and only from this n on.
    private static let upperSumMaxTerms = 3
    private static let upperSumMinN = 10
    /// cephes' MINLOG: log of the smallest denormal.
    private static let minLog = -7.451332191019412076235e2

    private static func probabilities(n: Int, x: Double) -> (sf: Double, cdf: Double) {
        guard n > 0, x >= 0, x <= 1 else { return (.nan, .nan) }
        if n == 1 { return (1 - x, x) }
        if x == 0 { return (1, 0) }
        if x == 1 { return (0, 1) }

        // floor(n·x) and its remainder, exactly.
        let nxD = DD(x) * Double(n)
        let nxFloorD = nxD.floor
        var alpha = (nxD - nxFloorD).hi
        var nxFloor = Int(nxFloorD.hi)
        if alpha == 1 {
            nxFloor += 1
            alpha = 0
        }
        var n1mxFloor = n - nxFloor - (alpha == 0 ? 0 : 1)
        var n1mxCeil = n - nxFloor
        // When alpha is 0 the last term belongs to neither sum.
        if alpha == 0 {
            n1mxFloor -= 1
            n1mxCeil += 1
        }

        // x ≤ 1/n.
        if nxFloor == 0 || (nxFloor == 1 && alpha == 0) {
            let t = power(DD(1) + x, n - 1).hi
            let cdf = x * t
            return (1 - cdf, cdf)
        }
        // The survival function underflows.
        if -2 * Double(n) * x * x < minLog { return (0, 1) }
        // x ≥ 1 − 1/n.
        if nxFloor >= n - 1 {
            let sf = power(DD(1) + (-x), n).hi
            return (sf, 1 - sf)
        }
        if n > maxComputeN {
            let logp = -pow(6.0 * Double(n) * x + 1, 2) / 18.0 / Double(n)
            if logp < -M_LN2 {
                let sf = exp(logp)
                return (sf, 1 - sf)
            }
            let cdf = -expm1(logp)
            return (1 - cdf, cdf)
        }

        let nUpperTerms = n - n1mxCeil + 1
        let useUpperSum = (nUpperTerms <= 1 && x < 0.5)
            || (n >= upperSumMinN && nUpperTerms <= upperSumMaxTerms && x <= 0.5 / Double(n).squareRoot())

        var start = 0, step = 1, nTerms = n1mxFloor + 1
        let vmid = n / 2
        var cMantissa = DD(1)
        var cExponent = 0
        var aj: DD
        var sum = DD(0)
        if useUpperSum {
            start = n
            step = -1
            nTerms = n - n1mxCeil + 1
            aj = power4(1, x, 1, 0, n - 1)
        } else {
            let t2 = power4(1, -x, 1, 0, n)
            aj = t2 / DD(x)
        }
        sum = sum + aj
        updateBinomial(&cMantissa, &cExponent, n: n, j: 0)

        var j = 1
        while j < nTerms {
            let v = start + j * step
            aj = term(n: n, x: x, v: v, cMantissa: cMantissa, cExponent: cExponent)
            if aj.hi.isFinite && aj != DD(0) {
                sum = sum + aj
            }
            // Safe to stop early?
            if aj != DD(0) {
                if 4 * Double(nTerms - j) * abs(aj.hi) < Double.ulpOfOne * sum.hi && j != nTerms - 1 { break }
            } else if j > vmid {
                break
            }
            updateBinomial(&cMantissa, &cExponent, n: n, j: j)
            j += 1
        }
        let probability = (sum * x).hi
        let sf: Double, cdf: Double
        if step < 0 {
            cdf = probability
            sf = 1 - probability
        } else {
            cdf = 1 - probability
            sf = probability
        }
        return (min(max(sf, 0), 1), min(max(cdf, 0), 1))
    }

    /// Aᵥ(n, x) = C(n, v) · (1 − x − v/n)^(n−v) · (x + v/n)^(v−1).
    private static func term(n: Int, x: Double, v: Int, cMantissa: DD, cExponent: Int) -> DD {
        let t2x = DD(Double(n - v)) / DD(Double(n)) - x
        let (t2, t2E) = scaledPower(t2x, n - v)
        let t1x = DD(Double(v)) / DD(Double(n)) + x
        let (t1, t1E) = scaledPower(t1x, v - 1)
        let product = t1 * t2 * cMantissa
        return product.scaled(by: cExponent + t1E + t2E)
    }

    /// C(n, j + 1) from C(n, j), as mantissa in [0.5, 1) and a separate exponent.
    private static func updateBinomial(_ mantissa: inout DD, _ exponent: inout Int, n: Int, j: Int) {
        let ratio = DD(Double(n - j)) / DD(Double(j) + 1)
        let (m, e) = (mantissa * ratio).frexp
        exponent += e
        mantissa = m
    }

    /// aᵐ: `pow` of the high part, corrected for the low part.
    private static func power(_ a: DD, _ m: Int) -> DD {
        if m <= 0 {
            if m == 0 { return DD(1) }
            return DD(1) / power(a, -m)
        }
        if a == DD(0) { return DD(0) }
        let ans = pow(a.hi, Double(m))
        let r = a.lo / a.hi
        var adjust = Double(m) * r
        if abs(adjust) > 1e-8 {
            if abs(adjust) < 1e-4 {
                // The first two terms of the Taylor series of (1 + r)^m.
                adjust += (Double(m) * r) * ((Double(m) - 1) / 2.0 * r)
            } else {
                adjust = expm1(Double(m) * log1p(r))
            }
        }
        return DD(ans) + ans * adjust
    }

    /// Keeps both parts of a double-double normal.
    private static let maxScaledExponent = 960

    /// aᵐ as (significand, exponent), splitting the power so nothing underflows.
    private static func scaledPower(_ a: DD, _ m: Int) -> (DD, Int) {
        if m <= 0 {
            if m == 0 { return (DD(1), 0) }
            let (inverse, e1) = scaledPower(a, -m)
            let (ans, e2) = (DD(1) / inverse).frexp
            return (ans, -e1 + e2)
        }
        let (y, yE) = a.frexp
        if m == 1 { return (y, yE) }
        var maxExponent = maxScaledExponent
        if Double(m) * (y.hi - 1) / y.hi < -Double(maxScaledExponent) * M_LN2 {
            let lg2y = log(y.hi) / M_LN2
            let lgAns = Double(m) * lg2y
            if lgAns <= -Double(maxScaledExponent) {
                maxExponent = Int(nextPowerOf2(-Double(maxScaledExponent) / lg2y + 1) / 2)
            }
        }
        if m <= maxExponent {
            var (ans, ansE) = power(y, m).frexp
            ansE += m * yE
            return (ans, ansE)
        }
        let q = m / maxExponent, r = m % maxExponent
        let (y2r, y2rE) = scaledPower(y, r)
        let (y2m, y2mE) = scaledPower(y, maxExponent)
        var (y2mq, y2mqE) = scaledPower(y2m, q)
        var (ans, ansE) = (y2r * y2mq).frexp
        y2mqE += y2mE * q
        ansE += y2mqE + y2rE
        ansE += m * yE
        return (ans, ansE)
    }

    /// ((a + b)/(c + d))ᵐ.
    private static func power4(_ a: Double, _ b: Double, _ c: Double, _ d: Double, _ m: Int) -> DD {
        if m <= 0 {
            if m == 0 { return DD(1) }
            return power4(c, d, a, b, -m)
        }
        let numerator = DD(a) + b
        let denominator = DD(c) + d
        if numerator == DD(0) { return denominator == DD(0) ? DD(.nan, .nan) : DD(0) }
        if denominator == DD(0) { return numerator.hi < 0 ? DD(-.infinity, -.infinity) : DD(.infinity, .infinity) }
        return power(numerator / denominator, m)
    }

    /// The power of two at or just above x (cephes' `nextPowerOf2`).
    private static func nextPowerOf2(_ x: Double) -> Double {
        let q = Foundation.scalbn(x, 1 - Double.significandBitCount - 1)
        var l = abs(q + x)
        if l == 0 {
            l = abs(x)
        } else if let whole = Int(exactly: l.rounded(.towardZero)), Double(whole) == l {
            l = Double(whole)
        }
        return l
    }
}

/// A double-double number hi + lo (the subset of the qd package SciPy's Smirnov code uses).
private struct DD: Equatable {
    var hi: Double
    var lo: Double

    init(_ hi: Double, _ lo: Double) {
        self.hi = hi
        self.lo = lo
    }

    init(_ value: Double) {
        self.init(value, 0)
    }

    private static func quickTwoSum(_ a: Double, _ b: Double) -> (Double, Double) {
        let s = a + b
        return (s, b - (s - a))
    }

    private static func twoSum(_ a: Double, _ b: Double) -> (Double, Double) {
        let s = a + b
        let c = s - a
        let d = b - c
        let e = s - c
        return (s, (a - e) + d)
    }

    private static func twoProduct(_ a: Double, _ b: Double) -> (Double, Double) {
        let p = a * b
        return (p, (-p).addingProduct(a, b))
    }

    static prefix func - (x: DD) -> DD { DD(-x.hi, -x.lo) }

    static func + (lhs: DD, rhs: DD) -> DD {
        var (s1, s2) = twoSum(lhs.hi, rhs.hi)
        let (t1, t2) = twoSum(lhs.lo, rhs.lo)
        s2 += t1
        (s1, s2) = quickTwoSum(s1, s2)
        s2 += t2
        (s1, s2) = quickTwoSum(s1, s2)
        return DD(s1, s2)
    }

    static func + (lhs: DD, rhs: Double) -> DD {
        var (s1, s2) = twoSum(lhs.hi, rhs)
        s2 += lhs.lo
        (s1, s2) = quickTwoSum(s1, s2)
        return DD(s1, s2)
    }

    static func + (lhs: Double, rhs: DD) -> DD { rhs + lhs }

    static func - (lhs: DD, rhs: DD) -> DD { lhs + (-rhs) }

    static func - (lhs: DD, rhs: Double) -> DD {
        var (s1, s2) = twoSum(lhs.hi, -rhs)
        s2 += lhs.lo
        (s1, s2) = quickTwoSum(s1, s2)
        return DD(s1, s2)
    }

    static func * (lhs: DD, rhs: DD) -> DD {
        var (p1, p2) = twoProduct(lhs.hi, rhs.hi)
        p2 += lhs.hi * rhs.lo + lhs.lo * rhs.hi
        (p1, p2) = quickTwoSum(p1, p2)
        return DD(p1, p2)
    }

    static func * (lhs: DD, rhs: Double) -> DD {
        let (p1, e1) = twoProduct(lhs.hi, rhs)
        let (p2, e2) = twoProduct(lhs.lo, rhs)
        let (s, e) = quickTwoSum(p1, e2 + p2 + e1)
        return DD(s, e)
    }

    static func * (lhs: Double, rhs: DD) -> DD { rhs * lhs }

    static func / (lhs: DD, rhs: DD) -> DD {
        var q1 = lhs.hi / rhs.hi
        var r = lhs - rhs * q1
        var q2 = r.hi / rhs.hi
        r = r - rhs * q2
        let q3 = r.hi / rhs.hi
        (q1, q2) = quickTwoSum(q1, q2)
        return DD(q1, q2) + q3
    }

    var floor: DD {
        let h = hi.rounded(.down)
        guard h == hi else { return DD(h, 0) }
        let (s, e) = DD.quickTwoSum(h, lo.rounded(.down))
        return DD(s, e)
    }

    /// self · 2^exponent.
    func scaled(by exponent: Int) -> DD {
        DD(Foundation.scalbn(hi, exponent), Foundation.scalbn(lo, exponent))
    }

    /// (b, e) with 0.5 ≤ |b.hi| < 1 (or |b.hi| = 1 with the low part of opposite sign) and b · 2^e = self.
    var frexp: (DD, Int) {
        guard hi.isFinite, hi != 0 else { return (self, 0) }
        let exponent = Int(hi.exponent) + 1
        var mantissa = Foundation.scalbn(hi, -exponent)
        var low = Foundation.scalbn(lo, -exponent)
        var e = exponent
        if abs(mantissa) == 0.5 && mantissa * low < 0 {
            mantissa *= 2
            low *= 2
            e -= 1
        }
        return (DD(mantissa, low), e)
    }
}
