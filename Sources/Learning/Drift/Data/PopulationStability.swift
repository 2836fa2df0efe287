import Foundation

/// The population stability index (PSI) of a numeric column against bins fixed on its
/// reference values, kept as a baseline so PSI can later be computed without the
/// reference rows.
///
/// The bins are the reference's deciles: the 11 quantiles at 0 %, 10 %, …, 100 %
/// (`numpy.quantile`, linear interpolation), duplicates dropped; the lowest and highest
/// are then dropped too, so the outer bins are open and a current value beyond the
/// reference's range still lands in the first or last bin. A value equal to an edge
/// belongs to the bin **above** it (bins are [eᵢ, eᵢ₊₁)), as `numpy.searchsorted(edges,
/// x, side='right')` — the side that reproduces every reference figure; with a column of
/// few distinct values this matters a lot. With proportions rᵢ (reference) and cᵢ
/// (current), a proportion of 0 replaced by 1e-4:
/// PSI = Σ (cᵢ − rᵢ) · ln(cᵢ / rᵢ). Missing values (NaN) are left out of both.
///
/// Rule of thumb: below 0.1 stable, from 0.1 a drift, from 0.2 a major one.
///
/// ```swift
/// let baseline = PopulationStabilityBaseline(reference: referencePrices)!
/// baseline.innerEdges                     // [1544, 1744, …, 3019]: store with the model
/// baseline.index(current: todaysPrices)   // 0.256
/// ```
public struct PopulationStabilityBaseline: Sendable, Equatable, Codable {
    /// The distinct reference deciles strictly inside its range, ascending: bin i holds
    /// values in [innerEdges[i − 1], innerEdges[i]), the first and last bins being open.
    public let innerEdges: [Double]
    /// Reference values per bin (`innerEdges.count + 1` bins).
    public let referenceCounts: [Int]

    /// A name for each bin: `< 1544`, `1544 to 1744`, …, `≥ 3019`.
    public var binNames: [String] {
        guard !innerEdges.isEmpty else { return ["all"] }
        let edges = innerEdges.map { "\($0)" }
        return ["< \(edges[0])"] + zip(edges, edges.dropFirst()).map { "\($0) to \($1)" } + ["≥ \(edges.last!)"]
    }

    /// What an empty bin's proportion is replaced by.
    public static let emptyProportion = 1e-4

    /// Bins the reference values; `nil` when none is present.
    public init?(reference: [Double]) {
        self.init(sortedReference: DriftNumerics.sorted(reference.filter { !$0.isNaN }))
    }

    /// Bins reference values without NaN, sorted ascending; `nil` when there are none.
    init?(sortedReference sorted: [Double]) {
        guard !sorted.isEmpty else { return nil }
        var edges: [Double] = []
        for edge in DriftNumerics.decileEdges(sorted: sorted).sorted() where edges.last != edge {
            edges.append(edge)
        }
        innerEdges = edges.count > 2 ? Array(edges[1..<(edges.count - 1)]) : []
        referenceCounts = Self.counts(sorted, edges: innerEdges)
    }

    /// Restores a stored baseline; `nil` unless the edges strictly increase and there is one
    /// more non-negative count than edges, with at least one reference value.
    public init?(innerEdges: [Double], referenceCounts: [Int]) {
        guard referenceCounts.count == innerEdges.count + 1,
              !referenceCounts.contains(where: { $0 < 0 }), referenceCounts.reduce(0, +) > 0,
              !innerEdges.contains(where: { !$0.isFinite }),
              zip(innerEdges, innerEdges.dropFirst()).allSatisfy({ $0 < $1 }) else { return nil }
        self.innerEdges = innerEdges
        self.referenceCounts = referenceCounts
    }

    /// The bin of a value: how many inner edges are ≤ it.
    public func bin(of value: Double) -> Int {
        Self.bin(of: value, edges: innerEdges)
    }

    /// Current values per bin, missing values left out.
    public func counts(of values: [Double]) -> [Int] {
        Self.counts(values, edges: innerEdges)
    }

    /// The PSI of current values against this baseline; `nil` when none is present.
    public func index(current: [Double]) -> Double? {
        let currentCounts = counts(of: current)
        let currentTotal = currentCounts.reduce(0, +)
        guard currentTotal > 0 else { return nil }
        let referenceTotal = referenceCounts.reduce(0, +)
        let terms = zip(referenceCounts, currentCounts).map { reference, current -> Double in
            let r = Self.proportion(reference, of: referenceTotal)
            let c = Self.proportion(current, of: currentTotal)
            return (c - r) * log(c / r)
        }
        return DriftNumerics.sum(terms)
    }

    /// The PSI of current values against reference values; `nil` when either has none.
    public static func index(reference: [Double], current: [Double]) -> Double? {
        PopulationStabilityBaseline(reference: reference)?.index(current: current)
    }

    private static func proportion(_ count: Int, of total: Int) -> Double {
        let share = Double(count) / Double(total)
        return share == 0 ? emptyProportion : share
    }

    private static func bin(of value: Double, edges: [Double]) -> Int {
        var low = 0, high = edges.count
        while low < high {
            let middle = (low + high) / 2
            if edges[middle] <= value { low = middle + 1 } else { high = middle }
        }
        return low
    }

    private static func counts(_ values: [Double], edges: [Double]) -> [Int] {
        var counts = [Int](repeating: 0, count: edges.count + 1)
        for value in values where !value.isNaN { counts[bin(of: value, edges: edges)] += 1 }
        return counts
    }
}
