import Foundation
import Hummingbird
import HummingbirdTesting
import Learning
import Server
import Testing

/// Rows given as JSON literals: numbers stay numbers, text is quoted.
private func jsonRow(_ values: [String]) -> String {
    "[" + values.map { Double($0) != nil ? $0 : "\"\($0)\"" }.joined(separator: ",") + "]"
}

private func jsonRecord(_ header: [String], _ values: [String]) -> String {
    "{" + zip(header, values).map { "\"\($0)\":\(Double($1) != nil ? $1 : "\"\($1)\"")" }.joined(separator: ",") + "}"
}

@Suite("Scoring formats")
struct ScoringFormatTests {
    @Test func everyFormatGivesLearningsPredictionsForTheSameRows() async throws {
        let models = try productionModels()
        let species = try #require(models.first { $0.name == "species" })
        let expected = try learningPredictions(species).labels
        let lines = try irisLines()
        let header = lines[0], rows = Array(lines.dropFirst())
        let quotedHeader = header.map { "\"\($0)\"" }.joined(separator: ",")
        let featureRows = rows.map { Array($0.prefix(irisFeatures.count)) }
        let bodies: [(String, String, String)] = [
            ("dataframe_split", "application/json",
             "{\"dataframe_split\": {\"columns\": [\(quotedHeader)], \"data\": [\(rows.map(jsonRow).joined(separator: ","))]}}"),
            ("dataframe_records", "application/json",
             "{\"dataframe_records\": [\(rows.map { jsonRecord(header, $0) }.joined(separator: ","))]}"),
            ("instances as objects", "application/json; charset=utf-8",
             "{\"instances\": [\(rows.map { jsonRecord(header, $0) }.joined(separator: ","))]}"),
            ("instances as lists", "application/json", "{\"instances\": [\(featureRows.map(jsonRow).joined(separator: ","))]}"),
            ("csv", "text/csv", try String(contentsOfFile: irisPath, encoding: .utf8)),
        ]
        try await server(models).test(.router) { client in
            for (format, contentType, body) in bodies {
                let reply = try await client.send(.post, "/models/species/invocations", body, contentType: contentType)
                #expect(reply.status == .ok, "\(format): \(reply.text.prefix(300))")
                #expect(reply.object["predictions"] as? [String] == expected, "\(format)")
                #expect(reply.object["model"] as? String == "species" && reply.object["version"] as? Int == 1, "\(format)")
            }
        }
    }

    @Test func aRegressorAnswersNumbersEqualToLearnings() async throws {
        let models = try productionModels()
        let petals = try #require(models.first { $0.name == "petals" })
        guard case .values(let expected) = try learningPredictions(petals) else {
            Issue.record("petals is not a regressor")
            return
        }
        let lines = try irisLines()
        let quotedHeader = lines[0].map { "\"\($0)\"" }.joined(separator: ",")
        let bodies = [
            ("text/csv", try String(contentsOfFile: irisPath, encoding: .utf8)),
            ("application/json", "{\"dataframe_split\": {\"columns\": [\(quotedHeader)], "
                + "\"data\": [\(lines.dropFirst().map(jsonRow).joined(separator: ","))]}}"),
        ]
        struct Numbers: Decodable { var predictions: [Double] }
        try await server(models).test(.router) { client in
            for (contentType, body) in bodies {
                let reply = try await client.send(.post, "/models/petals/invocations", body, contentType: contentType)
                #expect(reply.status == .ok, "\(contentType): \(reply.text.prefix(300))")
                // JSONDecoder reads numbers back exactly; JSONSerialization may be off in the last digit.
                let numbers = try JSONDecoder().decode(Numbers.self, from: Data(reply.text.utf8)).predictions
                #expect(numbers == expected, "\(contentType)")
            }
        }
    }

    @Test func missingValuesAreImputedAndExtraColumnsIgnored() async throws {
        let models = try productionModels()
        let species = try #require(models.first { $0.name == "species" })
        let frame = DataFrame(columns: [
            .numeric("sepal_length_cm", [.nan, 6.7]), .numeric("sepal_width_cm", [3.1, 3.0]),
            .numeric("petal_length_cm", [1.5, 5.2]), .numeric("petal_width_cm", [0.2, .nan]),
        ])
        let expected = try species.model.predict(frame).labels
        let body = """
        {"dataframe_records": [
          {"sepal_length_cm": null, "sepal_width_cm": 3.1, "petal_length_cm": "1.5", "petal_width_cm": 0.2, "colour": "red"},
          {"sepal_length_cm": 6.7, "sepal_width_cm": 3.0, "petal_length_cm": 5.2, "petal_width_cm": ""}
        ]}
        """
        try await server(models).test(.router) { client in
            let reply = try await client.send(.post, "/models/species/invocations", body)
            #expect(reply.status == .ok, "\(reply.text)")
            #expect(reply.object["predictions"] as? [String] == expected)
        }
    }

    @Test func invocationsAnswersWithTheOnlyModelServed() async throws {
        let species = try #require(try productionModels().first { $0.name == "species" })
        let expected = try learningPredictions(species).labels
        let csv = try String(contentsOfFile: irisPath, encoding: .utf8)
        try await server([species]).test(.router) { client in
            let reply = try await client.send(.post, "/invocations", csv, contentType: "text/csv")
            #expect(reply.status == .ok, "\(reply.text.prefix(300))")
            #expect(reply.object["predictions"] as? [String] == expected)
        }
    }
}
