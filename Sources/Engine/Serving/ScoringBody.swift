import Foundation
import Learning

/// Request bodies in MLflow's scoring format, made from a dataset's rows.
enum ScoringBody {
    /// `{"dataframe_split": {"columns": [...], "data": [[...], ...]}}`: numbers as numbers, categories as text,
    /// missing values as null.
    static func dataframeSplit(_ frame: DataFrame, rows: Range<Int>) -> [UInt8] {
        let split = Split(columns: frame.columns.map(\.name), data: rows.map { row in
            frame.columns.map { column in
                switch column.storage {
                case .numeric(let values): values[row].isFinite ? .number(values[row]) : .null
                case .categorical(let codes, let levels): codes[row] < 0 ? .null : .text(levels[Int(codes[row])])
                }
            }
        })
        return Array((try? JSONEncoder().encode(["dataframe_split": split])) ?? Data())
    }

    private struct Split: Encodable {
        var columns: [String]
        var data: [[Cell]]
    }

    private enum Cell: Encodable {
        case number(Double), text(String), null

        func encode(to encoder: any Encoder) throws {
            var container = encoder.singleValueContainer()
            switch self {
            case .number(let value): try container.encode(value)
            case .text(let value): try container.encode(value)
            case .null: try container.encodeNil()
            }
        }
    }
}

/// Which versions answered a run of requests, and the refusals with their messages.
struct SendSummary {
    struct Failure {
        var status: Int
        var message: String
    }

    var answered: [Int: Int] = [:]
    var failures: [Failure] = []

    init(_ replies: [HTTPReply]) {
        for reply in replies {
            let object = (try? JSONSerialization.jsonObject(with: Data(reply.body))) as? [String: Any]
            if reply.status == 200, let version = object?["version"] as? Int {
                answered[version, default: 0] += 1
            } else {
                let message = object?["error"] as? String ?? String(decoding: reply.body.prefix(200), as: UTF8.self)
                failures.append(Failure(status: reply.status, message: message))
            }
        }
    }
}
