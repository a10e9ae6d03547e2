import DLMSAPDU
import Testing

/// Class, attribute and method names against research/spec-notes.md §7 and §4.5.
@Suite struct COSEMInterfaceClassTests {
    @Test func namesTheClasses() {
        #expect(InterfaceClass.name(of: 1) == "Data")
        #expect(InterfaceClass.name(of: 3) == "Register")
        #expect(InterfaceClass.name(of: 7) == "Profile generic")
        #expect(InterfaceClass.name(of: 8) == "Clock")
        #expect(InterfaceClass.name(of: 15) == "Association LN")
        #expect(InterfaceClass.name(of: 12) == "Association SN")
        #expect(InterfaceClass.name(of: 40) == "Push setup")
        #expect(InterfaceClass.name(of: 64) == "Security setup")
        #expect(InterfaceClass.name(of: 70) == "Disconnect control")
        #expect(InterfaceClass.name(of: 72) == "M-Bus client")
        #expect(InterfaceClass.name(of: 2) == nil)
        #expect(InterfaceClass.name(of: 9999) == nil)
        #expect(InterfaceClass(id: 9999).description == "class 9999")
    }

    @Test func knowsEveryClassOfTheNotes() {
        let table: [UInt16] = [
            1, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 15, 17, 18, 19, 20, 21, 22, 23, 24, 26, 27, 28, 29, 40, 41, 42, 43,
            44, 45, 46, 47, 48, 61, 62, 63, 64, 70, 71, 72,
        ]
        let seenInTheField: [UInt16] = [
            25, 30, 50, 51, 52, 53, 55, 56, 65, 68, 73, 74, 80, 81, 82, 83, 84, 85, 86, 90, 91, 92, 100, 101, 102,
            103, 104, 111, 112, 113, 115, 122, 123, 124, 151,
        ]  // the notes' range 50-56 (S-FSK PLC) has no class 54
        for id in table + seenInTheField {
            #expect(InterfaceClass(id: id).isKnown, "class \(id)")
        }
    }

    @Test func attributeOneIsAlwaysLogicalName() {
        for id: UInt16 in [1, 3, 7, 8, 15, 64, 9999] {
            #expect(InterfaceClass.attributeName(classID: id, attribute: 1) == "logical_name")
        }
        #expect(InterfaceClass.attributeName(classID: 3, attribute: 0) == nil)
    }

    @Test func namesAttributes() {
        #expect(InterfaceClass.attributeName(classID: 1, attribute: 2) == "value")
        #expect(InterfaceClass.attributeName(classID: 3, attribute: 3) == "scaler_unit")
        #expect(InterfaceClass.attributeName(classID: 4, attribute: 5) == "capture_time")
        #expect(InterfaceClass.attributeName(classID: 5, attribute: 9) == "number_of_periods")
        #expect(InterfaceClass.attributeName(classID: 7, attribute: 2) == "buffer")
        #expect(InterfaceClass.attributeName(classID: 7, attribute: 3) == "capture_objects")
        #expect(InterfaceClass.attributeName(classID: 7, attribute: 8) == "profile_entries")
        #expect(InterfaceClass.attributeName(classID: 7, attribute: 9) == nil)
        #expect(InterfaceClass.attributeName(classID: 8, attribute: 2) == "time")
        #expect(InterfaceClass.attributeName(classID: 8, attribute: 9) == "clock_base")
        #expect(InterfaceClass.attributeName(classID: 15, attribute: 2) == "object_list")
        #expect(InterfaceClass.attributeName(classID: 15, attribute: 6) == "authentication_mechanism_name")
        #expect(InterfaceClass.attributeName(classID: 15, attribute: 11) == "current_user")
        #expect(InterfaceClass.attributeName(classID: 18, attribute: 7) == "image_to_activate_info")
        #expect(InterfaceClass.attributeName(classID: 23, attribute: 9) == "device_address")
        #expect(InterfaceClass.attributeName(classID: 40, attribute: 2) == "push_object_list")
        #expect(InterfaceClass.attributeName(classID: 40, attribute: 7) == "repetition_delay")
        #expect(InterfaceClass.attributeName(classID: 64, attribute: 2) == "security_policy")
        #expect(InterfaceClass.attributeName(classID: 64, attribute: 6) == "certificates")
        #expect(InterfaceClass.attributeName(classID: 70, attribute: 4) == "control_mode")
        #expect(InterfaceClass.attributeName(classID: 72, attribute: 14) == "encryption_key_status")
        #expect(InterfaceClass(id: 3).attributeCount == 3)
    }

    @Test func namesMethods() {
        #expect(InterfaceClass.methodName(classID: 3, method: 1) == "reset")
        #expect(InterfaceClass.methodName(classID: 5, method: 2) == "next_period")
        #expect(InterfaceClass.methodName(classID: 7, method: 2) == "capture")
        #expect(InterfaceClass.methodName(classID: 8, method: 6) == "shift_time")
        #expect(InterfaceClass.methodName(classID: 9, method: 1) == "execute")
        #expect(InterfaceClass.methodName(classID: 15, method: 1) == "reply_to_HLS_authentication")
        #expect(InterfaceClass.methodName(classID: 15, method: 2) == "change_HLS_secret")
        #expect(InterfaceClass.methodName(classID: 15, method: 6) == "remove_user")
        #expect(InterfaceClass.methodName(classID: 15, method: 7) == nil)
        #expect(InterfaceClass.methodName(classID: 18, method: 1) == "image_transfer_initiate")
        #expect(InterfaceClass.methodName(classID: 18, method: 4) == "image_activate")
        #expect(InterfaceClass.methodName(classID: 20, method: 1) == "activate_passive_calendar")
        #expect(InterfaceClass.methodName(classID: 40, method: 1) == "push")
        #expect(InterfaceClass.methodName(classID: 64, method: 1) == "security_activate")
        #expect(InterfaceClass.methodName(classID: 64, method: 2) == "key_transfer")
        #expect(InterfaceClass.methodName(classID: 64, method: 8) == "remove_certificate")
        #expect(InterfaceClass.methodName(classID: 70, method: 1) == "remote_disconnect")
        #expect(InterfaceClass.methodName(classID: 70, method: 2) == "remote_reconnect")
        #expect(InterfaceClass.methodName(classID: 72, method: 8) == "transfer_key")
        #expect(InterfaceClass.methodName(classID: 1, method: 1) == nil)
        #expect(InterfaceClass.methodName(classID: 3, method: 0) == nil)
        #expect(InterfaceClass.methodName(classID: 12, method: 1) == nil)
    }

    @Test func namesEnumValuesOfWellKnownAttributes() {
        #expect(InterfaceClass.enumValueName(classID: 70, attribute: 3, value: 0) == "disconnected")
        #expect(InterfaceClass.enumValueName(classID: 70, attribute: 3, value: 1) == "connected")
        #expect(InterfaceClass.enumValueName(classID: 70, attribute: 3, value: 2) == "ready_for_reconnection")
        #expect(InterfaceClass.enumValueName(classID: 15, attribute: 8, value: 2) == "associated")
        #expect(InterfaceClass.enumValueName(classID: 18, attribute: 6, value: 6) == "image activation successful")
        #expect(InterfaceClass.enumValueName(classID: 7, attribute: 5, value: 1) == "fifo")
        #expect(InterfaceClass.enumValueName(classID: 64, attribute: 3, value: 0) == "AES-GCM-128")
        #expect(InterfaceClass.enumValueName(classID: 70, attribute: 3, value: 3) == nil)
        #expect(InterfaceClass.enumValueName(classID: 3, attribute: 2, value: 0) == nil)
    }
}
