import DLMSCore

/// The tolerant BER reader of ACSE APDUs.
///
/// Lengths are never trusted beyond the bytes present, but they are not
/// trusted blindly either: real encoders write inner lengths that disagree
/// with the outer ones. The reader therefore
/// - reads the APDU's elements within its length, or within the bytes present
///   when the length claims more (a note);
/// - lets an element whose length runs past the APDU's end extend the APDU
///   when the bytes are there (a note) — Gurux's RLRE `63 11 80 01 00 BE 0F 04 0E ...`
///   is four bytes longer than its length says;
/// - decodes the xDLMS APDU in the user-information, and when it does not fit
///   its OCTET STRING but the user-information is the last element and the
///   bytes that complete it follow, takes them (a note): the AARE of [g23]
///   has every length one byte short of its InitiateResponse.
/// An element that claims more bytes than are present is an error.
enum ACSEReader {
    static func read(
        _ reader: inout ByteReader, tag: UInt8, name: String, notes: inout DecodingNotes
    ) throws(DecodingError) -> ACSEFrame {
        let all = reader.remaining
        let hardEnd = all.endIndex
        var outer = ByteReader(all)
        let header = try BERHeader.read(from: &outer, what: name)
        guard header.tag == [tag] else {
            throw DecodingError("\(name) must start with \(Hex.encode([tag])), found \(Hex.encode(header.tag))", at: header.offset)
        }
        var windowEnd = header.declaredEnd
        if windowEnd > hardEnd {
            notes.warn(
                .apduMalformed,
                "\(name) length says \(header.length) bytes but only \(hardEnd - header.contentStart) follow; decoding those",
                at: header.lengthOffset)
            windowEnd = hardEnd
        }
        var elements: [ACSEReadElement] = []
        var position = header.contentStart
        while position < windowEnd {
            var sub = ByteReader(all[position..<hardEnd])
            let element = try BERHeader.read(from: &sub, what: "\(name) element")
            let elementName = "\(name) element \(Hex.encode(element.tag))"
            guard element.declaredEnd <= hardEnd else {
                throw DecodingError(
                    "\(elementName) claims \(element.length) bytes but only \(hardEnd - element.contentStart) follow",
                    at: element.lengthOffset)
            }
            var end = element.declaredEnd
            var userInformation: (UserInformation, BERLengthRecord, [UInt8])?
            if element.tag == [0xBE] {
                if let read = try readUserInformation(
                    all, header: element, isLast: element.declaredEnd >= windowEnd, name: name, notes: &notes
                ) {
                    userInformation = (read.value, read.length, read.padding)
                    end = read.end
                }
            }
            if end > windowEnd {
                notes.warn(
                    .apduMalformed,
                    "\(elementName) ends \(end - windowEnd) bytes after the \(name) length says the \(name) ends; "
                        + "the \(name) is taken to include it",
                    at: element.lengthOffset)
                windowEnd = end
            }
            elements.append(ACSEReadElement(
                header: element, content: all[element.contentStart..<end],
                length: element.record(actualLength: end - element.contentStart), userInformation: userInformation))
            position = end
        }
        reader = ByteReader(all[windowEnd...])
        return ACSEFrame(length: header.record(actualLength: windowEnd - header.contentStart), elements: elements)
    }

    /// Reads the OCTET STRING of a user-information element and decodes the
    /// xDLMS APDU in it. Nil when the content is not one OCTET STRING (the
    /// caller keeps the element as it came).
    private static func readUserInformation(
        _ all: ArraySlice<UInt8>, header: BERHeader, isLast: Bool, name: String, notes: inout DecodingNotes
    ) throws(DecodingError) -> (value: UserInformation, length: BERLengthRecord, padding: [UInt8], end: Int)? {
        let hardEnd = all.endIndex
        guard all[header.contentStart..<header.declaredEnd].first == 0x04 else {
            notes.warn(.apduMalformed, "\(name) user-information does not hold an OCTET STRING (04); kept as sent", at: header.contentStart)
            return nil
        }
        var sub = ByteReader(all[header.contentStart..<hardEnd])
        let octets = try BERHeader.read(from: &sub, what: "\(name) user-information OCTET STRING")
        guard octets.declaredEnd <= hardEnd else {
            throw DecodingError(
                "\(name) user-information OCTET STRING claims \(octets.length) bytes but only "
                    + "\(hardEnd - octets.contentStart) follow",
                at: octets.lengthOffset)
        }
        var value: UserInformation
        var consumedEnd: Int
        var attempt = ByteReader(all[octets.contentStart..<octets.declaredEnd])
        var attemptNotes = DecodingNotes()
        do {
            value = try UserInformation.decode(from: &attempt, notes: &attemptNotes)
            consumedEnd = attempt.position
        } catch {
            // The xDLMS APDU does not fit its OCTET STRING. When nothing else is
            // meant to follow and the bytes are there, real encoders have simply
            // written the lengths too short: try again with every byte present.
            var retry = ByteReader(all[octets.contentStart..<hardEnd])
            var retryNotes = DecodingNotes()
            if isLast, octets.declaredEnd >= header.declaredEnd, hardEnd > octets.declaredEnd,
               let retried = try? UserInformation.decode(from: &retry, notes: &retryNotes) {
                value = retried
                consumedEnd = retry.position
                attemptNotes = retryNotes
                notes.warn(
                    .apduMalformed,
                    "\(name) user-information holds \(consumedEnd - octets.contentStart) bytes of xDLMS but its lengths say "
                        + "\(octets.length); decoded with the \(consumedEnd - octets.declaredEnd) bytes that follow",
                    at: octets.lengthOffset)
            } else {
                notes.warn(
                    .apduMalformed, "\(name) user-information could not be decoded (\(error.message)); kept as sent",
                    at: error.offset)
                value = .unrecognized(Array(all[octets.contentStart..<octets.declaredEnd]))
                consumedEnd = octets.declaredEnd
                attemptNotes = DecodingNotes()
            }
        }
        for finding in attemptNotes.findings {
            notes.note(finding.code, finding.message, at: finding.offset ?? octets.contentStart)
        }
        var padding: [UInt8] = []
        if consumedEnd < octets.declaredEnd {
            padding = Array(all[consumedEnd..<octets.declaredEnd])
            notes.warn(
                .apduMalformed, "\(padding.count) bytes follow the xDLMS APDU inside the \(name) user-information",
                at: consumedEnd)
        }
        let octetsEnd = max(consumedEnd, octets.declaredEnd)
        if octets.declaredEnd > header.declaredEnd {
            notes.warn(
                .apduMalformed,
                "\(name) user-information OCTET STRING ends \(octets.declaredEnd - header.declaredEnd) bytes after the "
                    + "user-information length says it ends; the user-information is taken to include it",
                at: header.lengthOffset)
        }
        if octetsEnd < header.declaredEnd {
            notes.warn(
                .apduMalformed,
                "\(header.declaredEnd - octetsEnd) bytes follow the OCTET STRING inside the \(name) user-information; kept as sent",
                at: octetsEnd)
            return nil
        }
        let length = octets.record(actualLength: octetsEnd - octets.contentStart)
        return (value, length, padding, max(octetsEnd, header.declaredEnd))
    }
}
