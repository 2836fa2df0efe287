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
