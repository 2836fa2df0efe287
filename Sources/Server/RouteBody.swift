import Foundation
import Hummingbird

/// The JSON object a control route (deploy, rollback) takes, read field by field so that every mistake is named:
/// a wrong Content-Type (415), text that is not JSON, a field the route does not know, a value of the wrong type.
struct RouteBody {
    private let fields: [String: JSONValue]

    /// Reads `bytes` sent with `contentType` (JSON when absent); an empty body has no fields.
    /// - Throws: `ServingError` 415 for another media type, 400 for a body that is not a JSON object of `allowed` fields.
    init(_ bytes: [UInt8], contentType: String?, allowed: [String], example: String) throws(ServingError) {
        let isBlank = !bytes.contains { !($0 == 0x20 || $0 == 0x0A || $0 == 0x0D || $0 == 0x09) }
        let mediaType = contentType?.split(separator: ";").first.map { $0.trimmingCharacters(in: .whitespaces).lowercased() }
        if let mediaType, mediaType != "application/json", !(isBlank && mediaType.isEmpty) {
            throw ServingError(.unsupportedMediaType, "unsupported Content-Type `\(contentType ?? "")`; this route takes application/json")
        }
        guard !isBlank else {
            fields = [:]
            return
        }
        let value: JSONValue
        do {
            value = try JSONDecoder().decode(JSONValue.self, from: Data(bytes))
        } catch {
            throw .badRequest("the body is not valid JSON; send an object such as \(example)")
        }
        guard case .object(let object) = value else {
            throw .badRequest("the body must be a JSON object such as \(example), not \(value.summary)")
        }
        let unknown = object.keys.filter { !allowed.contains($0) }.sorted()
        guard unknown.isEmpty else {
            throw .badRequest("unknown field\(unknown.count == 1 ? "" : "s") \(unknown.map { "`\($0)`" }.joined(separator: ", ")); "
                              + "this route takes \(allowed.map { "`\($0)`" }.joined(separator: ", "))")
        }
        fields = object.filter { $0.value != .null }
    }

    /// A text field, or nil when absent.
    func string(_ name: String) throws(ServingError) -> String? {
        switch fields[name] {
        case nil: return nil
        case .string(let text): return text
        case let other?: throw .badRequest("`\(name)` must be a string, not \(other.summary)")
        }
    }

    /// A whole-number field, or nil when absent.
    func integer(_ name: String) throws(ServingError) -> Int? {
        switch fields[name] {
        case nil: return nil
        case .number(let number) where number.rounded() == number && abs(number) < 1e15: return Int(number)
        case let other?: throw .badRequest("`\(name)` must be a whole number, not \(other.summary)")
        }
    }
}
