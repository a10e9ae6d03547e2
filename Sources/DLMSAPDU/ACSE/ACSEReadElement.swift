/// One element of an ACSE APDU as the tolerant reader found it.
struct ACSEReadElement {
    var header: BERHeader
    /// The content (absolute indices). For the user-information, the bytes up
    /// to where its xDLMS APDU really ends.
    var content: ArraySlice<UInt8>
    /// How the element's own length was written.
    var length: BERLengthRecord
    /// For a user-information whose content is an OCTET STRING: what it holds,
    /// the OCTET STRING's length form, and bytes after the xDLMS APDU.
    var userInformation: (value: UserInformation, length: BERLengthRecord, padding: [UInt8])?
}
