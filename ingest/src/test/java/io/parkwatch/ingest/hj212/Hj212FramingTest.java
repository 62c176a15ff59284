package io.parkwatch.ingest.hj212;

import io.parkwatch.rules.wire.Hj212Crc;

import static org.assertj.core.api.Assertions.assertThat;

import io.netty.buffer.Unpooled;
import io.netty.channel.embedded.EmbeddedChannel;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Golden packets and broken ones through the CRC and the frame decoder. */
class Hj212FramingTest {

    static final String STANDARD_EXAMPLE =
            "QN=20160801085857223;ST=32;CN=1062;PW=100000;MN=010000A8900016F000169DC0;Flag=5;CP=&&RtdInterval=30&&";

    @Test
    void theStandardsOwnExampleHasCrc1C80() {
        byte[] data = STANDARD_EXAMPLE.getBytes(StandardCharsets.US_ASCII);
        assertThat(data).hasSize(101);
        assertThat(Hj212Crc.hex(data)).isEqualTo("1C80");
        assertThat(new String(Hj212Frames.frame(STANDARD_EXAMPLE), StandardCharsets.US_ASCII))
                .isEqualTo("##0101" + STANDARD_EXAMPLE + "1C80\r\n");
    }

    static List<Hj212Frame> decode(byte[]... chunks) {
        EmbeddedChannel ch = new EmbeddedChannel(new Hj212FrameDecoder(1024));
        for (byte[] c : chunks) {
            ch.writeInbound(Unpooled.wrappedBuffer(c));
        }
        List<Hj212Frame> out = new ArrayList<>();
        for (Object o; (o = ch.readInbound()) != null; ) {
            out.add((Hj212Frame) o);
        }
        return out;
    }

    static byte[] ascii(String s) {
        return s.getBytes(StandardCharsets.US_ASCII);
    }

    @Test
    void aFrameArrivingInPiecesIsOneFrameWithItsCrcChecked() {
        byte[] f = Hj212Frames.frame(STANDARD_EXAMPLE);
        List<Hj212Frame> frames = decode(java.util.Arrays.copyOfRange(f, 0, 3), java.util.Arrays.copyOfRange(f, 3, 50),
                java.util.Arrays.copyOfRange(f, 50, f.length));
        assertThat(frames).hasSize(1);
        assertThat(frames.get(0).isFrame()).isTrue();
        assertThat(frames.get(0).crcOk()).isTrue();
        assertThat(frames.get(0).segmentText()).isEqualTo(STANDARD_EXAMPLE);
        // lower-case hex is accepted as well
        assertThat(decode(ascii("##0101" + STANDARD_EXAMPLE + "1c80\r\n")).get(0).crcOk()).isTrue();
    }

    @Test
    void brokenInputIsReportedAndTheNextGoodFrameStillDecodes() {
        String good = new String(Hj212Frames.frame(STANDARD_EXAMPLE), StandardCharsets.US_ASCII);
        List<Hj212Frame> frames = decode(ascii("hello" + good + "##01x1abc" + good
                + "##0101" + STANDARD_EXAMPLE + "0000\r\n"                    // wrong CRC
                + "##0005QN=1;" + "1C80xx" + good));                          // no CR LF where it belongs
        assertThat(frames).extracting(Hj212Frame::isFrame, Hj212Frame::crcOk).containsExactly(
                org.assertj.core.groups.Tuple.tuple(false, false),   // "hello"
                org.assertj.core.groups.Tuple.tuple(true, true),
                org.assertj.core.groups.Tuple.tuple(false, false),   // "##01x1": bad length
                org.assertj.core.groups.Tuple.tuple(false, false),   // "01x1abc" up to the next ##
                org.assertj.core.groups.Tuple.tuple(true, true),
                org.assertj.core.groups.Tuple.tuple(true, false),    // bad CRC: a frame, refused later
                org.assertj.core.groups.Tuple.tuple(false, false),   // no CR LF
                org.assertj.core.groups.Tuple.tuple(false, false),   // its remains
                org.assertj.core.groups.Tuple.tuple(true, true));
        assertThat(frames.get(0).problem()).contains("before the ## frame start");
        assertThat(frames.get(2).problem()).contains("is not four digits");
        assertThat(frames.get(5).problem()).contains("CRC");
        assertThat(frames.get(6).problem()).contains("no CR LF");
    }

    @Test
    void anOversizedLengthOrEndlessJunkDoesNotMakeTheDecoderBuffer() {
        assertThat(decode(ascii("##9999")).get(0).problem()).contains("over the limit of 1024");
        byte[] junk = new byte[5000];
        java.util.Arrays.fill(junk, (byte) 'x');
        List<Hj212Frame> frames = decode(junk);
        assertThat(frames).hasSize(1);
        assertThat(frames.get(0).raw().length).isEqualTo(4999); // the last byte waits: it could start a ##
    }

    @Test
    void aPacketsHeaderAndValuesAreRead() {
        Hj212Packet p = Hj212Packet.parse("QN=20260801085857223;ST=22;CN=2011;PW=123456;MN=XY01;Flag=5;"
                + "CP=&&DataTime=20260801085800;a21028-Rtd=1.25,a21028-Flag=N;a01001-Rtd=35.2,a01001-Flag=D&&");
        assertThat(p.cn()).isEqualTo("2011");
        assertThat(p.mn()).isEqualTo("XY01");
        assertThat(p.wantsAnswer()).isTrue();
        assertThat(p.isSplit()).isFalse();
        assertThat(p.cpGroups()).hasSize(3);
        assertThat(p.cpGroups().get(1)).containsEntry("a21028-Rtd", "1.25").containsEntry("a21028-Flag", "N");
        assertThat(new String(Hj212Frames.dataAnswer(p), StandardCharsets.US_ASCII))
                .startsWith("##").contains("QN=20260801085857223;ST=91;CN=9014;PW=123456;MN=XY01;Flag=4;CP=&&&&")
                .endsWith("\r\n");
    }
}
