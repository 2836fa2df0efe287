/// Limited-memory BFGS for smooth unconstrained minimisation, with a strong Wolfe line
/// search. Stops like scipy's L-BFGS-B as scikit-learn calls it: when the largest
/// gradient entry is at most `gradientTolerance`, when the relative decrease of the
/// objective falls to `relativeTolerance`, or after `maxIterations` iterations.
/// Deterministic: the same start and objective give the same result bit for bit.
struct LBFGS {
    var memory = 10
    var maxIterations: Int
    var gradientTolerance: Double
    var relativeTolerance = 64 * Double.ulpOfOne
    var lineSearch = WolfeLineSearch()

    struct Result {
        var x: [Double]
        var value: Double
        var iterations: Int
        var converged: Bool
    }

    /// Minimises `objective`, which returns f(x) and writes ∇f(x) into its second argument.
    func minimize(from start: [Double], _ objective: (_ x: [Double], _ gradient: inout [Double]) -> Double) -> Result {
        let n = start.count
        var x = start
        var gradient = [Double](repeating: 0, count: n)
        var value = objective(x, &gradient)
        var iterations = 0
        guard value.isFinite else { return Result(x: x, value: value, iterations: 0, converged: false) }
        if maxAbs(gradient) <= gradientTolerance {
            return Result(x: x, value: value, iterations: 0, converged: true)
        }
        var steps: [[Double]] = [], changes: [[Double]] = [], rho: [Double] = []
        var direction = [Double](repeating: 0, count: n)
        var trialX = x, trialGradient = gradient
        var converged = false

        while iterations < maxIterations {
            searchDirection(gradient, steps, changes, rho, into: &direction)
            let initialStep = steps.isEmpty ? min(1, 1 / max(innerProduct(direction, direction).squareRoot(), .leastNormalMagnitude)) : 1
            guard let point = lineSearch.search(
                x: x, value: value, gradient: gradient, direction: direction, initialStep: initialStep,
                objective: objective, trialX: &trialX, trialGradient: &trialGradient)
            else {
                if steps.isEmpty { break }
                // Restart from steepest descent once the curvature memory misleads.
                steps.removeAll(); changes.removeAll(); rho.removeAll()
                continue
            }
            iterations += 1
            var s = [Double](repeating: 0, count: n), y = s
            for i in 0..<n {
                s[i] = trialX[i] - x[i]
                y[i] = trialGradient[i] - gradient[i]
            }
            let sy = innerProduct(s, y)
            if sy > Double.ulpOfOne * innerProduct(y, y) {
                if steps.count == memory { steps.removeFirst(); changes.removeFirst(); rho.removeFirst() }
                steps.append(s); changes.append(y); rho.append(1 / sy)
            }
            let previous = value
            swap(&x, &trialX)
            swap(&gradient, &trialGradient)
            value = point.value
            if maxAbs(gradient) <= gradientTolerance
                || (previous - value) / max(abs(previous), abs(value), 1) <= relativeTolerance {
                converged = true
                break
            }
        }
        return Result(x: x, value: value, iterations: iterations, converged: converged)
    }

    /// The two-loop recursion: `direction = -H g` for the implicit inverse Hessian `H`.
    private func searchDirection(_ gradient: [Double], _ steps: [[Double]], _ changes: [[Double]],
                                 _ rho: [Double], into direction: inout [Double]) {
        var q = gradient
        var alpha = [Double](repeating: 0, count: steps.count)
        for k in steps.indices.reversed() {
            alpha[k] = rho[k] * innerProduct(steps[k], q)
            for i in q.indices { q[i] -= alpha[k] * changes[k][i] }
        }
        if let s = steps.last, let y = changes.last {
            let gamma = innerProduct(s, y) / innerProduct(y, y)
            for i in q.indices { q[i] *= gamma }
        }
        for k in steps.indices {
            let beta = rho[k] * innerProduct(changes[k], q)
            for i in q.indices { q[i] += steps[k][i] * (alpha[k] - beta) }
        }
        for i in q.indices { direction[i] = -q[i] }
    }

    private func maxAbs(_ v: [Double]) -> Double { v.reduce(0) { max($0, abs($1)) } }
}
