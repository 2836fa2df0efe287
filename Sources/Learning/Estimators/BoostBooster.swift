import CXGBoost
import Foundation

/// An owned XGBoost booster handle: every C call's return code is checked and
/// `XGBGetLastError()` becomes a `LearningError`; the handle is freed on `deinit`.
///
/// Not thread-safe by itself: `BoosterCache` serialises access.
final class Booster {
    private(set) var handle: BoosterHandle?

    /// A booster over `matrices` (the training matrix, or none to load a model into).
    init(matrices: [XGBMatrix] = []) throws(LearningError) {
        var out: BoosterHandle?
        var handles: [DMatrixHandle?] = matrices.map(\.handle)
        let code = handles.withUnsafeMutableBufferPointer { buffer in
            XGBoosterCreate(buffer.baseAddress, bst_ulong(buffer.count), &out)
        }
        try xgbCheck(code, "creating a booster")
        handle = out
    }

    private init(owning handle: BoosterHandle?) {
        self.handle = handle
    }

    /// A booster loaded from XGBoost's JSON model format.
    convenience init(json: String) throws(LearningError) {
        try self.init()
        var bytes = Array(json.utf8)
        let code = bytes.withUnsafeMutableBytes { buffer in
            XGBoosterLoadModelFromBuffer(handle, buffer.baseAddress, bst_ulong(buffer.count))
        }
        try xgbCheck(code, "loading the booster JSON")
    }

    deinit {
        if let handle { XGBoosterFree(handle) }
    }

    func set(_ name: String, _ value: String) throws(LearningError) {
        try xgbCheck(XGBoosterSetParam(handle, name, value), "setting `\(name)`")
    }

    /// Names the input columns, so the saved model lists them as `feature_names`.
    func setFeatureNames(_ names: [String]) throws(LearningError) {
        let copies = names.map { strdup($0) }
        defer { copies.forEach { free($0) } }
        var pointers: [UnsafePointer<CChar>?] = copies.map { UnsafePointer($0) }
        let code = pointers.withUnsafeMutableBufferPointer { buffer in
            XGBoosterSetStrFeatureInfo(handle, "feature_name", buffer.baseAddress, bst_ulong(buffer.count))
        }
        try xgbCheck(code, "naming the features")
    }

    /// One boosting round on `matrix` (which carries the labels).
    func updateOneIteration(_ iteration: Int, _ matrix: XGBMatrix) throws(LearningError) {
        try xgbCheck(XGBoosterUpdateOneIter(handle, Int32(iteration), matrix.handle), "boosting round \(iteration + 1)")
    }

    /// A new booster holding only the first `rounds` boosting rounds (all their trees, one
    /// per class for `multi:softprob`), as early stopping keeps them.
    func firstRounds(_ rounds: Int) throws(LearningError) -> Booster {
        var out: BoosterHandle?
        try xgbCheck(XGBoosterSlice(handle, 0, Int32(rounds), 1, &out), "keeping the first \(rounds) rounds")
        return Booster(owning: out)
    }

    /// The model in XGBoost's JSON format (what `xgboost.Booster().load_model` reads).
    func savedJSON() throws(LearningError) -> String {
        var length: bst_ulong = 0
        var pointer: UnsafePointer<CChar>?
        try xgbCheck(XGBoosterSaveModelToBuffer(handle, #"{"format": "json"}"#, &length, &pointer),
                     "saving the booster")
        guard let pointer else { throw LearningError("XGBoost saved an empty model") }
        let bytes = UnsafeRawBufferPointer(start: pointer, count: Int(length))
        return String(decoding: bytes, as: UTF8.self)
    }

    /// Normal (transformed) predictions for every row of `matrix`, row-major:
    /// one value per row, or one per row and class for `multi:softprob`.
    func predict(_ matrix: XGBMatrix) throws(LearningError) -> [Float] {
        var shape: UnsafePointer<bst_ulong>?
        var dimension: bst_ulong = 0
        var result: UnsafePointer<Float>?
        let config = #"{"type": 0, "training": false, "iteration_begin": 0, "iteration_end": 0, "strict_shape": false}"#
        try xgbCheck(XGBoosterPredictFromDMatrix(handle, matrix.handle, config, &shape, &dimension, &result),
                     "predicting")
        guard let shape else { return [] }
        var count = 1
        for axis in 0..<Int(dimension) { count *= Int(shape[axis]) }
        guard let result, count > 0 else { return [] }
        return Array(UnsafeBufferPointer(start: result, count: count))
    }
}

/// An owned XGBoost `DMatrix` built from a design matrix (float32, NaN = missing).
final class XGBMatrix {
    let handle: DMatrixHandle?

    /// Copies `x` into a dense float32 DMatrix using `threads` threads.
    init(_ x: DesignMatrix, threads: Int) throws(LearningError) {
        let floats = x.values.map { Float($0) }
        var out: DMatrixHandle?
        let code = floats.withUnsafeBufferPointer { buffer in
            XGDMatrixCreateFromMat_omp(buffer.baseAddress, bst_ulong(x.rowCount), bst_ulong(x.columnCount),
                                       Float.nan, &out, Int32(threads))
        }
        try xgbCheck(code, "building the data matrix")
        handle = out
    }

    deinit {
        if let handle { XGDMatrixFree(handle) }
    }

    /// Sets the training labels (class indexes or target values).
    func setLabels(_ labels: [Float]) throws(LearningError) {
        try setFloatInfo("label", labels)
    }

    /// Sets the margin every row starts from (row-major, one per class for `multi:softprob`),
    /// which XGBoost uses in place of `base_score` when it trains and predicts.
    func setBaseMargin(_ margins: [Float]) throws(LearningError) {
        try setFloatInfo("base_margin", margins)
    }

    private func setFloatInfo(_ field: String, _ values: [Float]) throws(LearningError) {
        let code = values.withUnsafeBufferPointer { buffer in
            XGDMatrixSetFloatInfo(handle, field, buffer.baseAddress, bst_ulong(buffer.count))
        }
        try xgbCheck(code, "setting the \(field == "label" ? "labels" : field)")
    }
}

/// Turns a failed XGBoost call into a `LearningError` carrying `XGBGetLastError()`.
func xgbCheck(_ code: Int32, _ action: String) throws(LearningError) {
    guard code != 0 else { return }
    let reason = XGBGetLastError().map { String(cString: $0) } ?? "unknown error"
    throw LearningError("XGBoost failed \(action): \(reason)")
}
