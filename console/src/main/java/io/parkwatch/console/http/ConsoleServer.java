package io.parkwatch.console.http;

import io.netty.bootstrap.ServerBootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.group.ChannelGroup;
import io.netty.channel.group.DefaultChannelGroup;
import io.netty.channel.nio.NioEventLoopGroup;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import io.netty.handler.codec.http.HttpObjectAggregator;
import io.netty.handler.codec.http.HttpServerCodec;
import io.netty.handler.codec.http.websocketx.WebSocketServerProtocolHandler;
import io.netty.util.concurrent.GlobalEventExecutor;
import io.parkwatch.console.ConsoleConfig;
import io.parkwatch.console.board.AlertBoard;
import io.parkwatch.console.board.AlertView;
import java.net.InetSocketAddress;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The console's HTTP server: the board page, the JSON API and the live WebSocket feed at {@code /ws}. */
public final class ConsoleServer implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(ConsoleServer.class);

    private final ConsoleConfig config;
    private final AlertBoard board;
    private final EventLoopGroup boss = new NioEventLoopGroup(1);
    private final EventLoopGroup workers = new NioEventLoopGroup(2);
    private final ChannelGroup clients = new DefaultChannelGroup("board-clients", GlobalEventExecutor.INSTANCE);
    private Channel server;

    public ConsoleServer(ConsoleConfig config, AlertBoard board) {
        this.config = config;
        this.board = board;
    }

    public ConsoleServer start() throws InterruptedException {
        StaticContentHandler statics = new StaticContentHandler();
        ServerBootstrap b = new ServerBootstrap().group(boss, workers).channel(NioServerSocketChannel.class)
                .childHandler(new ChannelInitializer<SocketChannel>() {
                    @Override
                    protected void initChannel(SocketChannel ch) {
                        ch.pipeline()
                                .addLast(new HttpServerCodec())
                                .addLast(new HttpObjectAggregator(64 * 1024))
                                .addLast(new WebSocketServerProtocolHandler("/ws", null, true))
                                .addLast(new BoardSocketHandler(board, clients))
                                .addLast(new ApiHandler(board))
                                .addLast(statics);
                    }
                });
        server = b.bind(config.bindHost(), config.httpPort()).sync().channel();
        board.onChange(a -> clients.writeAndFlush(BoardSocketHandler.update(AlertView.of(a))));
        LOG.info("console listening on http://{}:{}/", "0.0.0.0".equals(config.bindHost()) ? "localhost"
                : config.bindHost(), port());
        return this;
    }

    public int port() {
        return ((InetSocketAddress) server.localAddress()).getPort();
    }

    @Override
    public void close() {
        if (server != null) {
            server.close().syncUninterruptibly();
        }
        clients.close().awaitUninterruptibly(5, TimeUnit.SECONDS);
        workers.shutdownGracefully(0, 5, TimeUnit.SECONDS).syncUninterruptibly();
        boss.shutdownGracefully(0, 5, TimeUnit.SECONDS).syncUninterruptibly();
        LOG.info("console stopped");
    }
}
