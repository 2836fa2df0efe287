/// Dense symmetric solvers for the normal equations of least squares.
enum LinearSolver {
    /// The centred normal equations of `x` and `y`: the Gram matrix `XcᵀXc` (row-major,
    /// `p × p`, full), `Xcᵀyc`, and the column and target means.
    ///
    /// Rows are summed in fixed blocks spread over both cores and added in block order,
    /// so the result does not depend on scheduling.
    static func centredNormalEquations(_ x: DesignMatrix, _ y: [Double])
        -> (gram: [Double], rhs: [Double], xMean: [Double], yMean: Double) {
        let n = x.rowCount, p = x.columnCount
        var xMean = [Double](repeating: 0, count: p)
        x.values.withUnsafeBufferPointer { values in
            for row in 0..<n { for j in 0..<p { xMean[j] += values[row * p + j] } }
        }
        for j in 0..<p { xMean[j] /= Double(max(n, 1)) }
        let yMean = y.reduce(0, +) / Double(max(n, 1))
        let blockCount = min(8, max(1, n / 512))
        let blocks = Parallel.map(blockCount) { block in
            partialGram(x, y, xMean, yMean, rows: block * n / blockCount..<(block + 1) * n / blockCount)
        }
        var gram = [Double](repeating: 0, count: p * p)
        var rhs = [Double](repeating: 0, count: p)
        for block in blocks {
            for index in 0..<p * p { gram[index] += block.gram[index] }
            for index in 0..<p { rhs[index] += block.rhs[index] }
        }
        for a in 0..<p { for b in 0..<a { gram[a * p + b] = gram[b * p + a] } }
        return (gram, rhs, xMean, yMean)
    }

    /// The upper triangle of the centred Gram matrix over `rows`.
    private static func partialGram(_ x: DesignMatrix, _ y: [Double], _ xMean: [Double], _ yMean: Double,
                                    rows: Range<Int>) -> (gram: [Double], rhs: [Double]) {
        let p = x.columnCount
        var gram = [Double](repeating: 0, count: p * p)
        var rhs = [Double](repeating: 0, count: p)
        var centred = [Double](repeating: 0, count: p)
        x.values.withUnsafeBufferPointer { values in
            gram.withUnsafeMutableBufferPointer { g in
                for row in rows {
                    for j in 0..<p { centred[j] = values[row * p + j] - xMean[j] }
                    let r = y[row] - yMean
                    for a in 0..<p {
                        let da = centred[a]
                        if da == 0 { continue }
                        rhs[a] += da * r
                        for b in a..<p { g[a * p + b] += da * centred[b] }
                    }
                }
            }
        }
        return (gram, rhs)
    }

    /// The minimum-norm solution of `A w = b` for a symmetric positive semi-definite
    /// `p × p` matrix `a` (row-major): `A⁺b`, equal to `A⁻¹b` when `A` has full rank.
    ///
    /// Cholesky with diagonal pivoting; a column whose remaining diagonal falls below
    /// `relativeTolerance` of its own original diagonal (it is a linear combination of
    /// the columns already taken, or constant) ends the factorisation, as LAPACK's
    /// `dpstrf` does. Returns the solution and the numerical rank.
    static func minimumNormSolve(_ a: [Double], _ b: [Double], p: Int,
                                 relativeTolerance: Double = 1e-10) -> (solution: [Double], rank: Int) {
        var work = a
        var order = Array(0..<p)
        var original = (0..<p).map { a[$0 * p + $0] }
        var rank = 0
        while rank < p {
            var best = -1, bestRatio = relativeTolerance
            for j in rank..<p where original[j] > 0 {
                let ratio = work[j * p + j] / original[j]
                if ratio > bestRatio { best = j; bestRatio = ratio }
            }
            if best < 0 { break }
            swapSymmetric(&work, p, rank, best)
            order.swapAt(rank, best)
            original.swapAt(rank, best)
            let k = rank
            let pivot = work[k * p + k].squareRoot()
            work[k * p + k] = pivot
            for i in k + 1..<p { work[i * p + k] /= pivot }
            for i in k + 1..<p {
                let lik = work[i * p + k]
                if lik == 0 { continue }
                for j in k + 1...i {
                    let value = work[i * p + j] - lik * work[j * p + k]
                    work[i * p + j] = value
                    work[j * p + i] = value
                }
            }
            rank += 1
        }
        // L is p × rank, lower trapezoidal: L[i][k] = work[i * p + k] for i ≥ k.
        func l(_ i: Int, _ k: Int) -> Double { i >= k ? work[i * p + k] : 0 }
        let permuted = order.map { b[$0] }
        var w = [Double](repeating: 0, count: p)
        if rank == p {
            w = choleskySolve(lower: l, permuted, n: p)
        } else if rank > 0 {
            // A⁺b = L (LᵀL)⁻² Lᵀ b for A = L Lᵀ with L of full column rank.
            var u = [Double](repeating: 0, count: rank)
            for k in 0..<rank { for i in k..<p { u[k] += l(i, k) * permuted[i] } }
            var m = [Double](repeating: 0, count: rank * rank)
            for r in 0..<rank { for c in 0...r {
                var s = 0.0
                for i in r..<p { s += l(i, r) * l(i, c) }
                m[r * rank + c] = s
                m[c * rank + r] = s
            } }
            let inner = factorise(m, n: rank)
            let z = choleskySolve(lower: { inner[$0 * rank + $1] }, choleskySolve(lower: { inner[$0 * rank + $1] }, u, n: rank), n: rank)
            for i in 0..<p { for k in 0..<min(i + 1, rank) { w[i] += l(i, k) * z[k] } }
        }
        var solution = [Double](repeating: 0, count: p)
        for (position, column) in order.enumerated() { solution[column] = w[position] }
        return (solution, rank)
    }

    /// Swaps rows and columns `i` and `j`: the rows of the factor found so far, and the
    /// trailing matrix (kept symmetric in full).
    private static func swapSymmetric(_ m: inout [Double], _ p: Int, _ i: Int, _ j: Int) {
        guard i != j else { return }
        for c in 0..<p { m.swapAt(i * p + c, j * p + c) }
        for r in 0..<p { m.swapAt(r * p + i, r * p + j) }
    }

    /// The plain Cholesky factor (lower, row-major) of a positive definite `n × n` matrix.
    private static func factorise(_ m: [Double], n: Int) -> [Double] {
        var f = [Double](repeating: 0, count: n * n)
        for i in 0..<n {
            for j in 0...i {
                var s = m[i * n + j]
                for k in 0..<j { s -= f[i * n + k] * f[j * n + k] }
                f[i * n + j] = i == j ? max(s, .leastNormalMagnitude).squareRoot() : s / f[j * n + j]
            }
        }
        return f
    }

    /// Solves `L Lᵀ x = b` given the lower factor `L` by element.
    private static func choleskySolve(lower l: (Int, Int) -> Double, _ b: [Double], n: Int) -> [Double] {
        var y = b
        for i in 0..<n {
            for k in 0..<i { y[i] -= l(i, k) * y[k] }
            y[i] /= l(i, i)
        }
        for i in stride(from: n - 1, through: 0, by: -1) {
            for k in i + 1..<n { y[i] -= l(k, i) * y[k] }
            y[i] /= l(i, i)
        }
        return y
    }
}
