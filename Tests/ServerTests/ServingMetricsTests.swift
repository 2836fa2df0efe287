import Foundation
import Testing
@testable import Server

@Suite("Serving metrics")
struct ServingMetricsTests {
    @Test func aRefusedRequestCountsUnderTheRoleItWasRoutedTo() throws {
        let metrics = ServingMetrics()
        metrics.refused(model: "price", version: 3, role: "candidate", status: 400)
        metrics.refused(model: "price", version: 1, role: "production", status: 400)
        let versions = try #require(metrics.traffic("price")).versions
        #expect(versions.map { "\($0.version) \($0.role) \($0.errors)" } == ["1 production 1", "3 candidate 1"])
    }

    @Test func theDroppedCaptureCounterIsExportedAtZeroFromTheStart() {
        #expect(ServingMetrics().exposition().contains("mlw_captures_dropped_total 0\n"))
    }
}
