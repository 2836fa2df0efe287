import Engine
import Testing

@Suite("Formatting")
struct FormattingTests {
    @Test(arguments: [
        (0.04996, "0.04996"), (0.0010151, "0.001015"), (0.15999, "0.16"), (0.0008948, "0.0008948"),
        (3.5488, "3.5488"), (1.058, "1.058"), (2.0, "2"), (-0.012345, "-0.01235"),
    ])
    func aStatisticBelowOneKeepsFourSignificantDigits(_ value: Double, _ shown: String) {
        #expect(Formatting.statistic(value) == shown)
    }
}
