import Foundation

/// The booster of a `boost` model in XGBoost's JSON model format, ready to write to a
/// `.json` file that Python's xgboost loads:
///
/// ```python
/// booster = xgboost.Booster()
/// booster.load_model("model.json")
/// booster.predict(xgboost.DMatrix(x, feature_names=booster.feature_names))
/// ```
///
/// The booster's inputs are the design-matrix columns, `model.preprocessor.outputNames`
/// in that order: numeric columns with missing values replaced by the training median,
/// categorical columns one-hot encoded (`colour=red`, ...), unseen levels all zeros. The
/// booster records these names as its `feature_names` unless one contains `[`, `]` or `<`
/// or two collide. It predicts the probability of `model.task.classes[1]`
/// (`binary:logistic`), one probability per class in `model.task.classes` order
/// (`multi:softprob`), or the value (`reg:squarederror`).
///
/// - Throws: `LearningError` when `model` is not a `boost` model.
public func exportXGBoostJSON(_ model: TrainedModel) throws(LearningError) -> Data {
    guard case .boost(let boost) = model.state else {
        throw LearningError("only boost models export as XGBoost JSON; this model is \(model.algorithm.rawValue)")
    }
    return Data(boost.booster.utf8)
}
