/// A line search for the strong Wolfe conditions (Nocedal & Wright, algorithms 3.5 and
/// 3.6): bracket by doubling, then zoom with safeguarded cubic interpolation.
struct WolfeLineSearch {
    /// Sufficient decrease.
    var c1 = 1e-4
    /// Curvature; 0.9 suits quasi-Newton directions.
    var c2 = 0.9
    var maxEvaluations = 50

    /// A step length with the objective and its directional derivative there.
    struct Point {
        var step: Double
        var value: Double
        var slope: Double
    }

    /// Searches along `direction` from `x`. On success `trialX` and `trialGradient` hold
    /// the accepted point and its gradient; `nil` when no acceptable step was found.
    func search(x: [Double], value: Double, gradient: [Double], direction: [Double], initialStep: Double,
                objective: (_ x: [Double], _ gradient: inout [Double]) -> Double,
                trialX: inout [Double], trialGradient: inout [Double]) -> Point? {
        let slope0 = innerProduct(gradient, direction)
        guard slope0 < 0, slope0.isFinite else { return nil }
        var evaluations = 0

        func evaluate(_ step: Double) -> Point {
            for i in x.indices { trialX[i] = x[i] + step * direction[i] }
            let f = objective(trialX, &trialGradient)
            evaluations += 1
            return Point(step: step, value: f, slope: innerProduct(trialGradient, direction))
        }
        func decreasesEnough(_ point: Point) -> Bool {
            point.value.isFinite && point.value <= value + c1 * point.step * slope0
        }
        func curvatureHolds(_ point: Point) -> Bool { abs(point.slope) <= -c2 * slope0 }

        func zoom(_ low: Point, _ high: Point) -> Point? {
            var low = low, high = high
            while evaluations < maxEvaluations {
                let a = min(low.step, high.step), b = max(low.step, high.step)
                let width = b - a
                if width <= Double.ulpOfOne * b { break }
                var step = cubicMinimizer(low, high)
                if !(step > a + 0.1 * width && step < b - 0.1 * width) { step = a + width / 2 }
                let trial = evaluate(step)
                if !decreasesEnough(trial) || trial.value >= low.value {
                    high = trial
                } else {
                    if curvatureHolds(trial) { return trial }
                    if trial.slope * (high.step - low.step) >= 0 { high = low }
                    low = trial
                }
            }
            // Out of evaluations: settle for the best point with sufficient decrease.
            return low.step > 0 ? evaluate(low.step) : nil
        }

        var previous = Point(step: 0, value: value, slope: slope0)
        var step = initialStep
        while evaluations < maxEvaluations {
            let current = evaluate(step)
            if !decreasesEnough(current) || (previous.step > 0 && current.value >= previous.value) {
                return zoom(previous, current)
            }
            if curvatureHolds(current) { return current }
            if current.slope >= 0 { return zoom(current, previous) }
            previous = current
            step *= 2
        }
        return previous.step > 0 ? evaluate(previous.step) : nil
    }

    /// The minimiser of the cubic through two points with their slopes (N&W eq. 3.59);
    /// NaN when the cubic has none.
    private func cubicMinimizer(_ p: Point, _ q: Point) -> Double {
        let d1 = p.slope + q.slope - 3 * (p.value - q.value) / (p.step - q.step)
        let discriminant = d1 * d1 - p.slope * q.slope
        guard discriminant >= 0, discriminant.isFinite else { return .nan }
        let d2 = (q.step > p.step ? 1.0 : -1.0) * discriminant.squareRoot()
        return q.step - (q.step - p.step) * (q.slope + d2 - d1) / (q.slope - p.slope + 2 * d2)
    }
}

/// The dot product of two equally long vectors.
func innerProduct(_ a: [Double], _ b: [Double]) -> Double {
    var sum = 0.0
    for i in a.indices { sum += a[i] * b[i] }
    return sum
}
