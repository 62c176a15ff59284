package io.parkwatch.ingest.fuzz;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import io.netty.buffer.Unpooled;
import io.netty.channel.embedded.EmbeddedChannel;
import io.parkwatch.ingest.hj212.Hj212Decoding;
import io.parkwatch.ingest.hj212.Hj212Exception;
import io.parkwatch.ingest.hj212.Hj212Frame;
import io.parkwatch.ingest.hj212.Hj212FrameDecoder;
import io.parkwatch.ingest.hj212.Hj212Logger;
import io.parkwatch.ingest.hj212.Hj212Packet;
import java.time.ZoneId;
import java.util.Map;

/**
 * Bytes from a data logger nobody here wrote, through the HJ 212 frame decoder, the packet parser and the decoding
 * into readings. A finding is any exception but the documented refusal ({@link Hj212Exception}), a hang, or memory
 * without bound; garbage comes out as garbage frames with a reason, never as an exception. Regression mode (every
 * build) replays the inputs kept under Hj212FuzzTestInputs; {@code JAZZER_FUZZ=1} fuzzes (docs/fuzzing.md).
 */
class Hj212FuzzTest {

    static final Hj212Logger LOGGER = new Hj212Logger("XY01", "ent-x", "$2a$04$x",
            Map.of("a21028", "H2S-1", "a01001", "TT-1", "a21005", "CO-1"));
    static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");

    @FuzzTest(maxDuration = "20s")
    void framesPacketsAndDecoding(byte[] bytes) {
        EmbeddedChannel channel = new EmbeddedChannel(new Hj212FrameDecoder(1024));
        // the bytes as a logger's TCP stream would bring them: in two pieces, split where the input says
        int cut = bytes.length == 0 ? 0 : (bytes[0] & 0xff) % (bytes.length + 1);
        channel.writeInbound(Unpooled.wrappedBuffer(bytes, 0, cut));
        channel.writeInbound(Unpooled.wrappedBuffer(bytes, cut, bytes.length - cut));
        channel.checkException();
        Object out;
        while ((out = channel.readInbound()) != null) {
            Hj212Frame frame = (Hj212Frame) out;
            if (!frame.isFrame()) {
                assertThat(frame.problem()).isNotBlank();
                continue;
            }
            try {
                Hj212Packet packet = Hj212Packet.parse(frame.segmentText());
                Hj212Decoding.Decoded d = Hj212Decoding.decode(packet, LOGGER, CHINA, 1_800_000_000_000L);
                d.refusals().forEach(r -> assertThat(r.reason()).isNotNull());
            } catch (Hj212Exception refused) {
                // the handler answers the logger with the refusal and records the frame on the rejected topic
                assertThat(refused.getMessage()).isNotBlank();
            }
        }
        channel.finishAndReleaseAll();
    }

    /** The same target for Jazzer's own driver (bench/fuzz.sh: a number of runs, not a time). */
    public static void fuzzerTestOneInput(byte[] input) {
        new Hj212FuzzTest().framesPacketsAndDecoding(input);
    }
}
