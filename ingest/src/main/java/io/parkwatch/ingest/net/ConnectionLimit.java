package io.parkwatch.ingest.net;

import io.netty.channel.ChannelHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * At most {@code max} connections from one source address: a misbehaving logger or a flood from one
 * host cannot use up the gateway. The connection over the limit is closed at once (and counted).
 */
@ChannelHandler.Sharable
public final class ConnectionLimit extends ChannelInboundHandlerAdapter {

    private static final Logger LOG = LoggerFactory.getLogger(ConnectionLimit.class);

    private final int max;
    private final Consumer<String> onRefused;
    private final Map<InetAddress, AtomicInteger> open = new ConcurrentHashMap<>();

    public ConnectionLimit(int max, Consumer<String> onRefused) {
        this.max = max;
        this.onRefused = onRefused;
    }

    @Override
    public void channelActive(ChannelHandlerContext ctx) throws Exception {
        InetAddress from = ((InetSocketAddress) ctx.channel().remoteAddress()).getAddress();
        int n = open.computeIfAbsent(from, k -> new AtomicInteger()).incrementAndGet();
        ctx.channel().closeFuture().addListener(f -> open.computeIfPresent(from,
                (k, c) -> c.decrementAndGet() <= 0 ? null : c));
        if (n > max) {
            LOG.warn("{}: {} connections from this address, the limit is {}: closing the new one", from, n, max);
            onRefused.accept(from.getHostAddress());
            ctx.close();
            return;
        }
        super.channelActive(ctx);
    }
}
