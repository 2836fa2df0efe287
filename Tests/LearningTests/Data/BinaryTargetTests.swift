import Testing
@testable import Learning

@Suite("A target of two whole numbers is a class label")
struct BinaryTargetTests {
    private func frame(_ text: String, target: String?) throws -> DataFrame {
        try TableReader.read(data: Array(text.utf8), name: "t.csv", target: target).frame
    }

    @Test func zeroAndOneAsTheTargetAreTwoClassesAndStayNumbersAsAFeature() throws {
        let text = "x,y\n0.5,1\n1.5,0\n2.5,\n3.5,1\n"
        let asTarget = try frame(text, target: "y")
        guard case .categorical(let codes, let levels)? = asTarget.targetColumn?.storage else {
            Issue.record("y should be categorical as the target")
            return
        }
        #expect(levels == ["0", "1"] && codes == [1, 0, -1, 1])
        #expect(try frame(text, target: nil).column(named: "y")?.kind == .numeric)
        #expect(try frame(text, target: "x").column(named: "y")?.kind == .numeric)
    }

    @Test(arguments: ["x,y\n0,1\n1,2\n2,3\n", "x,y\n0,0\n1,1.5\n", "x,y\n0,7\n1,7\n"])
    func otherNumbersStayATargetToRegressOn(_ text: String) throws {
        #expect(try frame(text, target: "y").targetColumn?.kind == .numeric)
    }

    @Test func aClassifierIsScoredOnNumbersReadWithoutTheTarget() throws {
        let training = try frame("x,y\n0,0\n1,0\n2,0\n3,1\n4,1\n5,1\n", target: "y")
        let model = try train(.logistic, on: training, parameters: [:], seed: 1)
        let unlabelled = try frame("x,y\n0,0\n5,1\n", target: nil)
        #expect(try evaluate(model, on: unlabelled).dictionary["accuracy"] == 1)
    }

    @Test func taskChoosesHowTheTargetIsReadWhateverItsValues() throws {
        let text = "x,y\n0.5,1\n1.5,0\n2.5,3\n"
        let classes = try TableReader.read(data: Array(text.utf8), name: "t.csv", target: "y", task: .classification).frame
        guard case .categorical(_, let levels)? = classes.targetColumn?.storage else {
            Issue.record("task=classification should read y as classes")
            return
        }
        #expect(levels == ["0", "1", "3"])
        let binary = "x,y\n0.5,1\n1.5,0\n"
        #expect(try TableReader.read(data: Array(binary.utf8), name: "t.csv", target: "y", task: .regression).frame
            .targetColumn?.kind == .numeric)
        #expect(throws: LearningError("task=regression needs a numeric target; `y` is categorical", file: "t.csv")) {
            try TableReader.read(data: Array("x,y\n1,a\n2,b\n".utf8), name: "t.csv", target: "y", task: .regression)
        }
    }
}

@Suite("A classifier's error stream from 0/1 truth")
struct BinaryTruthErrorStreamTests {
    @Test func numbersReadAsClassesGiveTheSameErrorsAsTheirLabels() {
        // Rows predicted 1, 0, 1 (probabilities of classes "0" and "1").
        let predictions = Predictions.classes(ClassPredictions(classes: ["0", "1"], probabilities: [0.2, 0.8, 0.9, 0.1, 0.4, 0.6]))
        let numbers = Column.numeric("y", [1, 1, .nan])
        #expect(BatchReport.errors(truth: numbers, predictions: predictions) == [0, 1])
        #expect(BatchReport.errors(truth: numbers.asClasses, predictions: predictions) == [0, 1])
    }
}
