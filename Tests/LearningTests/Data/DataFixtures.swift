import Foundation
@testable import Learning

/// Paths and small builders shared by the data-layer tests.
enum DataFixtures {
    /// `shared/datasets`, found beside the package root (three folders above this file's folder).
    static let datasets: URL = URL(fileURLWithPath: #filePath).resolvingSymlinksInPath()
        .deletingLastPathComponent()
        .deletingLastPathComponent()
        .deletingLastPathComponent()
        .deletingLastPathComponent()
        .deletingLastPathComponent()
        .appendingPathComponent("shared/datasets")

    static func path(_ file: String) -> String {
        datasets.appendingPathComponent(file).path
    }

    /// Reads CSV text given inline; errors name the file `t.csv`.
    static func read(_ text: String, separator: UInt8? = nil, target: String? = nil) throws(LearningError) -> DataFrame {
        try CSVReader.read(data: Array(text.utf8), name: "t.csv", separator: separator, target: target).frame
    }

    static func iris() throws -> DataFrame {
        try CSVReader.read(path: path("iris.csv"), target: "species").frame
    }

    /// The numbers of a numeric column (fails the test otherwise).
    static func numbers(_ column: Column?) -> [Double] {
        guard case .numeric(let values)? = column?.storage else { return [] }
        return values
    }

    /// The level of each row of a categorical column, `nil` when missing.
    static func labels(_ column: Column?) -> [String?] {
        guard case .categorical(let codes, let levels)? = column?.storage else { return [] }
        return codes.map { $0 < 0 ? nil : levels[Int($0)] }
    }

    static func levels(_ column: Column?) -> [String] {
        guard case .categorical(_, let levels)? = column?.storage else { return [] }
        return levels
    }

    /// A temporary file holding `bytes`, removed by the caller.
    static func temporaryFile(named name: String, _ bytes: [UInt8]) throws -> String {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("mlw-data-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let url = folder.appendingPathComponent(name)
        try Data(bytes).write(to: url)
        return url.path
    }
}
