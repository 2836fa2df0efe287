import Language

/// Where a line of a file will be once `--update` has rewritten its `#>` lines, so that runs made while updating
/// name the line their command will have in the written file.
struct RewrittenLineNumbers {
    /// The lines `--update` drops: every `#>` line except those of a `#! failed:` command, ascending.
    private let dropped: [Int]
    private let droppedSet: Set<Int>
    /// Fresh output lines written after a line, by that line.
    private var inserted: [(after: Int, count: Int)] = []

    init(script: Script) {
        var kept: Set<Int> = []
        for entry in script.entries {
            if case .failed = entry.kind { kept.formUnion(entry.recorded.map(\.line)) }
        }
        dropped = script.lines.indices.map { $0 + 1 }.filter { number in
            script.lines[number - 1].drop(while: { $0 == " " }).hasPrefix("#>") && !kept.contains(number)
        }
        droppedSet = Set(dropped)
    }

    /// Whether `--update` drops line `line` (1-based) of the original file: recorded output it replaces.
    func drops(_ line: Int) -> Bool { droppedSet.contains(line) }

    mutating func insert(_ count: Int, after line: Int) {
        inserted.append((line, count))
    }

    /// The number `line` of the original file will have in the rewritten one.
    func line(of line: Int) -> Int {
        line - dropped.prefix { $0 < line }.count + inserted.filter { $0.after < line }.reduce(0) { $0 + $1.count }
    }
}
