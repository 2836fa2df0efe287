import Foundation
import Learning
import Testing

/// What every concept-drift detector promises besides River's positions: no drift on a
/// constant stream, `reset()` back to a new detector, and the values each one accepts.
@Suite("ConceptDrift: detector contracts")
struct ConceptDriftContractTests {
    @Test(arguments: ConceptDriftDetectorName.allCases)
    func constantStreamNeverDrifts(name: ConceptDriftDetectorName) throws {
        let constants: [Double] = name.readsErrors ? [0, 1] : [0, 1, 0.1, -3.7, 1e6]
        for constant in constants {
            let positions = try conceptDriftPositions(in: repeatElement(constant, count: 5000),
                                                      detector: name.makeDetector())
            #expect(positions.isEmpty, "\(name.displayName) on a constant \(constant)")
        }
    }

    @Test func resetReturnsToANewDetector() throws {
        let streams = try ConceptDriftFixtures.streams()
        let values = try #require(streams["value"]), errors = try #require(streams["error"])
        try checkReset(ADWIN(), values)
        try checkReset(PageHinkley(), values)
        try checkReset(DDM(), errors)
        try checkReset(EDDM(), errors)
        try checkReset(ADWIN(delta: 0.1, clock: 4, maxBuckets: 3, minWindowLength: 2, gracePeriod: 3), values)
        try checkReset(PageHinkley(minInstances: 10, delta: 0.1, threshold: 5, alpha: 0.99, mode: .down), values)
        try checkReset(DDM(warmStart: 10, warningThreshold: 1.5, driftThreshold: 2.5), errors)
        try checkReset(EDDM(warmStart: 10, alpha: 0.8, beta: 0.75), errors)
    }

    /// Fed part of the stream (through drift and warnings), then reset: equal to a new detector
    /// with the same parameters, flagging the same positions afterwards.
    private func checkReset<D: ConceptDriftDetector & Equatable>(_ new: D, _ stream: [Double]) throws {
        var detector = new
        for value in stream.prefix(1500) { try detector.update(value) }
        #expect(detector != new, "\(D.self) did not move")
        detector.reset()
        #expect(detector == new, "\(D.self)")
        #expect(!detector.driftDetected)
        #expect(try conceptDriftPositions(in: stream, detector: detector)
            == conceptDriftPositions(in: stream, detector: new))
    }

    @Test func errorDetectorsReadOnlyZeroAndOne() throws {
        try checkRejects(DDM())
        try checkRejects(EDDM())
    }

    /// Anything but 0 and 1 (or `true`/`false`) is refused with a `LearningError`, and the
    /// detector is left as it was, mid-stream and right after a drift.
    private func checkRejects<D: ConceptDriftDetector & Equatable>(_ new: D) throws {
        let errors = try #require(try ConceptDriftFixtures.streams()["error"])
        var detector = new
        for error in errors.prefix(1036) { try detector.update(error) }
        for bad in [0.5, 2, -1, 0.999, .nan, .infinity, -.infinity] {
            let before = detector
            let error = #expect(throws: LearningError.self) { try detector.update(bad) }
            #expect(error?.message.contains("0 for a right prediction, 1 for a wrong one") == true)
            #expect(detector == before, "\(D.self) changed by \(bad)")
        }
        let thrown = #expect(throws: LearningError.self) {
            try conceptDriftPositions(in: [0, 1, 0, 2], detector: new)
        }
        #expect(thrown?.message.hasPrefix("stream value 3 (0-based): ") == true)
    }

    @Test func booleanAndNumericErrorsAgree() throws {
        let errors = try #require(try ConceptDriftFixtures.streams()["error"])
        var (ddmA, ddmB, eddmA, eddmB) = (DDM(), DDM(), EDDM(), EDDM())
        for error in errors {
            #expect(try ddmA.update(error) == ddmB.update(error: error == 1))
            #expect(try eddmA.update(error) == eddmB.update(error: error == 1))
            #expect(ddmA.warningDetected == ddmB.warningDetected && eddmA.warningDetected == eddmB.warningDetected)
        }
        #expect(ddmA == ddmB && eddmA == eddmB)
    }

    @Test func numericDetectorsRefuseNonFiniteValues() throws {
        var adwin = ADWIN(), ph = PageHinkley()
        for value in [1.0, 2, 3] { try adwin.update(value); try ph.update(value) }
        let (adwinBefore, phBefore) = (adwin, ph)
        for bad in [Double.nan, .infinity, -.infinity] {
            #expect(throws: LearningError.self) { try adwin.update(bad) }
            #expect(throws: LearningError.self) { try ph.update(bad) }
        }
        #expect(adwin == adwinBefore && ph == phBefore)
    }

    @Test func adwinKeepsRiversWindowStatistics() throws {
        // River's test_total_and_estimation and the Welford sum of squares.
        var adwin = ADWIN()
        for value in [1.0, 2, 3, 4, 5] { try adwin.update(value) }
        #expect(adwin.width == 5 && adwin.total == 15 && adwin.estimation == 3)
        #expect(abs(adwin.variance - 10) < 1e-12)
        // River's test_sequence_exact_statistics: never tested (clock 10⁶), merged into buckets of
        // 2, 4, ... 32, the window keeps width, total and the sum of squares of all 200 values.
        var untested = ADWIN(clock: 1_000_000)
        let sequence = (0..<200).map { Double($0 % 7) }
        for value in sequence { try untested.update(value) }
        let mean = sequence.reduce(0, +) / 200
        #expect(untested.width == 200 && untested.total == sequence.reduce(0, +))
        #expect(abs(untested.variance - sequence.map { ($0 - mean) * ($0 - mean) }.reduce(0, +)) < 1e-9)
    }

    @Test func adwinChecksOnlyEveryClockValues() throws {
        // A jump from 0 to 100: checked at the 32nd, 64th, ... value only.
        var adwin = ADWIN()
        var positions: [Int] = []
        for index in 0..<400 where try adwin.update(index < 200 ? 0 : 100) { positions.append(index) }
        #expect(positions.first.map { ($0 + 1) % 32 == 0 } == true)
        #expect(positions.first! >= 200)
    }

    @Test func pageHinkleyModes() throws {
        let up = (0..<200).map { $0 < 100 ? 0.0 : 5.0 }
        let down = up.map { -$0 }
        #expect(try !conceptDriftPositions(in: up, detector: PageHinkley(mode: .up)).isEmpty)
        #expect(try conceptDriftPositions(in: up, detector: PageHinkley(mode: .down)).isEmpty)
        #expect(try conceptDriftPositions(in: down, detector: PageHinkley(mode: .up)).isEmpty)
        #expect(try !conceptDriftPositions(in: down, detector: PageHinkley(mode: .down)).isEmpty)
        #expect(try conceptDriftPositions(in: up, detector: PageHinkley())
            == conceptDriftPositions(in: up, detector: PageHinkley(mode: .up)))
    }

    @Test func namesDescribeTheirDetectors() {
        #expect(ConceptDriftDetectorName.allCases.map(\.rawValue) == ["ddm", "eddm", "adwin", "pagehinkley"])
        #expect(ConceptDriftDetectorName.ddm.makeDetector() is DDM)
        #expect(ConceptDriftDetectorName.eddm.makeDetector() is EDDM)
        #expect(ConceptDriftDetectorName.adwin.makeDetector() is ADWIN)
        #expect(ConceptDriftDetectorName.pagehinkley.makeDetector() is PageHinkley)
        for name in ConceptDriftDetectorName.allCases {
            #expect(!name.summary.isEmpty && !name.summary.contains("\n"))
            #expect(!name.makeDetector().driftDetected)
        }
        #expect(ConceptDriftDetectorName.adwin.defaults
            == "delta=0.002, clock=32, max_buckets=5, min_window_length=5, grace_period=10")
        #expect(ConceptDriftDetectorName.pagehinkley.defaults
            == "min_instances=30, delta=0.005, threshold=50, alpha=0.9999, mode=both")
    }
}
