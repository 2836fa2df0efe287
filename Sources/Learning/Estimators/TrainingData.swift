/// The target and features of a training frame, with rows whose target is missing dropped
/// and class labels recoded to indexes into the sorted class list.
struct TrainingData {
    let target: String
    let task: LearningTask
    /// Every non-target column, restricted to rows with a target value.
    let features: [Column]
    /// Classification: the class index of each row (into `task.classes`).
    let classCodes: [Int32]
    /// Regression: the target value of each row.
    let values: [Double]

    var rowCount: Int { task.isClassification ? classCodes.count : values.count }

    init(_ frame: DataFrame) throws(LearningError) {
        guard let target = frame.target else { throw .noTarget }
        guard let column = frame.column(named: target) else { throw .targetNotFound(target) }
        self.target = target
        let features = frame.featureColumns
        switch column.storage {
        case .numeric(let values):
            let kept = values.indices.filter { !values[$0].isNaN }
            if kept.isEmpty { throw .noTargetValues(target) }
            let all = kept.count == values.count
            self.task = .regression
            self.values = all ? values : kept.map { values[$0] }
            self.classCodes = []
            self.features = all ? features : features.map { $0.selecting(kept) }
        case .categorical(let codes, let levels):
            let kept = codes.indices.filter { codes[$0] >= 0 }
            if kept.isEmpty { throw .noTargetValues(target) }
            var present = [Bool](repeating: false, count: levels.count)
            for index in kept { present[Int(codes[index])] = true }
            let classes = Set(levels.indices.filter { present[$0] }.map { levels[$0] }).sorted()
            var classIndex: [String: Int32] = [:]
            for (index, label) in classes.enumerated() { classIndex[label] = Int32(index) }
            let recode = levels.map { classIndex[$0] ?? -1 }
            self.task = .classification(classes: classes)
            self.classCodes = kept.map { recode[Int(codes[$0])] }
            self.values = []
            self.features = kept.count == codes.count ? features : features.map { $0.selecting(kept) }
        }
    }

    /// The number of training rows of each class.
    var classCounts: [Int] {
        var counts = [Int](repeating: 0, count: task.classes.count)
        for code in classCodes { counts[Int(code)] += 1 }
        return counts
    }
}
