package io.parkwatch.console.http;

import static org.assertj.core.api.Assertions.assertThat;

import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.embedded.EmbeddedChannel;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.QueryStringDecoder;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class UnhandledFailureTest {

    /** What a handler that decodes the address does with {@code /api/%zz} (found by ConsoleApiFuzzTest). */
    static final class DecodesTheAddress extends ChannelInboundHandlerAdapter {
        @Override
        public void channelRead(ChannelHandlerContext ctx, Object msg) {
            new QueryStringDecoder((String) msg).path();
        }
    }

    @Test
    void anAddressThatDoesNotDecodeIsA400ThatSaysSoAndTheConnectionCloses() {
        EmbeddedChannel ch = new EmbeddedChannel(new DecodesTheAddress(), new UnhandledFailure());
        ch.writeInbound("/api/%zz");
        FullHttpResponse r = ch.readOutbound();
        assertThat(r.status().code()).isEqualTo(400);
        assertThat(r.content().toString(StandardCharsets.UTF_8)).contains("请求地址无法解析", "http.bad-query");
        assertThat(ch.isOpen()).isFalse();
        r.release();
    }

    @Test
    void anythingElseIsOurs500() {
        EmbeddedChannel ch = new EmbeddedChannel(new ChannelInboundHandlerAdapter() {
            @Override
            public void channelRead(ChannelHandlerContext ctx, Object msg) {
                throw new IllegalStateException("a bug");
            }
        }, new UnhandledFailure());
        ch.writeInbound("x");
        FullHttpResponse r = ch.readOutbound();
        assertThat(r.status().code()).isEqualTo(500);
        r.release();
    }
}
