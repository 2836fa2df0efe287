import Dispatch
import Foundation

/// scikit-learn's objective for L2-penalised logistic regression, divided by the row count:
/// `f(θ) = (1/n) Σ logloss_i + ‖W‖² / (2·C·n)`, intercepts unpenalised.
///
/// Two classes use the binomial form (one coefficient row, the log-odds of the second
/// class), more classes the multinomial (softmax) form with one row per class, as
/// scikit-learn ≥ 1.5 does. `θ` holds one row per output: `[intercept, w_1 … w_p]`.
///
/// Rows are processed in fixed chunks on all cores; partial sums are added in chunk
/// order, so the result does not depend on scheduling.
struct LogisticObjective {
    let x: DesignMatrix
    let labels: [Int32]
    let classCount: Int
    let inverseC: Double

    static let chunkSize = 4096

    /// The number of coefficient rows: 1 for two classes, else one per class.
    var outputs: Int { classCount == 2 ? 1 : classCount }
    var stride: Int { x.columnCount + 1 }
    var parameterCount: Int { outputs * stride }

    /// f(θ), writing ∇f(θ) into `gradient`.
    func value(_ theta: [Double], gradient: inout [Double]) -> Double {
        let n = x.rowCount, p = x.columnCount, count = parameterCount, outputs = outputs
        let chunks = (n + Self.chunkSize - 1) / Self.chunkSize
        let slotSize = count + 1   // gradient, then loss
        var partial = [Double](repeating: 0, count: max(chunks, 1) * slotSize)
        partial.withUnsafeMutableBufferPointer { out in
            x.values.withUnsafeBufferPointer { matrix in
                labels.withUnsafeBufferPointer { classes in
                    theta.withUnsafeBufferPointer { coefficients in
                        let kernel = Kernel(x: matrix.baseAddress, p: p, n: n, labels: classes.baseAddress!,
                                            theta: coefficients.baseAddress!, outputs: outputs,
                                            out: out.baseAddress!, slotSize: slotSize)
                        if chunks <= 1 {
                            kernel.run(chunk: 0)
                        } else {
                            DispatchQueue.concurrentPerform(iterations: chunks) { kernel.run(chunk: $0) }
                        }
                    }
                }
            }
        }
        for j in 0..<count { gradient[j] = 0 }
        var loss = 0.0
        for chunk in 0..<chunks {
            let base = chunk * slotSize
            for j in 0..<count { gradient[j] += partial[base + j] }
            loss += partial[base + count]
        }
        let inverseN = 1 / Double(n)
        for j in 0..<count { gradient[j] *= inverseN }
        loss *= inverseN
        let penalty = inverseC * inverseN
        for output in 0..<outputs {
            for j in 0..<p {
                let index = output * stride + 1 + j
                loss += 0.5 * penalty * theta[index] * theta[index]
                gradient[index] += penalty * theta[index]
            }
        }
        return loss
    }
}

/// The per-chunk loop over raw pointers. Chunk `c` adds the loss gradient of its rows to
/// `out[c·slotSize ..< c·slotSize + slotSize - 1]` and the loss to the slot's last entry;
/// chunks write disjoint slots, so running them concurrently is safe.
private struct Kernel: @unchecked Sendable {
    let x: UnsafePointer<Double>?
    let p: Int
    let n: Int
    let labels: UnsafePointer<Int32>
    let theta: UnsafePointer<Double>
    let outputs: Int
    let out: UnsafeMutablePointer<Double>
    let slotSize: Int

    func run(chunk: Int) {
        let size = LogisticObjective.chunkSize
        let rows = chunk * size ..< min(n, (chunk + 1) * size)
        let slot = out + chunk * slotSize
        if outputs == 1 { binary(rows, slot, slotSize - 1) } else { multinomial(rows, slot, slotSize - 1) }
    }

    private func binary(_ rows: Range<Int>, _ out: UnsafeMutablePointer<Double>, _ lossIndex: Int) {
        let p = p
        let intercept = theta[0], w = theta + 1, gw = out + 1
        var gb = 0.0, loss = 0.0
        for i in rows {
            var z = intercept
            if let x { let row = x + i * p; for j in 0..<p { z += w[j] * row[j] } }
            let positive = labels[i] == 1
            let e = exp(-abs(z))
            let softplus = max(z, 0) + log1p(e)
            loss += positive ? softplus - z : softplus
            let sigmoid = z >= 0 ? 1 / (1 + e) : e / (1 + e)
            let r = positive ? sigmoid - 1 : sigmoid
            gb += r
            if let x { let row = x + i * p; for j in 0..<p { gw[j] += r * row[j] } }
        }
        out[0] += gb
        out[lossIndex] += loss
    }

    private func multinomial(_ rows: Range<Int>, _ out: UnsafeMutablePointer<Double>, _ lossIndex: Int) {
        let p = p, k = outputs, stride = p + 1
        let z = UnsafeMutablePointer<Double>.allocate(capacity: k)
        defer { z.deallocate() }
        var loss = 0.0
        for i in rows {
            var largest = -Double.infinity
            for c in 0..<k {
                let w = theta + c * stride
                var s = w[0]
                if let x { let row = x + i * p; for j in 0..<p { s += w[1 + j] * row[j] } }
                z[c] = s
                largest = max(largest, s)
            }
            let y = Int(labels[i])
            let zy = z[y]
            var sum = 0.0
            for c in 0..<k {
                z[c] = exp(z[c] - largest)
                sum += z[c]
            }
            loss += largest + log(sum) - zy
            let inverse = 1 / sum
            for c in 0..<k {
                let r = z[c] * inverse - (c == y ? 1 : 0)
                let g = out + c * stride
                g[0] += r
                if let x { let row = x + i * p; for j in 0..<p { g[1 + j] += r * row[j] } }
            }
        }
        out[lossIndex] += loss
    }
}
