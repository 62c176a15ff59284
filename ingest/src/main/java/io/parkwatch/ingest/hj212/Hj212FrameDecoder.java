package io.parkwatch.ingest.hj212;

import io.parkwatch.rules.wire.Hj212Crc;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.ByteToMessageDecoder;
import java.util.List;

/**
 * Cuts the byte stream into HJ 212 frames: {@code ##}, four decimal digits giving the data segment's
 * length, the data segment, four hex digits of CRC, CR LF. Anything else is passed on as garbage with
 * the reason (so it is counted and kept), and decoding resumes at the next {@code ##}: one bad frame
 * never costs the logger the good ones after it.
 */
public final class Hj212FrameDecoder extends ByteToMessageDecoder {

    private static final int HEAD = 6; // ## + 4 digits
    private static final int TAIL = 6; // CRC + CRLF
    private final int maxSegment;

    public Hj212FrameDecoder(int maxSegment) {
        this.maxSegment = maxSegment;
    }

    @Override
    protected void decode(ChannelHandlerContext ctx, ByteBuf in, List<Object> out) {
        while (in.readableBytes() >= 2) {
            int start = indexOfHashes(in);
            if (start < 0) {
                // no frame start here; keep the last byte (it may be the first '#'), unless it piles up
                int junk = in.readableBytes() - 1;
                if (junk > maxSegment) {
                    out.add(Hj212Frame.garbage("no ## frame start in " + junk + " bytes", take(in, junk)));
                }
                return;
            }
            if (start > in.readerIndex()) {
                out.add(Hj212Frame.garbage("bytes before the ## frame start", take(in, start - in.readerIndex())));
                continue;
            }
            if (in.readableBytes() < HEAD) {
                return;
            }
            int length = digits(in, in.readerIndex() + 2);
            if (length < 0 || length > maxSegment) {
                String field = in.toString(in.readerIndex() + 2, 4, java.nio.charset.StandardCharsets.US_ASCII);
                out.add(Hj212Frame.garbage(length < 0 ? "length '" + field + "' is not four digits"
                        : "data segment length " + length + " is over the limit of " + maxSegment, take(in, 2)));
                continue;
            }
            int total = HEAD + length + TAIL;
            if (in.readableBytes() < total) {
                return; // wait for the rest (a logger that never sends it is closed by the idle timeout)
            }
            int end = in.readerIndex() + total;
            if (in.getByte(end - 2) != '\r' || in.getByte(end - 1) != '\n') {
                out.add(Hj212Frame.garbage("no CR LF after a data segment of " + length + " bytes and its CRC",
                        take(in, 2)));
                continue;
            }
            byte[] raw = ByteBufUtil.getBytes(in, in.readerIndex(), total);
            in.skipBytes(total);
            byte[] segment = java.util.Arrays.copyOfRange(raw, HEAD, HEAD + length);
            String crc = new String(raw, HEAD + length, 4, java.nio.charset.StandardCharsets.US_ASCII);
            boolean ok = crc.equalsIgnoreCase(Hj212Crc.hex(segment));
            out.add(Hj212Frame.of(segment, ok, raw));
        }
    }

    /** The connection ended in the middle of something: what is left is reported, not silently dropped. */
    @Override
    protected void decodeLast(ChannelHandlerContext ctx, ByteBuf in, List<Object> out) {
        decode(ctx, in, out);
        if (in.isReadable()) {
            out.add(Hj212Frame.garbage("connection closed inside a frame (" + in.readableBytes() + " bytes)",
                    take(in, in.readableBytes())));
        }
    }

    private static int indexOfHashes(ByteBuf in) {
        for (int i = in.readerIndex(); i < in.writerIndex() - 1; i++) {
            if (in.getByte(i) == '#' && in.getByte(i + 1) == '#') {
                return i;
            }
        }
        return -1;
    }

    private static int digits(ByteBuf in, int at) {
        int n = 0;
        for (int i = at; i < at + 4; i++) {
            byte b = in.getByte(i);
            if (b < '0' || b > '9') {
                return -1;
            }
            n = n * 10 + (b - '0');
        }
        return n;
    }

    private static byte[] take(ByteBuf in, int n) {
        byte[] b = new byte[n];
        in.readBytes(b);
        return b;
    }
}
