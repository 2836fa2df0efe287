import Foundation
import Learning

/// The reference of issue 5 (shared/reference/drift-reference.json and drift_streams.csv):
/// where River 0.26.1's detectors, with default parameters, flag drift on the two streams.
enum ConceptDriftFixtures {
    /// shared/reference, found from this file: package root, then ../shared/reference.
    static let reference: URL = URL(fileURLWithPath: #filePath).resolvingSymlinksInPath()
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("shared/reference")

    struct ReferenceError: Error, CustomStringConvertible {
        let description: String
    }

    /// The columns of drift_streams.csv, by header name.
    static func streams() throws -> [String: [Double]] {
        let url = reference.appendingPathComponent("drift_streams.csv")
        let text = try String(contentsOf: url, encoding: .utf8)
        var lines = text.split(whereSeparator: \.isNewline).map(String.init)
        guard !lines.isEmpty else { throw ReferenceError(description: "\(url.path) is empty") }
        let header = lines.removeFirst().split(separator: ",").map(String.init)
        var columns = [String: [Double]](uniqueKeysWithValues: header.map { ($0, []) })
        for (number, line) in lines.enumerated() {
            let fields = line.split(separator: ",", omittingEmptySubsequences: false)
            guard fields.count == header.count else {
                throw ReferenceError(description: "drift_streams.csv line \(number + 2): \(fields.count) fields")
            }
            for (name, field) in zip(header, fields) {
                guard let value = Double(field) else {
                    throw ReferenceError(description: "drift_streams.csv line \(number + 2): `\(field)` is not a number")
                }
                columns[name]!.append(value)
            }
        }
        return columns
    }

    /// drift-reference.json, parsed.
    static func json() throws -> [String: Any] {
        let data = try Data(contentsOf: reference.appendingPathComponent("drift-reference.json"))
        guard let object = try JSONSerialization.jsonObject(with: data) as? [String: Any] else {
            throw ReferenceError(description: "drift-reference.json is not an object")
        }
        return object
    }

    /// One entry of `detectors`: which column River's detector read and where it flagged drift.
    struct Expectation {
        let column: String
        let positions: [Int]
    }

    /// The `detectors` entry for `name` (matched by River's class name).
    static func expectation(for name: ConceptDriftDetectorName) throws -> Expectation {
        let entries = (try json()["detectors"] as? [[String: Any]]) ?? []
        guard let entry = entries.first(where: { $0["detector"] as? String == name.displayName }),
              let column = entry["column"] as? String,
              let positions = entry["drift_indexes"] as? [Int] else {
            throw ReferenceError(description: "drift-reference.json has no `detectors` entry for \(name.displayName)")
        }
        return Expectation(column: column, positions: positions)
    }

    /// The `detector_defaults` entry for `name`, each value as River prints it (`0.002`, `50.0`, `both`).
    static func defaults(for name: ConceptDriftDetectorName) throws -> [String: String] {
        guard let all = try json()["detector_defaults"] as? [String: Any],
              let entry = all[name.displayName] as? [String: Any] else {
            throw ReferenceError(description: "drift-reference.json has no `detector_defaults` for \(name.displayName)")
        }
        return entry.mapValues { value in
            if let text = value as? String { return text }
            if let number = value as? NSNumber { return formatNumber(number.doubleValue) }
            return "\(value)"
        }
    }
}
