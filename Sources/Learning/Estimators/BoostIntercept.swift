import Foundation

/// The starting margins of a `multi:softprob` booster: the log of each class's share of
/// the training rows, centred to sum to 0, so that boosting starts from the class shares.
///
/// This is the intercept XGBoost estimates by itself from version 3.1 on (and binary
/// `base_score` from 2.0, which `BoostModel` sets as the positive rate); XGBoost 1.7 starts
/// every class from the same margin. Training takes the margins as XGBoost's `base_margin`
/// (with `base_score` 0); the saved booster then carries them in its first round's leaves,
/// so it predicts the same without them, here and in Python's xgboost.
struct BoostIntercept {
    /// One margin per class, in class order.
    let margins: [Float]

    /// Least share a class absent from the training rows is given, so its margin stays finite.
    static let leastShare = 1e-6

    /// The margins for `codes`, class indexes below `classCount`.
    init(codes: [Int32], classCount: Int) {
        var counts = [Double](repeating: 0, count: classCount)
        for code in codes { counts[Int(code)] += 1 }
        let logShares = counts.map { log(max($0 / Double(max(codes.count, 1)), Self.leastShare)) }
        let mean = logShares.reduce(0, +) / Double(max(classCount, 1))
        margins = logShares.map { Float($0 - mean) }
    }

    /// XGBoost's `base_margin` for `rows` rows: the margins repeated row by row.
    func baseMargin(rows: Int) -> [Float] {
        Array([[Float]](repeating: margins, count: rows).joined())
    }

    /// `json`, a booster trained from these margins, with each margin added to the leaves of
    /// its class's tree in the first round (trees `0..<classCount`, as XGBoost saves them).
    ///
    /// Only the leaf values in those trees' `split_conditions` are rewritten; every other byte
    /// stays as XGBoost wrote it, since XGBoost reads a whole number where it expects a float
    /// as an error, and a JSON library would write `1.0` as `1`.
    func baked(into json: String) throws(LearningError) -> String {
        guard let document = try? JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any],
              let learner = document["learner"] as? [String: Any],
              let booster = learner["gradient_booster"] as? [String: Any],
              let model = booster["model"] as? [String: Any],
              let trees = model["trees"] as? [[String: Any]], trees.count >= margins.count
        else { throw LearningError("XGBoost saved a booster without the \(margins.count) first-round trees mlw expects") }
        var text = Substring(json)
        var baked = ""
        for (tree, margin) in zip(trees, margins) {
            guard let children = tree["left_children"] as? [NSNumber],
                  let start = text.range(of: #""split_conditions":["#),
                  let end = text[start.upperBound...].firstIndex(of: "]")
            else { throw LearningError("XGBoost saved a first-round tree without the leaves mlw expects") }
            var values = text[start.upperBound..<end].split(separator: ",", omittingEmptySubsequences: false).map(String.init)
            guard values.count == children.count else {
                throw LearningError("XGBoost saved a first-round tree whose leaves mlw cannot read")
            }
            for (node, child) in children.enumerated() where child.intValue == -1 {
                guard let leaf = Float(values[node]) else {
                    throw LearningError("XGBoost saved a leaf value mlw cannot read: \(values[node])")
                }
                values[node] = Self.jsonFloat(leaf + margin)
            }
            baked += text[..<start.upperBound] + values.joined(separator: ",")
            text = text[end...]
        }
        return baked + text
    }

    /// `value` as a JSON number XGBoost reads as a float: always with a `.` or an exponent.
    private static func jsonFloat(_ value: Float) -> String {
        let text = value.description
        return text.contains(where: { $0 == "." || $0 == "e" }) ? text : text + ".0"
    }
}
