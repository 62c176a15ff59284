package io.parkwatch.ingest.hj212;

import io.parkwatch.rules.wire.Hj212Crc;

/** Building frames: {@code ##} + 4-digit length + data segment + CRC + CRLF. */
public final class Hj212Frames {

    private Hj212Frames() {
    }

    public static byte[] frame(String segment) {
        return Hj212Crc.frame(segment);
    }

    /** The data answer (CN 9014) to a data upload. */
    public static byte[] dataAnswer(Hj212Packet to) {
        return frame("QN=" + to.qn() + ";ST=91;CN=9014;PW=" + to.pw() + ";MN=" + to.mn() + ";Flag=4;CP=&&&&");
    }

    /**
     * The request answer (CN 9011) with a result code: 1 ready, 2 refused, 3 PW error, 4 MN error,
     * 7 QN error, 8 CN error, 9 CRC error, 100 unknown.
     */
    public static byte[] requestAnswer(String qn, String pw, String mn, int qnRtn) {
        return frame("QN=" + qn + ";ST=91;CN=9011;PW=" + pw + ";MN=" + mn + ";Flag=4;CP=&&QnRtn=" + qnRtn + "&&");
    }
}
