@testable import DLMSAnalysis
import DLMSCore
import Testing

/// The tracker's counters, keyed by value rather than by a key name string.
@Suite struct InvocationCounterTrackerTests {
    @Test func aReplayIsReportedPerTitleKeyAndDirection() {
        var tracker = InvocationCounterTracker()
        let title: [UInt8] = [0x4D, 0x4D, 0x4D, 0, 0, 0xBC, 0x61, 0x4E]
        let counter = InvocationCounterTracker.Counter(
            systemTitle: title, key: .kind(.globalUnicast), direction: .serverToClient, conversation: nil
        )
        #expect(tracker.check(5, for: counter, packet: 1) == nil)
        #expect(tracker.check(6, for: counter, packet: 2) == nil)
        let replay = tracker.check(6, for: counter, packet: 3)
        #expect(replay?.code == .icReplay)
        #expect(replay?.message.contains("system title 4D4D4D0000BC614E, global-unicast key") == true)
        // Another direction, key or title has its own counter.
        var other = counter
        other.direction = .clientToServer
        #expect(tracker.check(1, for: other, packet: 4) == nil)
        other.key = .kind(.globalBroadcast)
        #expect(tracker.check(1, for: other, packet: 5) == nil)
        other.systemTitle = nil
        #expect(tracker.check(1, for: other, packet: 6) == nil)
    }

    @Test func keyNamesReadAsBefore() {
        #expect(InvocationCounterTracker.Key.kind(.globalBroadcast).description == "global-broadcast")
        #expect(InvocationCounterTracker.Key.dedicated(association: 2, conversation: 7).description
            == "dedicated (association 2 of conversation 7)")
        #expect(InvocationCounterTracker.Key.hlsReply(.globalUnicast).description == "global-unicast (HLS reply)")
    }

    @Test func protectionBySideKeepsEachDirectionApart() {
        var sides = ProtectionBySide()
        #expect(sides[.clientToServer] == nil)
        sides[.clientToServer] = Protection(authenticated: true, encrypted: true)
        sides[.unknown] = Protection.none
        #expect(sides[.clientToServer] == Protection(authenticated: true, encrypted: true))
        #expect(sides[.serverToClient] == nil)
        #expect(sides[.unknown] == Protection.none)
        sides[.clientToServer] = nil
        #expect(sides[.clientToServer] == nil)
    }
}
