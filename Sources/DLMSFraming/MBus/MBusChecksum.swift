/// The M-Bus frame checksum (EN 13757-2 §5.4, from IEC 60870-5-2 FT 1.2): the
/// arithmetic sum, modulo 256, of the bytes from the C field to the end of the
/// user data (C, A, CI and data of a long frame; C and A of a short frame).
public enum MBusChecksum {
    public static func compute<C: Collection>(_ bytes: C) -> UInt8 where C.Element == UInt8 {
        bytes.reduce(0, &+)
    }
}
