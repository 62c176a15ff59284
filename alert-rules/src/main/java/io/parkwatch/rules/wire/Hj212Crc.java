package io.parkwatch.rules.wire;

/**
 * HJ 212-2017 framing shared by the gateway (which checks it) and the simulator (which sends it).
 * The HJ 212-2017 check sum over the data segment: a CRC-16 with the reflected polynomial 0xA001,
 * but shifting the register right by 8 before each byte (not CRC-16/MODBUS). Sent as four hex digits.
 */
public final class Hj212Crc {

    private Hj212Crc() {
    }

    public static int of(byte[] data, int from, int length) {
        int crc = 0xFFFF;
        for (int i = from; i < from + length; i++) {
            crc = (crc >> 8) ^ (data[i] & 0xFF);
            for (int bit = 0; bit < 8; bit++) {
                boolean lsb = (crc & 1) != 0;
                crc >>= 1;
                if (lsb) {
                    crc ^= 0xA001;
                }
            }
        }
        return crc & 0xFFFF;
    }

    public static String hex(byte[] data) {
        return String.format("%04X", of(data, 0, data.length));
    }

    /** A whole frame: {@code ##} + 4-digit length + data segment + CRC + CR LF. */
    public static byte[] frame(String segment) {
        byte[] data = segment.getBytes(java.nio.charset.StandardCharsets.US_ASCII);
        return ("##" + String.format("%04d", data.length) + segment + hex(data) + "\r\n")
                .getBytes(java.nio.charset.StandardCharsets.US_ASCII);
    }
}
