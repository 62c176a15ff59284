package io.parkwatch.ingest.hj212;

import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import java.io.ByteArrayOutputStream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Junk at the HJ 212 port costs the sender, not the park: consecutive pieces of garbage the frame decoder
 * reports (a run of junk, however it is cut up) become one refusal, kept with at most {@code maxRawBytes} of
 * its bytes; after {@code maxRuns} runs of junk, or {@code maxJunkBytes} bytes of it, on one connection
 * it is closed (a fast sender's junk arrives in few large reads, so runs alone would not stop it). A good
 * frame in between starts the counts again, so a logger with a noisy line keeps working.
 */
final class Hj212JunkLimit extends ChannelInboundHandlerAdapter {

    private static final Logger LOG = LoggerFactory.getLogger(Hj212JunkLimit.class);

    private final int maxRuns;
    private final int maxRawBytes;
    private final long maxJunkBytes;
    private long junkBytes;
    private final ByteArrayOutputStream run = new ByteArrayOutputStream();
    private String firstProblem;
    private int pieces;
    private long runBytes;
    private int runs;

    Hj212JunkLimit(int maxRuns, int maxRawBytes, long maxJunkBytes) {
        this.maxRuns = maxRuns;
        this.maxRawBytes = maxRawBytes;
        this.maxJunkBytes = maxJunkBytes;
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
        Hj212Frame f = (Hj212Frame) msg;
        if (f.isFrame()) {
            flush(ctx);
            runs = 0;
            junkBytes = 0;
            ctx.fireChannelRead(f);
            return;
        }
        if (pieces == 0) {
            firstProblem = f.problem();
        }
        pieces++;
        runBytes += f.raw().length;
        junkBytes += f.raw().length;
        run.write(f.raw(), 0, Math.min(f.raw().length, Math.max(0, maxRawBytes - run.size())));
        if (junkBytes > maxJunkBytes && runs < maxRuns) {
            runs = maxRuns - 1; // this run is the last: recorded, then the connection closes
            flush(ctx);
        }
    }

    @Override
    public void channelReadComplete(ChannelHandlerContext ctx) {
        flush(ctx); // a run ends with what the peer sent in one go
        ctx.fireChannelReadComplete();
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) throws Exception {
        flush(ctx);
        super.channelInactive(ctx);
    }

    private void flush(ChannelHandlerContext ctx) {
        if (pieces == 0) {
            return;
        }
        String problem = pieces == 1 ? firstProblem
                : firstProblem + " (and " + (pieces - 1) + " more pieces of garbage, " + runBytes + " bytes in all)";
        byte[] raw = run.toByteArray();
        pieces = 0;
        runBytes = 0;
        run.reset();
        if (++runs > maxRuns) {
            return; // already closing: nothing more is recorded
        }
        ctx.fireChannelRead(Hj212Frame.garbage(problem, raw));
        if (runs == maxRuns) {
            LOG.warn("{}: garbage without a good frame ({} runs, {} bytes), closing", ctx.channel().remoteAddress(),
                    runs, junkBytes);
            ctx.close();
        }
    }
}
