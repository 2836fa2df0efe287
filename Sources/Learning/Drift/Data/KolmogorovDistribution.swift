import Foundation

/// The two-sided one-sample Kolmogorov–Smirnov distribution of Dₙ = sup |Fₙ − F| for a
/// sample of `n` (SciPy's `scipy.stats.kstwo`), which `ks_2samp` uses for large samples
/// with n = round(n₁n₂/(n₁ + n₂)).
///
/// A port of SciPy's `_kolmogn` (Simard and L'Ecuyer's choice of method): the
/// Ruben–Gambino closed forms at the ends, twice the one-sided Smirnov tail where the two
/// tails cannot overlap (x ≥ ½) or where that is accurate (large n·x²), the Durbin matrix
/// in the Marsaglia–Tsang–Wang form and Pomeranz's recursion for n ≤ 140, and the
/// Durbin matrix or the Pelz–Good asymptotic series beyond.
///
/// ```swift
/// KolmogorovDistribution.survival(0.05, sampleSize: 1000)   // kstwo.sf(0.05, 1000) ≈ 0.0130
/// ```
public enum KolmogorovDistribution {
    /// P(Dₙ > x) (`kstwo.sf(x, n)`); NaN when n < 1.
    public static func survival(_ x: Double, sampleSize n: Int) -> Double {
        probability(n: n, x: x, cdf: false)
    }

    /// P(Dₙ ≤ x) (`kstwo.cdf(x, n)`); NaN when n < 1.
    public static func cdf(_ x: Double, sampleSize n: Int) -> Double {
        probability(n: n, x: x, cdf: true)
    }

    private static let twoTo128 = 0x1p128
    private static let twoToMinus128 = 0x1p-128
    private static let sqrt2Pi = (2 * Double.pi).squareRoot()
    private static let log2Pi = log(2 * Double.pi)
    private static let piSquared = Double.pi * Double.pi
    private static let piFour = piSquared * piSquared
    private static let piSix = piFour * piSquared

    private static func clip(_ p: Double) -> Double { min(max(p, 0), 1) }

    private static func select(cdf cdfValue: Double, sf sfValue: Double, _ wantCDF: Bool) -> Double {
        clip(wantCDF ? cdfValue : sfValue)
    }

    private static func probability(n: Int, x: Double, cdf wantCDF: Bool) -> Double {
        if x.isNaN || n <= 0 { return .nan }
        if x >= 1 { return select(cdf: 1, sf: 0, wantCDF) }
        if x <= 0 { return select(cdf: 0, sf: 1, wantCDF) }
        let nd = Double(n)
        let t = nd * x
        if t <= 1 {
            // Ruben–Gambino: 1/2n ≤ x ≤ 1/n.
            if t <= 0.5 { return select(cdf: 0, sf: 1, wantCDF) }
            let p: Double
            if n <= 140 {
                var product = 1.0
                for i in 1...n { product *= Double(i) * (1.0 / nd) * (2 * t - 1) }
                p = product
            } else {
                p = exp(logFactorialOverPower(n) + nd * log(2 * t - 1))
            }
            return select(cdf: p, sf: 1 - p, wantCDF)
        }
        if t >= nd - 1 {
            // Ruben–Gambino.
            let p = 2 * pow(1 - x, nd)
            return select(cdf: 1 - p, sf: p, wantCDF)
        }
        if x >= 0.5 {
            // The two one-sided tails are disjoint.
            let p = 2 * SmirnovDistribution.survival(x, sampleSize: n)
            return select(cdf: 1 - p, sf: p, wantCDF)
        }
        let nxSquared = t * x
        if n <= 140 {
            if nxSquared <= 0.754693 {
                let p = durbinMatrix(n: n, d: x)
                return select(cdf: p, sf: 1 - p, wantCDF)
            }
            if nxSquared <= 4 {
                let p = pomeranz(n: n, x: x)
                return select(cdf: p, sf: 1 - p, wantCDF)
            }
            let p = 2 * SmirnovDistribution.survival(x, sampleSize: n)
            return select(cdf: 1 - p, sf: p, wantCDF)
        }
        if !wantCDF {
            if nxSquared >= 370 { return 0 }
            if nxSquared >= 2.2 { return clip(2 * SmirnovDistribution.survival(x, sampleSize: n)) }
        }
        let cdfValue: Double
        if nxSquared >= 18 {
            cdfValue = 1
        } else if n <= 100_000 && nd * pow(x, 1.5) <= 1.4 {
            cdfValue = durbinMatrix(n: n, d: x)
        } else {
            cdfValue = pelzGood(n: n, x: x)
        }
        return select(cdf: cdfValue, sf: 1 - cdfValue, wantCDF)
    }

    /// log(n!/nⁿ) by Stirling's series.
    private static func logFactorialOverPower(_ n: Int) -> Double {
        let coefficients = [-2.955065359477124183e-2, 6.4102564102564102564e-3,
                            -1.9175269175269175269e-3, 8.4175084175084175084e-4,
                            -5.952380952380952381e-4, 7.9365079365079365079e-4,
                            -2.7777777777777777778e-3, 8.3333333333333333333e-2]
        let nd = Double(n)
        let rn = 1.0 / nd
        let z = rn / nd
        var polynomial = 0.0
        for c in coefficients { polynomial = polynomial * z + c }
        return log(nd) / 2 - nd + log2Pi / 2 + rn * polynomial
    }

    /// P(Dₙ ≤ d) by the Durbin matrix (Marsaglia, Tsang and Wang 2003): a power of an
    /// m × m matrix, m = 2⌈nd⌉ − 1, with exponents kept apart to avoid overflow.
    private static func durbinMatrix(n: Int, d: Double) -> Double {
        if d >= 1 { return 1 }
        let nd = Double(n) * d
        if nd <= 0.5 { return 0 }
        let k = Int(nd.rounded(.up))
        let h = Double(k) - nd
        let m = 2 * k - 1

        var v = (1...m).map { 1.0 - pow(h, Double($0)) }
        var w = [Double](repeating: 0, count: m)
        var factor = 1.0
        for j in 1...m {
            w[j - 1] = factor
            factor /= Double(j)
            v[j - 1] *= factor
        }
        let tt = pow(max(2 * h - 1, 0), Double(m)) - 2 * pow(h, Double(m))
        v[m - 1] = (1 + tt) * factor

        var matrix = [Double](repeating: 0, count: m * m)
        for i in 1..<max(m, 1) {
            for row in (i - 1)..<m { matrix[row * m + i] = w[row - (i - 1)] }
        }
        for row in 0..<m { matrix[row * m] = v[row] }
        for column in 0..<m { matrix[(m - 1) * m + column] = v[m - 1 - column] }

        var power = [Double](repeating: 0, count: m * m)
        for i in 0..<m { power[i * m + i] = 1 }
        var remaining = n
        var exponent = 0, matrixExponent = 0
        while remaining > 0 {
            if remaining % 2 == 1 {
                power = multiply(power, matrix, m)
                exponent += matrixExponent
            }
            matrix = multiply(matrix, matrix, m)
            matrixExponent *= 2
            if abs(matrix[(k - 1) * m + (k - 1)]) > twoTo128 {
                for i in matrix.indices { matrix[i] /= twoTo128 }
                matrixExponent += 128
            }
            remaining /= 2
        }

        var p = power[(k - 1) * m + (k - 1)]
        for i in 1...n {
            p = Double(i) * p / Double(n)
            if abs(p) < twoToMinus128 {
                p *= twoTo128
                exponent -= 128
            }
        }
        if exponent != 0 { p = Foundation.scalbn(p, exponent) }
        return clip(p)
    }

    private static func multiply(_ a: [Double], _ b: [Double], _ m: Int) -> [Double] {
        var result = [Double](repeating: 0, count: m * m)
        for i in 0..<m {
            for l in 0..<m {
                let a_il = a[i * m + l]
                if a_il == 0 { continue }
                for j in 0..<m { result[i * m + j] += a_il * b[l * m + j] }
            }
        }
        return result
    }

    /// The first and last columns of row `i` of Pomeranz's recursion.
    private static func pomeranzBounds(_ i: Int, n: Int, ll: Int, ceilF: Int, roundF: Int) -> (Int, Int) {
        var j1: Int, j2: Int
        if i == 0 {
            j1 = -ll - ceilF - 1
            j2 = ll + ceilF - 1
        } else {
            let half = (i + 1) / 2, odd = (i + 1) % 2
            if odd == 0 {
                if half == n + 1 {
                    j1 = n - ll - ceilF - 1
                    j2 = n + ll + ceilF - 1
                } else {
                    j1 = half - 1 - ll - roundF - 1
                    j2 = half + ll - 1 + ceilF - 1
                }
            } else {
                j1 = half - 1 - ll - 1
                j2 = half + ll + roundF - 1
            }
        }
        return (max(j1 + 2, 0), min(j2, n))
    }

    /// P(Dₙ ≤ x) by Pomeranz's recursion (1974).
    private static func pomeranz(n: Int, x: Double) -> Double {
        let t = Double(n) * x
        let ll = Int(t.rounded(.down))
        let f = t - Double(ll)
        let g = min(f, 1 - f)
        let ceilF = f > 0 ? 1 : 0
        let roundF = f > 0.5 ? 1 : 0
        let powers = 2 * (ll + 1)
        var gPower = [Double](repeating: 1, count: powers)
        var twoGPower = gPower, oneMinusTwoGPower = gPower
        let gOverN = g / Double(n), twoGOverN = 2 * g / Double(n), oneMinusTwoGOverN = (1 - 2 * g) / Double(n)
        for m in 1..<powers {
            gPower[m] = gPower[m - 1] * gOverN / Double(m)
            twoGPower[m] = twoGPower[m - 1] * twoGOverN / Double(m)
            oneMinusTwoGPower[m] = oneMinusTwoGPower[m - 1] * oneMinusTwoGOverN / Double(m)
        }

        var v0 = [Double](repeating: 0, count: powers)
        var v1 = [Double](repeating: 0, count: powers)
        v1[0] = 1
        var v0Start = 0, v1Start = 0
        var exponent = 0
        var (j1, j2) = pomeranzBounds(0, n: n, ll: ll, ceilF: ceilF, roundF: roundF)
        for i in 1..<(2 * n + 2) {
            let k1 = j1
            swap(&v0, &v1)
            swap(&v0Start, &v1Start)
            for index in v1.indices { v1[index] = 0 }
            (j1, j2) = pomeranzBounds(i, n: n, ll: ll, ceilF: ceilF, roundF: roundF)
            let weights = (i == 1 || i == 2 * n + 1) ? gPower : (i % 2 == 1 ? twoGPower : oneMinusTwoGPower)
            let length = j2 - k1 + 1
            guard length > 0 else { continue }
            // The full convolution of v0[k1 − v0Start ..< + length] with weights[..< length],
            // entries (j1 − k1) ..< (j2 − k1 + 1) of it.
            let offset = k1 - v0Start
            let convStart = j1 - k1, convLength = j2 - j1 + 1
            for out in 0..<max(convLength, 0) {
                let position = convStart + out
                var sum = 0.0
                if position < 0 { continue }
                for a in 0...position where a < length && position - a < length {
                    let source = offset + a
                    guard source >= 0 && source < powers else { continue }
                    sum += v0[source] * weights[position - a]
                }
                v1[out] = sum
            }
            if let largest = v1.max(), largest > 0, largest < twoToMinus128 {
                for index in v1.indices { v1[index] *= twoTo128 }
                exponent -= 128
            }
            v1Start = v0Start + j1 - k1
        }
        var answer = v1[n - v1Start]
        for m in 1...n {
            if abs(answer) > twoTo128 {
                answer *= twoToMinus128
                exponent += 128
            }
            answer *= Double(m)
        }
        if exponent != 0 { answer = Foundation.scalbn(answer, exponent) }
        return clip(answer)
    }

    /// P(Dₙ ≤ x) by the Pelz–Good (1976) asymptotic series in 1/√n.
    private static func pelzGood(n: Int, x: Double) -> Double {
        if x <= 0 { return 0 }
        if x >= 1 { return 1 }
        let nd = Double(n)
        let z = nd.squareRoot() * x
        let z2 = z * z, z3 = z2 * z, z4 = z2 * z2, z6 = z4 * z2
        let qlog = -piSquared / 8 / z2
        if qlog < -708 { return 0 }
        var q = exp(qlog)

        let k1a = -z2
        let k1b = piSquared / 4
        let k2a = 6 * z6 + 2 * z4
        let k2b = (2 * z4 - 5 * z2) * piSquared / 4
        let k2c = piFour * (1 - 2 * z2) / 16
        let k3d = piSix * (5 - 30 * z2) / 64
        let k3c = piFour * (-60 * z2 + 212 * z4) / 16
        let k3b = piSquared * (135 * z4 - 96 * z6) / 4
        let k3a = -30 * z6 - 90 * pow(z, 8)

        var terms = [0.0, 0.0, 0.0, 0.0]
        let maxK = Int((16 * z / Double.pi).rounded(.up))
        if maxK >= 1 {
            for k in stride(from: maxK, through: 1, by: -1) {
                let m = Double(2 * k - 1)
                let m2 = m * m, m4 = m2 * m2, m6 = m4 * m2
                let qPower = pow(q, Double(8 * k))
                let coefficients = [1.0,
                                    k1a + k1b * m2,
                                    k2a + k2b * m2 + k2c * m4,
                                    k3a + k3b * m2 + k3c * m4 + k3d * m6]
                for i in 0..<4 { terms[i] = terms[i] * qPower + coefficients[i] }
            }
        }
        let divisors = [z, 6 * z4, 72 * pow(z, 7), 6480 * pow(z, 10)]
        for i in 0..<4 { terms[i] = terms[i] * q * sqrt2Pi / divisors[i] }

        q = exp(-piSquared / 2 / z2)
        var k2Extra = 0.0, k3Extra = 0.0
        let sqrt3z = 3.0.squareRoot() * z
        if maxK >= 1 {
            for k in stride(from: maxK, through: 1, by: -1) {
                let kd = Double(k)
                let kSquared = kd * kd
                let qPower = pow(q, kSquared)
                let kPi = Double.pi * kd
                k2Extra += kSquared * qPower
                k3Extra += (sqrt3z + kPi) * (sqrt3z - kPi) * kSquared * qPower
            }
        }
        terms[2] += k2Extra * (piSquared * sqrt2Pi / (-36 * z3))
        terms[3] += k3Extra * (piSquared * sqrt2Pi / (216 * z6))
        for i in 0..<4 { terms[i] /= pow(nd, Double(i) / 2) }
        return terms.reduce(0, +)
    }
}
