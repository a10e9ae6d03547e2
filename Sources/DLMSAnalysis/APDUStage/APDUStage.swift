import DLMSAPDU
import DLMSCore
import DLMSFraming
import DLMSSecurity
import DLMSTransport

/// The APDU stage: decodes the APDU a framed unit carries, joins block
/// transfers into whole APDUs, and remembers what requests asked for so that
/// responses can be annotated (and paired by the pipeline).
///
/// Blocks of a transfer are absorbed: the record appears when the transfer
/// is complete (the whole APDU, every carrier packet) or given up
/// (`block-missing`, no APDU passed on as complete).
struct APDUStage {
    /// Whether blocks are joined (captures) or each APDU is shown on its own (`pdu`).
    let reassembles: Bool
    /// Opens protected APDUs and follows the associations.
    private var security: SecurityStage
    private var gbt = BlockAssembler<StreamID>()
    private var datablocks = BlockAssembler<TransferKey>()
    /// The unit that started a datablock transfer (its header is the record's), by transfer.
    private var transferHeads: [TransferKey: TransferHead] = [:]
    /// What pending requests asked for, by exchange.
    private var requested: [ExchangeKey: [CosemAttributeDescriptor]] = [:]
    /// scaler_unit values learned from responses, by logical name.
    private var scalerUnits: [OBISCode: ScalerUnit] = [:]

    static let maxPendingRequests = 4096
    static let maxScalerUnits = 4096

    init(reassembles: Bool = true, keys: KeyStore = KeyStore(), keyring: AsymmetricKeyring? = nil) {
        self.reassembles = reassembles
        security = SecurityStage(keys: keys, keyring: keyring)
    }

    /// Decodes, opens and analyses the APDU of `unit` (sent on `stream` by `sender`, as far as
    /// the framing and ports tell); returns the records it completes.
    mutating func process(_ unit: FramedUnit, stream: StreamID, sender: Direction) -> [RecordDraft] {
        guard let bytes = unit.apdu else { return [RecordDraft(unit: unit)] }
        var unit = unit
        let place = SecurityPlace(
            conversation: stream.conversation, sender: sender, packet: unit.carriers.last?.packet,
            time: unit.carriers.last?.time
        )
        let (decoded, protection) = decodeAndOpen(bytes, at: place, into: &unit.findings)
        guard let apdu = decoded.apdu else {
            return [annotate(RecordDraft(unit: unit, apdu: decoded, security: protection), stream: stream, at: place)]
        }
        switch apdu {
        case let .generalBlockTransfer(block) where reassembles && !block.blockData.isEmpty:
            return generalBlockTransfer(block, unit: unit, stream: stream, sender: sender)
        case let .getResponse(.withDataBlock(response)) where reassembles:
            let key = TransferKey(stream: stream, invokeId: response.invokeIdAndPriority.invokeId, service: .get)
            guard case let .rawData(raw, _) = response.block.result else {
                // A data-access-result ends the transfer: the server could not deliver the block.
                return abandon(key, reason: "the server answered with an error")
                    + [annotate(RecordDraft(unit: unit, apdu: decoded, security: protection), stream: stream, at: place)]
            }
            return join(.init(lastBlock: response.block.lastBlock, blockNumber: response.block.blockNumber, rawData: raw),
                        key: key, unit: unit, stream: stream, invoke: response.invokeIdAndPriority, start: nil,
                        protection: protection, at: place)
        case let .setRequest(.withFirstDataBlock(request)) where reassembles:
            return join(request.block, key: TransferKey(stream: stream, invokeId: request.invokeIdAndPriority.invokeId, service: .set),
                        unit: unit, stream: stream, invoke: request.invokeIdAndPriority,
                        start: .set(request.attribute, request.accessSelection), protection: protection, at: place)
        case let .setRequest(.withDataBlock(request)) where reassembles:
            return join(request.block, key: TransferKey(stream: stream, invokeId: request.invokeIdAndPriority.invokeId, service: .set),
                        unit: unit, stream: stream, invoke: request.invokeIdAndPriority, start: nil,
                        protection: protection, at: place)
        case let .actionRequest(.withFirstPBlock(request)) where reassembles:
            return join(request.block, key: TransferKey(stream: stream, invokeId: request.invokeIdAndPriority.invokeId, service: .action),
                        unit: unit, stream: stream, invoke: request.invokeIdAndPriority, start: .action(request.method),
                        protection: protection, at: place)
        case let .actionRequest(.withPBlock(request)) where reassembles:
            return join(request.block, key: TransferKey(stream: stream, invokeId: request.invokeIdAndPriority.invokeId, service: .action),
                        unit: unit, stream: stream, invoke: request.invokeIdAndPriority, start: nil,
                        protection: protection, at: place)
        case let .actionResponse(.withPBlock(response)) where reassembles:
            return join(response.block, key: TransferKey(stream: stream, invokeId: response.invokeIdAndPriority.invokeId, service: .action),
                        unit: unit, stream: stream, invoke: response.invokeIdAndPriority, start: .actionReturn,
                        protection: protection, at: place)
        default:
            return [annotate(RecordDraft(unit: unit, apdu: decoded, security: protection), stream: stream, at: place)]
        }
    }

    /// Ends a stream: its unfinished transfers are reported.
    mutating func finish(_ stream: StreamID) -> [RecordDraft] {
        var drafts: [RecordDraft] = []
        if let outcome = gbt.abandon(stream, reason: "the stream ended") {
            drafts.append(RecordDraft(unit: FramedUnit(kind: .none, carriers: outcome.carriers, findings: outcome.findings)))
        }
        for key in transferHeads.keys where key.conversation == stream.conversation && key.fromSideA == stream.fromSideA {
            if let outcome = datablocks.abandon(key, reason: "the stream ended"), let head = transferHeads.removeValue(forKey: key) {
                drafts.append(incomplete(outcome, head: head, key: key))
            }
        }
        security.streamEnded(stream.conversation)
        return drafts
    }

    // MARK: Decoding

    /// Decodes `bytes` and opens what is protected in it: an envelope becomes its plaintext
    /// APDU (the envelope kept beside it), a ciphered initiate is decrypted next to its ACSE APDU.
    private mutating func decodeAndOpen(
        _ bytes: [UInt8], at place: SecurityPlace, into findings: inout [Finding], depth: Int = 0
    ) -> (DecodedAPDU, SecurityInfo?) {
        let decoded = decode(bytes, packet: place.packet, into: &findings)
        switch decoded.apdu {
        case let .generalCiphering(apdu)?:
            let opening = security.openGeneralCiphering(apdu, at: place, findings: &findings)
            guard let plaintext = opening.plaintext else { return (decoded, opening.security) }
            var opened = decode(plaintext, packet: place.packet, into: &findings)
            opened.envelope = decoded.apdu
            return (opened, opening.security)
        case let .generalSigning(apdu)?:
            return openGeneralSigning(apdu, decoded, at: place, into: &findings, depth: depth)
        default:
            break
        }
        guard let (envelope, site) = security.envelope(in: decoded, sender: place.sender) else { return (decoded, nil) }
        if site == .unknownTag, let last = findings.lastIndex(where: { $0.code == .apduUnknownTag }) {
            // Gurux sends a ciphered access service this way: no glo- tag exists for it.
            findings[last].message = "tag 00 is no xDLMS APDU, but the \(envelope.content.encodedCount) bytes after it form a "
                + "service-specific cipher body: opened on a best-effort basis as if it were a glo- APDU"
        }
        let opening = security.open(envelope, at: place, findings: &findings)
        guard let plaintext = opening.plaintext else { return (decoded, opening.security) }
        var security = opening.security
        let inner = decode(plaintext, packet: place.packet, into: &findings)
        // A dedicated key in the plaintext is shown only on request, like the APDU's own field.
        if case let .initiateRequest(request)? = inner.apdu, request.dedicatedKey != nil {
            security.plaintextHoldsSecret = true
        }
        switch site {
        case .apdu, .unknownTag:
            var opened = inner
            opened.envelope = decoded.apdu
            if opened.text != nil, let last = findings.lastIndex(where: { $0.code == .apduUnknownTag }) {
                findings[last].message = "the decrypted content is no xDLMS APDU but text (\(plaintext.count) bytes), shown as text"
            }
            return (opened, security)
        case .userInformation:
            var decoded = decoded
            decoded.decryptedUserInformation = inner.apdu
            return (decoded, security)
        }
    }

    /// A general-signing APDU: its signature checked, its content decoded and opened in turn
    /// (it may be ciphered, or signed again: at most `maxSigningDepth` levels).
    private mutating func openGeneralSigning(
        _ apdu: GeneralSigning, _ decoded: DecodedAPDU, at place: SecurityPlace, into findings: inout [Finding], depth: Int
    ) -> (DecodedAPDU, SecurityInfo?) {
        let (verdict, certificate) = security.checkGeneralSigning(apdu, at: place, findings: &findings)
        var signing = SecurityInfo(
            envelope: "general-signing", securityControl: 0, invocationCounter: 0, key: .none, tag: .absent,
            signature: verdict
        )
        signing.certificate = certificate
        signing.systemTitle = apdu.originatorSystemTitle.isEmpty ? nil : apdu.originatorSystemTitle.bytes
        signing.systemTitleSource = signing.systemTitle == nil ? nil : "apdu"
        guard depth < Self.maxSigningDepth, !apdu.content.isEmpty else {
            if depth >= Self.maxSigningDepth {
                findings.append(Finding(
                    .apduMalformed, "general-signing nested more than \(Self.maxSigningDepth) deep: the content is not decoded",
                    packet: place.packet
                ))
            }
            return (decoded, signing)
        }
        let (inner, innerSecurity) = decodeAndOpen(apdu.content.bytes, at: place, into: &findings, depth: depth + 1)
        var opened = inner
        opened.envelope = decoded.apdu
        guard var security = innerSecurity else {
            signing.plaintext = apdu.content.bytes
            return (opened, signing)
        }
        // Signed ciphered content: the cipher's outcome, with the signature's beside it.
        security.envelope = "general-signing"
        if verdict != .valid || security.signature == nil || security.signature == .valid { security.signature = verdict }
        security.certificate = certificate ?? security.certificate
        return (opened, security)
    }

    static let maxSigningDepth = 4

    /// Decodes `bytes` (carried by `packet`), adding notes, trailing bytes and errors to `findings`.
    private func decode(_ bytes: [UInt8], packet: Int?, into findings: inout [Finding]) -> DecodedAPDU {
        do {
            let decoding = try APDU.decode(bytes[...])
            for var note in decoding.notes {
                note.packet = note.packet ?? packet
                findings.append(note)
            }
            if !decoding.remaining.isEmpty {
                findings.append(Finding(
                    .apduTrailingBytes,
                    "\(decoding.remaining.count) byte\(decoding.remaining.count == 1 ? "" : "s") after the APDU: "
                        + Hex.encode(decoding.remaining.prefix(32)) + (decoding.remaining.count > 32 ? "…" : ""),
                    packet: packet, offset: decoding.remaining.startIndex
                ))
            }
            if case let .aare(aare) = decoding.apdu, let result = aare.result, result.rawValue != 0 {
                findings.append(Finding(.aareRejected, Self.rejection(aare, result: result), packet: packet))
            }
            return DecodedAPDU(bytes: bytes, apdu: decoding.apdu)
        } catch {
            let known = bytes.first.map(APDUTag.isKnown) ?? false
            findings.append(Finding(
                known ? .apduMalformed : .apduUnknownTag,
                known ? "\(bytes.first.flatMap(APDUTag.name) ?? "APDU") cannot be decoded: \(error.message)"
                    : "no APDU starts with \(bytes.first.map { Hex.encode([$0]) } ?? "nothing"); its \(bytes.count) bytes are shown raw",
                packet: packet, offset: error.offset
            ))
            return DecodedAPDU(bytes: bytes, apdu: nil, error: error)
        }
    }

    private static func rejection(_ aare: AARE, result: AssociationResult) -> String {
        var text = "the association was refused (\(result.name ?? "result \(result.rawValue)"))"
        switch aare.resultSourceDiagnostic {
        case let .serviceUser(diagnostic)?: text += ": \(diagnostic.name ?? "diagnostic \(diagnostic.rawValue)")"
        case let .serviceProvider(diagnostic)?: text += ": \(diagnostic.name ?? "diagnostic \(diagnostic.rawValue)")"
        case nil: break
        }
        return text
    }

    // MARK: General block transfer

    private mutating func generalBlockTransfer(
        _ block: GeneralBlockTransfer, unit: FramedUnit, stream: StreamID, sender: Direction
    ) -> [RecordDraft] {
        let outcomes = gbt.add(
            .init(number: UInt32(block.blockNumber), data: block.blockData, carriers: unit.carriers, findings: unit.findings),  // widening
            isLast: block.lastBlock, to: stream
        )
        return outcomes.map { outcome in
            guard let data = outcome.data else {
                // Given up: the blocks received are reported; nothing is passed on as an APDU.
                return RecordDraft(unit: FramedUnit(
                    kind: unit.kind, fields: unit.fields, carriers: outcome.carriers, findings: outcome.findings,
                    direction: unit.direction
                ))
            }
            var whole = FramedUnit(
                kind: unit.kind, fields: unit.fields, carriers: outcome.carriers, findings: outcome.findings,
                direction: unit.direction
            )
            let place = SecurityPlace(
                conversation: stream.conversation, sender: sender, packet: outcome.carriers.last?.packet,
                time: outcome.carriers.last?.time
            )
            var (decoded, protection) = decodeAndOpen(data, at: place, into: &whole.findings)
            decoded.reassembly = .init(method: "general-block-transfer", blocks: outcome.blocks)
            return annotate(RecordDraft(unit: whole, apdu: decoded, security: protection), stream: stream, at: place)
        }
    }

    // MARK: Datablocks and pblocks (Green Book: DataBlock-G and DataBlock-SA)

    /// Adds one block of a get, set or action transfer; when the transfer is complete, its joined
    /// raw-data (one A-XDR Data value) makes the APDU the peer would have sent without blocks.
    private mutating func join(
        _ block: DataBlockSA, key: TransferKey, unit: FramedUnit, stream: StreamID, invoke: InvokeIdAndPriority,
        start: TransferHead.Start?, protection: SecurityInfo?, at place: SecurityPlace
    ) -> [RecordDraft] {
        if transferHeads[key] == nil || start != nil || block.blockNumber == 1 {
            transferHeads[key] = TransferHead(unit: unit, invokeIdAndPriority: invoke, start: start ?? transferHeads[key]?.start)
        }
        if let protection { transferHeads[key]?.absorb(protection) }
        let outcomes = datablocks.add(
            .init(number: block.blockNumber, data: block.rawData, carriers: unit.carriers, findings: unit.findings),
            isLast: block.lastBlock, to: key
        )
        return outcomes.map { outcome in
            var head = transferHeads[key] ?? TransferHead(unit: unit, invokeIdAndPriority: invoke, start: start)
            if transferHeads[key] == nil, let protection { head.absorb(protection) }
            guard let data = outcome.data else { return incomplete(outcome, head: head, key: key) }
            transferHeads[key] = nil
            var whole = FramedUnit(
                kind: unit.kind, fields: unit.fields, carriers: outcome.carriers, findings: outcome.findings,
                direction: unit.direction
            )
            let value: DLMSData
            do {
                let decoded = try DLMSData.decode(data[...])
                value = decoded.value
                if !decoded.remaining.isEmpty {
                    whole.findings.append(Finding(
                        .apduTrailingBytes, "\(decoded.remaining.count) bytes after the data of the joined blocks",
                        packet: outcome.carriers.last?.packet
                    ))
                }
            } catch {
                let failure = (error as? DecodingError) ?? DecodingError("\(error)", at: 0)
                whole.findings.append(Finding(
                    .apduMalformed, "the data joined from \(outcome.blocks) blocks cannot be decoded: \(failure.message)",
                    packet: outcome.carriers.last?.packet
                ))
                return RecordDraft(unit: whole, apdu: DecodedAPDU(bytes: data, apdu: nil, error: failure))
            }
            guard let apdu = head.whole(with: value, service: key.service) else {
                whole.findings.append(Finding(
                    .blockMissing, "the first block of this \(key.service) transfer, which names its object, was not seen",
                    packet: outcome.carriers.first?.packet
                ))
                return RecordDraft(unit: whole, apdu: DecodedAPDU(bytes: data, apdu: nil))
            }
            let method = key.service == .get ? "with-datablock" : key.service == .set ? "with-datablock" : "with-pblock"
            let joined = DecodedAPDU(bytes: apdu.encoded, apdu: apdu, reassembly: .init(method: method, blocks: outcome.blocks))
            var protection = head.security
            if protection?.plaintext != nil { protection?.plaintext = joined.bytes }
            return annotate(RecordDraft(unit: whole, apdu: joined, security: protection), stream: stream, at: place)
        }
    }

    private mutating func abandon(_ key: TransferKey, reason: String) -> [RecordDraft] {
        guard let outcome = datablocks.abandon(key, reason: reason), let head = transferHeads.removeValue(forKey: key) else {
            return []
        }
        return [incomplete(outcome, head: head, key: key)]
    }

    private func incomplete(_ outcome: BlockAssembler<TransferKey>.Outcome, head: TransferHead, key: TransferKey) -> RecordDraft {
        var draft = RecordDraft(unit: FramedUnit(
            kind: head.unit.kind, fields: head.unit.fields, carriers: outcome.carriers, findings: outcome.findings,
            direction: head.unit.direction
        ))
        // An unfinished response still answers its request; an unfinished request opens nothing.
        if key.service == .get || head.start == .actionReturn {
            draft.closes = ExchangeKey(conversation: key.conversation, service: key.service, invokeId: UInt32(key.invokeId))  // widening
        }
        return draft
    }

    // MARK: Requests and responses

    /// Notes which exchange the APDU opens or closes, remembers what requests
    /// asked for, annotates responses with it, and learns scaler_units.
    private mutating func annotate(_ draft: consuming RecordDraft, stream: StreamID, at place: SecurityPlace) -> RecordDraft {
        draft.hls = security.observe(draft.apdu, security: draft.security, at: place, findings: &draft.unit.findings)
        draft.securitySetup = security.observeSecuritySetup(draft.apdu?.apdu, at: place, findings: &draft.unit.findings)
        guard let apdu = draft.apdu?.apdu else { return draft }
        let conversation = stream.conversation
        func key(_ service: ExchangeKey.Service, _ id: UInt32 = 0) -> ExchangeKey {
            ExchangeKey(conversation: conversation, service: service, invokeId: id)
        }
        switch apdu {
        case let .getRequest(request):
            switch request {
            case let .normal(normal):
                draft.opens = key(.get, UInt32(normal.invokeIdAndPriority.invokeId))  // widening
                remember([normal.attribute], for: draft.opens)
            case let .withList(list):
                draft.opens = key(.get, UInt32(list.invokeIdAndPriority.invokeId))  // widening
                remember(list.attributes.map(\.attribute), for: draft.opens)
            case .next:
                break  // part of a datablock transfer the first request opened
            }
        case let .getResponse(response):
            let exchange = key(.get, UInt32(response.invokeIdAndPriority.invokeId))  // widening
            draft.closes = exchange
            let attributes = requested.removeValue(forKey: exchange) ?? []
            draft.apdu?.requested = attributes
            learnScalerUnits(from: response, attributes: attributes)
            draft.apdu?.scalerUnits = scalers(for: attributes)
        case let .setRequest(request):
            draft.opens = key(.set, UInt32(request.invokeIdAndPriority.invokeId))  // widening
        case let .setResponse(response):
            // A datablock acknowledgement answers one block, not the request the joined blocks make.
            if case .dataBlock = response { break }
            draft.closes = key(.set, UInt32(response.invokeIdAndPriority.invokeId))  // widening
        case let .actionRequest(request):
            if case .nextPBlock = request { break }  // asks for the next block of a response in pblocks
            draft.opens = key(.action, UInt32(request.invokeIdAndPriority.invokeId))  // widening
        case let .actionResponse(response):
            if case .nextPBlock = response { break }  // acknowledges one pblock of the request
            draft.closes = key(.action, UInt32(response.invokeIdAndPriority.invokeId))  // widening
        case let .accessRequest(request):
            draft.opens = key(.access, request.longInvokeIdAndPriority.invokeId)
        case let .accessResponse(response):
            draft.closes = key(.access, response.longInvokeIdAndPriority.invokeId)
        case .aarq: draft.opens = key(.association)
        case .aare: draft.closes = key(.association)
        case .rlrq: draft.opens = key(.release)
        case .rlre: draft.closes = key(.release)
        default: break
        }
        return draft
    }

    private mutating func remember(_ attributes: [CosemAttributeDescriptor], for exchange: ExchangeKey?) {
        guard let exchange else { return }
        if requested.count >= Self.maxPendingRequests { requested.removeAll() }
        requested[exchange] = attributes
    }

    /// A get-response answering scaler_unit (register and extended register attribute 3,
    /// demand register attribute 4) teaches the scaler and unit of that object.
    private mutating func learnScalerUnits(from response: GetResponse, attributes: [CosemAttributeDescriptor]) {
        let results: [GetDataResult]
        switch response {
        case let .normal(normal): results = [normal.result]
        case let .withList(list): results = list.results
        case .withDataBlock: results = []
        }
        for (attribute, result) in zip(attributes, results) {
            let isScalerUnit = (attribute.classId == 3 || attribute.classId == 4) && attribute.attributeId == 3
                || attribute.classId == 5 && attribute.attributeId == 4
            guard isScalerUnit, case let .data(value) = result, let scalerUnit = ScalerUnit(value) else { continue }
            if scalerUnits.count >= Self.maxScalerUnits { scalerUnits.removeAll() }
            scalerUnits[attribute.instance] = scalerUnit
        }
    }

    private func scalers(for attributes: [CosemAttributeDescriptor]) -> [OBISCode: ScalerUnit] {
        var found: [OBISCode: ScalerUnit] = [:]
        for attribute in attributes { found[attribute.instance] = scalerUnits[attribute.instance] }
        return found
    }
}

/// One datablock transfer: a direction of a conversation, the service and the invoke-id.
struct TransferKey: Hashable {
    var conversation: Int
    var fromSideA: Bool
    var invokeId: UInt8
    var service: ExchangeKey.Service

    init(stream: StreamID, invokeId: UInt8, service: ExchangeKey.Service) {
        conversation = stream.conversation
        fromSideA = stream.fromSideA
        self.invokeId = invokeId
        self.service = service
    }
}

/// The first unit of a datablock transfer, whose framing the joined record keeps, and what
/// its first block said about the object (set and action name it only there).
struct TransferHead {
    enum Start: Hashable {
        case set(CosemAttributeDescriptor, SelectiveAccessDescriptor?)
        case action(CosemMethodDescriptor)
        /// The return parameters of an action, sent by the server in pblocks.
        case actionReturn
    }

    var unit: FramedUnit
    var invokeIdAndPriority: InvokeIdAndPriority
    var start: Start?
    /// The protection of the blocks so far, when they came in envelopes.
    var security: SecurityInfo?

    /// Adds one block's protection: the transfer is as trustworthy as its weakest block.
    mutating func absorb(_ block: SecurityInfo) {
        security = security.map { $0.joined(with: block) } ?? block
    }

    /// The unblocked APDU carrying `value`; nil when the first block (naming the object) was missed.
    func whole(with value: DLMSData, service: ExchangeKey.Service) -> APDU? {
        switch (service, start) {
        case (.get, _):
            return .getResponse(.normal(.init(invokeIdAndPriority: invokeIdAndPriority, result: .data(value))))
        case let (.set, .set(attribute, selection)?):
            return .setRequest(.normal(.init(
                invokeIdAndPriority: invokeIdAndPriority, attribute: attribute, accessSelection: selection, value: value)))
        case let (.action, .action(method)?):
            return .actionRequest(.normal(.init(invokeIdAndPriority: invokeIdAndPriority, method: method, parameters: value)))
        case (.action, .actionReturn?):
            return .actionResponse(.normal(.init(
                invokeIdAndPriority: invokeIdAndPriority,
                response: ActionResponseWithOptionalData(result: ActionResult(rawValue: 0), returnParameters: .data(value)))))
        default:
            return nil
        }
    }
}
