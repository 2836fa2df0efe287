import Foundation
import Learning

/// What the store keeps of one `observe` beside its figures: the report, the concept-drift detector's
/// verdict, and how to rebuild the batch's rows (so `retrain` can gate on it in a later session).
struct ObservedBatch: Codable {
    struct DetectorVerdict: Codable {
        var detector: ConceptDriftDetectorName
        /// 0-based positions in the model's whole error stream (every batch so far, in arrival order).
        var positions: [Int]
        /// Where this batch starts in that stream.
        var offset: Int
        var streamLength: Int

        /// Positions that fall in this batch.
        var inBatch: [Int] { positions.filter { $0 >= offset } }
    }

    var report: BatchReport
    var detector: DetectorVerdict?
    /// The detector asked for when it could not run: the model could not predict the batch, so it had no errors.
    var detectorNotRun: ConceptDriftDetectorName?
    var recipe: DataRecipe
    var target: String

    var json: String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        encoder.nonConformingFloatEncodingStrategy = .convertToString(positiveInfinity: "inf", negativeInfinity: "-inf", nan: "nan")
        return (try? encoder.encode(self)).map { String(decoding: $0, as: UTF8.self) } ?? "{}"
    }

    init(report: BatchReport, detector: DetectorVerdict?, detectorNotRun: ConceptDriftDetectorName? = nil,
         recipe: DataRecipe, target: String) {
        self.report = report
        self.detector = detector
        self.detectorNotRun = detectorNotRun
        self.recipe = recipe
        self.target = target
    }

    init(json: String) throws {
        let decoder = JSONDecoder()
        decoder.nonConformingFloatDecodingStrategy = .convertFromString(positiveInfinity: "inf", negativeInfinity: "-inf", nan: "nan")
        self = try decoder.decode(ObservedBatch.self, from: Data(json.utf8))
    }
}
