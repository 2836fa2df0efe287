/// The value of one hyperparameter as the user wrote it (`C=0.5`, `max_iter=200`).
///
/// Encoded as a one-key object (`{"double": 0.5}`) so that `1.0` and `1` stay distinct
/// through a JSON round trip.
public enum ParameterValue: Sendable, Codable, Hashable, CustomStringConvertible {
    case int(Int)
    case double(Double)
    case bool(Bool)
    case string(String)

    /// `5`, `0.25`, `true`, `lbfgs`: the value as it would be typed.
    public var description: String {
        switch self {
        case .int(let value): String(value)
        case .double(let value): formatNumber(value)
        case .bool(let value): value ? "true" : "false"
        case .string(let value): value
        }
    }

    /// The value as a number when it is an int or a double.
    public var numberValue: Double? {
        switch self {
        case .int(let value): Double(value)
        case .double(let value): value
        case .bool, .string: nil
        }
    }

    /// The value as an integer when it is an int or an integral double.
    public var intValue: Int? {
        switch self {
        case .int(let value): return value
        case .double(let value):
            guard value.isFinite, value == value.rounded(), abs(value) < 9e15 else { return nil }
            return Int(value)
        case .bool, .string: return nil
        }
    }

    private enum CodingKeys: String, CodingKey { case int, double, bool, string }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        if let value = try container.decodeIfPresent(Int.self, forKey: .int) {
            self = .int(value)
        } else if let value = try container.decodeIfPresent(Double.self, forKey: .double) {
            self = .double(value)
        } else if let value = try container.decodeIfPresent(Bool.self, forKey: .bool) {
            self = .bool(value)
        } else if let value = try container.decodeIfPresent(String.self, forKey: .string) {
            self = .string(value)
        } else {
            throw DecodingError.dataCorrupted(.init(
                codingPath: decoder.codingPath,
                debugDescription: "expected one of the keys int, double, bool, string"))
        }
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        switch self {
        case .int(let value): try container.encode(value, forKey: .int)
        case .double(let value): try container.encode(value, forKey: .double)
        case .bool(let value): try container.encode(value, forKey: .bool)
        case .string(let value): try container.encode(value, forKey: .string)
        }
    }
}
