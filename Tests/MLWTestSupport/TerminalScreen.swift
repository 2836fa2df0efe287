/// A minimal terminal emulator: enough of xterm for what line editors print
/// (cursor moves, erases, insert/delete characters, wrapping), keeping every
/// line that scrolls off the top, like a terminal with unlimited scrollback.
struct TerminalScreen {
    let columns: Int
    let rows: Int
    /// Each cell holds one character (with any combining marks); "" continues a
    /// wide character; nil was never written or was erased.
    private(set) var lines: [[String?]] = [[]]
    /// Whether a line continues the one above it because the text wrapped at the right margin.
    private var continued: [Bool] = [false]
    private var row = 0
    private var column = 0
    private var pendingWrap = false  // xterm: a character written in the last column wraps only when the next one comes
    private var pending: [UInt8] = []  // an unfinished escape sequence or UTF-8 character

    init(columns: Int, rows: Int) {
        self.columns = max(columns, 1)
        self.rows = max(rows, 1)
    }

    /// The text shown since the start, lines joined by "\n" except where text
    /// wrapped at the margin; blank cells after a line's last written character
    /// are left out, spaces the program wrote are kept.
    var text: String {
        var text = ""
        for (index, line) in lines.enumerated() {
            if index > 0 && !continued[index] { text += "\n" }
            let end = continued.indices.contains(index + 1) && continued[index + 1]
                ? line.count : (line.lastIndex { $0 != nil } ?? -1) + 1
            text += line[..<end].map { $0 ?? " " }.joined()
        }
        return text
    }

    /// The first visible line, as an index into `lines`.
    private var top: Int { max(0, lines.count - rows) }

    mutating func feed(_ bytes: some Sequence<UInt8>) {
        pending += bytes
        var index = 0
        while index < pending.count {
            guard let consumed = step(pending, at: index) else { break }
            index += consumed
        }
        pending.removeFirst(index)
    }

    /// Interprets the control, sequence or character at `index`; returns its length, or nil if incomplete.
    private mutating func step(_ bytes: [UInt8], at index: Int) -> Int? {
        let byte = bytes[index]
        switch byte {
        case 0x1B: return escape(bytes, at: index)
        case 0x0D: column = 0; pendingWrap = false
        case 0x0A, 0x0B, 0x0C: lineFeed()
        case 0x08: column = max(0, column - 1); pendingWrap = false
        case 0x09: column = min(columns - 1, (column / 8 + 1) * 8); pendingWrap = false
        case 0x00..<0x20, 0x7F: break
        default:
            let length = byte < 0xC0 ? 1 : byte < 0xE0 ? 2 : byte < 0xF0 ? 3 : 4
            guard index + length <= bytes.count else { return nil }
            put(String(decoding: bytes[index..<(index + length)], as: UTF8.self))
            return length
        }
        return 1
    }

    private mutating func escape(_ bytes: [UInt8], at start: Int) -> Int? {
        guard start + 1 < bytes.count else { return nil }
        switch bytes[start + 1] {
        case UInt8(ascii: "["):
            var index = start + 2
            while index < bytes.count && !(0x40...0x7E).contains(bytes[index]) { index += 1 }
            guard index < bytes.count else { return nil }
            control(String(decoding: bytes[(start + 2)..<index], as: UTF8.self), final: bytes[index])
            return index + 1 - start
        case UInt8(ascii: "]"), UInt8(ascii: "P"), UInt8(ascii: "_"), UInt8(ascii: "^"):
            var index = start + 2  // a string up to BEL or ESC \
            while index < bytes.count {
                if bytes[index] == 0x07 { return index + 1 - start }
                if bytes[index] == 0x1B, index + 1 < bytes.count, bytes[index + 1] == UInt8(ascii: "\\") {
                    return index + 2 - start
                }
                index += 1
            }
            return nil
        case UInt8(ascii: "("), UInt8(ascii: ")"), UInt8(ascii: "*"), UInt8(ascii: "+"), UInt8(ascii: "#"):
            return start + 2 < bytes.count ? 3 : nil
        case UInt8(ascii: "D"): lineFeed(); return 2
        case UInt8(ascii: "E"): column = 0; lineFeed(); return 2
        case UInt8(ascii: "M"): row = max(top, row - 1); return 2
        default: return 2
        }
    }

    /// A CSI sequence: `parameters` then `final`.
    private mutating func control(_ parameters: String, final: UInt8) {
        if parameters.hasPrefix("?") || parameters.hasPrefix(">") { return }  // modes
        let numbers = parameters.split(separator: ";", omittingEmptySubsequences: false).map { Int($0) }
        func number(_ position: Int, default value: Int) -> Int {
            position < numbers.count ? numbers[position] ?? value : value
        }
        let count = max(1, number(0, default: 1))
        pendingWrap = false
        switch final {
        case UInt8(ascii: "A"): row = max(top, row - count)
        case UInt8(ascii: "B"): row = min(lines.count - 1, row + count)
        case UInt8(ascii: "C"): column = min(columns - 1, column + count)
        case UInt8(ascii: "D"): column = max(0, column - count)
        case UInt8(ascii: "G"), UInt8(ascii: "`"): column = min(columns - 1, count - 1)
        case UInt8(ascii: "d"): moveTo(row: count - 1, column: column)
        case UInt8(ascii: "H"), UInt8(ascii: "f"):
            moveTo(row: max(1, number(0, default: 1)) - 1, column: max(1, number(1, default: 1)) - 1)
        case UInt8(ascii: "K"): eraseInLine(number(0, default: 0))
        case UInt8(ascii: "J"): eraseInDisplay(number(0, default: 0))
        case UInt8(ascii: "P"):
            pad(row, to: column)
            lines[row].removeSubrange(column..<min(lines[row].count, column + count))
        case UInt8(ascii: "@"):
            pad(row, to: column)
            lines[row].insert(contentsOf: Array(repeating: nil, count: count), at: column)
            if lines[row].count > columns { lines[row].removeLast(lines[row].count - columns) }
        case UInt8(ascii: "X"):
            pad(row, to: min(columns, column + count))
            for index in column..<min(columns, column + count) { lines[row][index] = nil }
        default: break  // colours (m) and the rest change nothing we read
        }
    }

    private mutating func put(_ character: String) {
        let scalar = character.unicodeScalars.first!.value
        let width = Self.width(of: scalar)
        if width == 0 {  // a combining mark joins the character before it
            if column > 0, column - 1 < lines[row].count {
                lines[row][column - 1] = (lines[row][column - 1] ?? "") + character
            }
            return
        }
        if pendingWrap || column + width > columns {
            column = 0
            lineFeed()
            continued[row] = true
        }
        pad(row, to: column + width)
        lines[row][column] = character
        if width == 2 { lines[row][column + 1] = "" }
        column += width
        if column >= columns {
            column = columns - 1
            pendingWrap = true
        }
    }

    private mutating func lineFeed() {
        pendingWrap = false
        row += 1
        if row == lines.count { appendLine() }
    }

    private mutating func moveTo(row newRow: Int, column newColumn: Int) {
        row = top + max(0, min(rows - 1, newRow))
        while row >= lines.count { appendLine() }
        column = max(0, min(columns - 1, newColumn))
    }

    private mutating func appendLine() {
        lines.append([])
        continued.append(false)
    }

    private mutating func eraseInLine(_ mode: Int) {
        switch mode {
        case 0: if column < lines[row].count { lines[row].removeSubrange(column...) }
        case 1: pad(row, to: column + 1); for index in 0...column { lines[row][index] = nil }
        default: lines[row] = []; continued[row] = false
        }
    }

    private mutating func eraseInDisplay(_ mode: Int) {
        switch mode {
        case 0:
            eraseInLine(0)
            for index in (row + 1)..<max(row + 1, lines.count) { lines[index] = []; continued[index] = false }
        case 1:
            for index in top..<row { lines[index] = []; continued[index] = false }
            eraseInLine(1)
        default:
            for index in top..<lines.count { lines[index] = []; continued[index] = false }
        }
    }

    private mutating func pad(_ row: Int, to count: Int) {
        if lines[row].count < count { lines[row] += Array(repeating: nil, count: count - lines[row].count) }
    }

    /// Columns a character takes: 0 for combining marks, 2 for East Asian wide ones and emoji.
    static func width(of scalar: UInt32) -> Int {
        switch scalar {
        case 0x0300...0x036F, 0x1AB0...0x1AFF, 0x1DC0...0x1DFF, 0x20D0...0x20FF, 0xFE20...0xFE2F, 0x200B...0x200F:
            return 0
        case 0x1100...0x115F, 0x2E80...0x303E, 0x3041...0x33FF, 0x3400...0x4DBF, 0x4E00...0x9FFF,
             0xA000...0xA4CF, 0xAC00...0xD7A3, 0xF900...0xFAFF, 0xFE30...0xFE4F, 0xFF00...0xFF60,
             0xFFE0...0xFFE6, 0x1F300...0x1F64F, 0x1F900...0x1F9FF, 0x20000...0x3FFFD:
            return 2
        default:
            return 1
        }
    }
}
