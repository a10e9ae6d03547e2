/// Reads a keys file written in the TOML subset it uses (see
/// `TOMLLineScanner`) into a `KeysFileDocument`, enforcing TOML's rules: a
/// `[table]` is defined once, a name is either a `[table]` or an
/// `[[array-of-tables]]`, and a key appears once per table. Text that is not
/// UTF-8 or holds control characters (binary junk) is an error naming its line.
struct TOMLReader {
    let file: String

    func read(_ bytes: ArraySlice<UInt8>) throws(KeysFileError) -> KeysFileDocument {
        var document = KeysFileDocument()
        var tableLines: [String: Int] = [:]
        var arrayLines: [String: Int] = [:]
        var keyLines: [String: Int] = [:]
        var lineNumber = 0
        var start = bytes.startIndex
        while start < bytes.endIndex {
            lineNumber += 1
            let end = bytes[start...].firstIndex(of: 0x0A) ?? bytes.endIndex
            var line = bytes[start..<end]
            start = end < bytes.endIndex ? end + 1 : end
            if line.last == 0x0D { line = line.dropLast() }
            try check(line, lineNumber: lineNumber)

            let scanned: TOMLLine
            do {
                var scanner = TOMLLineScanner(line)
                scanned = try scanner.scan()
            } catch {
                throw KeysFileError(file: file, line: lineNumber, field: error.field, problem: error.message)
            }

            switch scanned {
            case .blank:
                continue
            case .table(let name):
                let shown = KeysFileError.fieldName(name)
                if let first = tableLines[name] {
                    throw failure(lineNumber, "table [\(shown)] is defined twice (first on line \(first))")
                }
                if let first = arrayLines[name] {
                    throw failure(lineNumber, "[\(shown)] is already an array of tables (line \(first)); write [[...]]")
                }
                tableLines[name] = lineNumber
                document.tables.append(KeysFileTable(name: name, kind: .table, line: lineNumber))
                keyLines = [:]
            case .arrayTable(let name):
                if let first = tableLines[name] {
                    let shown = KeysFileError.fieldName(name)
                    throw failure(lineNumber, "[[\(shown)]] conflicts with the table of that name on line \(first)")
                }
                if arrayLines[name] == nil { arrayLines[name] = lineNumber }
                document.tables.append(KeysFileTable(name: name, kind: .arrayElement, line: lineNumber))
                keyLines = [:]
            case .keyValue(let key, let value):
                if let first = keyLines[key] {
                    throw KeysFileError(
                        file: file, line: lineNumber, field: KeysFileError.fieldName(key),
                        problem: "is given twice in the same table (first on line \(first))"
                    )
                }
                keyLines[key] = lineNumber
                let entry = KeysFileTable.Entry(key: key, value: value, line: lineNumber)
                if document.tables.isEmpty {
                    document.root.entries.append(entry)
                } else {
                    document.tables[document.tables.count - 1].entries.append(entry)
                }
            }
        }
        return document
    }

    /// Rejects a line that is not UTF-8 text or that holds control characters
    /// other than tab: a binary file, most likely.
    private func check(_ line: ArraySlice<UInt8>, lineNumber: Int) throws(KeysFileError) {
        if line.contains(where: { ($0 < 0x20 && $0 != 0x09) || $0 == 0x7F }) {
            throw failure(lineNumber, "contains a control character; is this a text keys file?")
        }
        if String(validating: line, as: UTF8.self) == nil {
            throw failure(lineNumber, "is not UTF-8 text; is this a text keys file?")
        }
    }

    private func failure(_ line: Int, _ problem: String) -> KeysFileError {
        KeysFileError(file: file, line: line, problem: problem)
    }
}
