import Foundation
import Learning
import Testing

/// Each detector, with River's default parameters, flags drift at exactly the positions River
/// 0.26.1 does on shared/reference/drift_streams.csv (drift-reference.json, key `detectors`).
@Suite("ConceptDrift: River 0.26.1 reference")
struct ConceptDriftReferenceTests {
    @Test(arguments: ConceptDriftDetectorName.allCases)
    func positionsMatchRiver(name: ConceptDriftDetectorName) throws {
        let expected = try ConceptDriftFixtures.expectation(for: name)
        let streams = try ConceptDriftFixtures.streams()
        let stream = try #require(streams[expected.column], "drift_streams.csv has no column `\(expected.column)`")
        #expect(stream.count == 2000)
        #expect(expected.column == (name.readsErrors ? "error" : "value"))
        let positions = try conceptDriftPositions(in: stream, detector: name.makeDetector())
        #expect(positions == expected.positions, "\(name.displayName) on `\(expected.column)`")
    }

    @Test func referenceIsTheOneOfTheIssue() throws {
        // The positions the issue quotes, so a changed reference file cannot pass unnoticed.
        #expect(try ConceptDriftFixtures.expectation(for: .adwin).positions == [1023])
        #expect(try ConceptDriftFixtures.expectation(for: .pagehinkley).positions == [924, 1045])
        #expect(try ConceptDriftFixtures.expectation(for: .ddm).positions == [1035])
        #expect(try ConceptDriftFixtures.expectation(for: .eddm).positions.prefix(3) == [282, 652, 905])
    }

    @Test(arguments: ConceptDriftDetectorName.allCases)
    func defaultsAreRivers(name: ConceptDriftDetectorName) throws {
        let river = try ConceptDriftFixtures.defaults(for: name)
        let ours = Dictionary(uniqueKeysWithValues: name.defaults.components(separatedBy: ", ").map { pair in
            let parts = pair.split(separator: "=", maxSplits: 1).map(String.init)
            return (parts[0], parts[1])
        })
        #expect(ours == river, "\(name.displayName): \(name.defaults)")
    }

    @Test func typedDetectorsMatchTheirNames() throws {
        let streams = try ConceptDriftFixtures.streams()
        let values = try #require(streams["value"]), errors = try #require(streams["error"])
        #expect(try conceptDriftPositions(in: values, detector: ADWIN()) == [1023])
        #expect(try conceptDriftPositions(in: values, detector: PageHinkley()) == [924, 1045])
        #expect(try conceptDriftPositions(in: errors, detector: DDM()) == [1035])
        var eddm = EDDM(), byBool: [Int] = []
        for (index, error) in errors.enumerated() where eddm.update(error: error == 1) { byBool.append(index) }
        #expect(byBool == (try ConceptDriftFixtures.expectation(for: .eddm).positions))
    }

    /// River resets ADWIN after a drift; keeping the window would flag 1055 as well.
    @Test func adwinStartsAfreshAfterDrift() throws {
        let values = try #require(try ConceptDriftFixtures.streams()["value"])
        var adwin = ADWIN()
        for value in values.prefix(1024) { try adwin.update(value) }
        #expect(adwin.driftDetected)
        try adwin.update(values[1024])
        #expect(adwin.width == 1 && !adwin.driftDetected)
    }
}
