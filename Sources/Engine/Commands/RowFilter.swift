import Language
import Learning
import Store

/// Rows of a data frame chosen by a condition on its columns (`filter NAME into A where="..."`), in the
/// grammar of `runs where=` (`RunFilter`): a number compares with a numeric column, a word or quoted text
/// with a categorical or boolean one (`==`, `!=`, and `<` … `>` in text order, so `month >= '1995-01'`
/// works). A missing value never matches.
enum RowFilter {
    /// - Throws: `Diagnostic` for an unknown column, or a number compared with categories (or the reverse).
    static func rows(of frame: DataFrame, matching predicate: RunPredicate, at range: SourceRange? = nil)
        throws(Diagnostic) -> [Int] {
        let test = try matcher(predicate, frame, range)
        return (0..<frame.rowCount).filter(test)
    }

    private static func matcher(_ predicate: RunPredicate, _ frame: DataFrame, _ range: SourceRange?)
        throws(Diagnostic) -> (Int) -> Bool {
        switch predicate {
        case .and(let a, let b):
            let left = try matcher(a, frame, range), right = try matcher(b, frame, range)
            return { left($0) && right($0) }
        case .or(let a, let b):
            let left = try matcher(a, frame, range), right = try matcher(b, frame, range)
            return { left($0) || right($0) }
        case .compare(let field, let op, let value):
            guard let column = frame.column(named: field) else {
                throw Diagnostic("no column `\(field)` to filter on", at: range,
                                 hint: Suggestion.hint(for: field, in: frame.columnNames)
                                    ?? "columns: " + frame.columnNames.joined(separator: ", "))
            }
            switch (column.storage, value) {
            case (.numeric(let values), .number(let number)):
                return { row in !values[row].isNaN && op.holds(values[row], number) }
            case (.categorical(let codes, let levels), .text(let text)):
                let matching = levels.map { op.holds($0, text) }
                return { row in codes[row] >= 0 && matching[Int(codes[row])] }
            case (.numeric, .text(let text)):
                throw Diagnostic("column `\(field)` is numeric; compare it with a number, not `\(text)`", at: range)
            case (.categorical(_, let levels), .number(let number)):
                throw Diagnostic("column `\(field)` holds categories (\(levels.prefix(3).joined(separator: ", "))…); "
                                 + "compare it with a quoted word, not \(formatNumber(number))", at: range,
                                 hint: "write \(field) == '\(levels.first ?? "")'")
            }
        }
    }

    /// The rows of `frames` one after another; columns are matched by name, categories by text.
    /// - Throws: `Diagnostic` when the frames' columns differ in name or kind.
    static func concatenate(_ frames: [DataFrame], at range: SourceRange? = nil) throws(Diagnostic) -> DataFrame {
        guard let first = frames.first else { return DataFrame(columns: []) }
        var columns: [Column] = []
        for column in first.columns {
            var parts: [Column] = []
            for frame in frames {
                guard var part = frame.column(named: column.name) else {
                    throw Diagnostic("cannot put the rows together: one part has no column `\(column.name)`", at: range)
                }
                if column.name == first.target, column.kind != .numeric { part = part.asClasses }  // 0/1 read as numbers
                guard (part.kind == .numeric) == (column.kind == .numeric) else {
                    throw Diagnostic("cannot put the rows together: `\(column.name)` is \(column.kind.rawValue) in one part "
                                     + "and \(part.kind.rawValue) in another", at: range)
                }
                parts.append(part)
            }
            columns.append(joined(parts, kind: column.kind))
        }
        let names = Set(first.columnNames)
        if let extra = frames.flatMap(\.columnNames).first(where: { !names.contains($0) }) {
            throw Diagnostic("cannot put the rows together: `\(extra)` is not a column of every part", at: range)
        }
        return DataFrame(columns: columns, target: first.target)
    }

    private static func joined(_ parts: [Column], kind: ColumnKind) -> Column {
        let name = parts[0].name
        if case .numeric = parts[0].storage {
            return .numeric(name, parts.flatMap { part in
                if case .numeric(let values) = part.storage { return values }
                return []
            })
        }
        var levels: [String] = [], index: [String: Int32] = [:], codes: [Int32] = []
        for part in parts {
            guard case .categorical(let partCodes, let partLevels) = part.storage else { continue }
            let map = partLevels.map { level -> Int32 in
                if let code = index[level] { return code }
                let code = Int32(levels.count)
                levels.append(level)
                index[level] = code
                return code
            }
            codes += partCodes.map { $0 < 0 ? -1 : map[Int($0)] }
        }
        let sameKind = parts.allSatisfy { $0.kind == kind } && (kind != .boolean || levels.count <= 2)
        return .categorical(name, codes: codes, levels: levels, kind: sameKind ? kind : .categorical)
    }
}

extension ComparisonOp {
    /// Whether `a OP b`.
    func holds<T: Comparable>(_ a: T, _ b: T) -> Bool {
        switch self {
        case .lessThan: a < b
        case .lessOrEqual: a <= b
        case .equal: a == b
        case .notEqual: a != b
        case .greaterOrEqual: a >= b
        case .greaterThan: a > b
        }
    }
}
