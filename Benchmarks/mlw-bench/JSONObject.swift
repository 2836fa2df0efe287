import Learning

/// A JSON object with keys in insertion order, rendered on one line.
struct JSONObject {
    enum Value {
        case string(String)
        case integer(Int)
        case number(Double)
        case numbers([Double])
        case bool(Bool)
        case object(JSONObject)
    }

    private(set) var entries: [(key: String, value: Value)] = []

    subscript(key: String) -> Value? {
        get { entries.first { $0.key == key }?.value }
        set {
            if let index = entries.firstIndex(where: { $0.key == key }) {
                if let newValue { entries[index].value = newValue } else { entries.remove(at: index) }
            } else if let newValue {
                entries.append((key, newValue))
            }
        }
    }

    var rendered: String {
        "{" + entries.map { "\(Self.quoted($0.key)):\(Self.render($0.value))" }.joined(separator: ",") + "}"
    }

    private static func render(_ value: Value) -> String {
        switch value {
        case .string(let text): quoted(text)
        case .integer(let number): String(number)
        case .number(let number): render(number)
        case .numbers(let numbers): "[" + numbers.map(render).joined(separator: ",") + "]"
        case .bool(let flag): flag ? "true" : "false"
        case .object(let object): object.rendered
        }
    }

    /// JSON has no NaN or infinity: those become `null`.
    private static func render(_ number: Double) -> String {
        guard number.isFinite else { return "null" }
        return number == number.rounded() && abs(number) < 1e15 ? String(Int(number)) : String(number)
    }

    static func quoted(_ text: String) -> String {
        var result = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": result += "\\\""
            case "\\": result += "\\\\"
            case "\n": result += "\\n"
            case "\r": result += "\\r"
            case "\t": result += "\\t"
            case _ where scalar.value < 0x20:
                let hex = String(scalar.value, radix: 16)
                result += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
            default: result.unicodeScalars.append(scalar)
            }
        }
        return result + "\""
    }
}

extension JSONObject {
    /// `PREFIX_median`, `PREFIX_min` and `PREFIX_all` of a timing, in seconds to 4 places.
    mutating func addTimings(_ timings: Timings, prefix: String) {
        self["\(prefix)_median"] = .number(rounded(timings.median, places: 4))
        self["\(prefix)_min"] = .number(rounded(timings.minimum, places: 4))
        self["\(prefix)_all"] = .numbers(timings.seconds.map { rounded($0, places: 4) })
    }

    /// `PREFIX_accuracy` or `PREFIX_r2`, whichever the metrics have, to 5 places.
    mutating func addScores(_ metrics: MetricSet, prefix: String) {
        for metric in ["accuracy", "r2"] {
            if let value = metrics[metric] { self["\(prefix)_\(metric)"] = .number(rounded(value, places: 5)) }
        }
    }
}
