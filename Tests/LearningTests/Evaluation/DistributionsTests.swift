import Learning
import Testing

/// The tail probabilities against SciPy, to 1e-9 relative wherever the reference value is
/// above 1e-300 (below, only that ours is below 1e-300 too).
@Suite struct DistributionsTests {
    @Test func studentTSurvivalMatchesScipy() {
        for point in DistributionReference.studentT {
            let value = Distributions.studentTSurvival(point.t, degreesOfFreedom: point.df)
            #expect(close(value, point.sf), "t.sf(\(point.t), \(point.df)) = \(point.sf), got \(value)")
            let cdf = Distributions.studentTCDF(-point.t, degreesOfFreedom: point.df)
            #expect(close(cdf, point.sf), "t.cdf(\(-point.t), \(point.df)) = \(point.sf), got \(cdf)")
        }
    }

    @Test func twoSidedIsTwiceTheTail() {
        for point in DistributionReference.studentT where point.t > 0 {
            let value = Distributions.studentTTwoSided(-point.t, degreesOfFreedom: point.df)
            #expect(close(value, 2 * point.sf))
        }
        #expect(Distributions.studentTTwoSided(0, degreesOfFreedom: 4) == 1)
        #expect(Distributions.studentTTwoSided(.infinity, degreesOfFreedom: 4) == 0)
    }

    @Test func chiSquaredMatchesScipy() {
        for point in DistributionReference.chiSquared {
            let sf = Distributions.chiSquaredSurvival(point.x, degreesOfFreedom: point.df)
            let cdf = Distributions.chiSquaredCDF(point.x, degreesOfFreedom: point.df)
            #expect(close(sf, point.sf), "chi2.sf(\(point.x), \(point.df)) = \(point.sf), got \(sf)")
            #expect(close(cdf, point.cdf), "chi2.cdf(\(point.x), \(point.df)) = \(point.cdf), got \(cdf)")
        }
        #expect(Distributions.chiSquaredSurvival(0, degreesOfFreedom: 1) == 1)
    }

    @Test func binomialMatchesScipy() {
        for point in DistributionReference.binomial {
            let cdf = Distributions.binomialCDF(point.k, trials: point.n, probability: point.p)
            #expect(close(cdf, point.cdf), "binom.cdf(\(point.k), \(point.n), \(point.p)) = \(point.cdf), got \(cdf)")
        }
        #expect(Distributions.binomialCDF(-1, trials: 5, probability: 0.5) == 0)
        #expect(Distributions.binomialCDF(5, trials: 5, probability: 0.5) == 1)
    }

    @Test func binomialTailsAddUp() {
        for (k, n, p) in [(3, 10, 0.5), (40, 100, 0.3), (0, 7, 0.9)] {
            let total = Distributions.binomialCDF(k, trials: n, probability: p)
                + Distributions.binomialSurvival(k, trials: n, probability: p)
            #expect(abs(total - 1) < 1e-14)
        }
    }

    @Test func incompleteBetaMatchesScipy() {
        for point in DistributionReference.beta {
            let value = Distributions.regularizedBeta(a: point.a, b: point.b, x: point.x)
            #expect(close(value, point.value), "betainc(\(point.a), \(point.b), \(point.x)) = \(point.value), got \(value)")
        }
    }

    @Test func incompleteGammaMatchesScipy() {
        for point in DistributionReference.gamma {
            let p = Distributions.regularizedGammaP(a: point.a, x: point.x)
            let q = Distributions.regularizedGammaQ(a: point.a, x: point.x)
            #expect(close(p, point.p), "gammainc(\(point.a), \(point.x)) = \(point.p), got \(p)")
            #expect(close(q, point.q), "gammaincc(\(point.a), \(point.x)) = \(point.q), got \(q)")
        }
    }

    @Test func invalidArgumentsGiveNaN() {
        #expect(Distributions.studentTSurvival(1, degreesOfFreedom: 0).isNaN)
        #expect(Distributions.chiSquaredSurvival(1, degreesOfFreedom: -1).isNaN)
        #expect(Distributions.binomialCDF(1, trials: 3, probability: 1.5).isNaN)
        #expect(Distributions.regularizedBeta(a: 1, b: 1, x: 2).isNaN)
    }

    /// Relative error ≤ 1e-9 where the reference exceeds 1e-300.
    private func close(_ value: Double, _ expected: Double) -> Bool {
        if expected <= 1e-300 { return value <= 1e-300 && value >= 0 }
        return abs(value - expected) <= 1e-9 * abs(expected)
    }
}
