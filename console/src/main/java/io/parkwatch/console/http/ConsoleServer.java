package io.parkwatch.console.http;

import io.netty.bootstrap.ServerBootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.nio.NioEventLoopGroup;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import io.netty.handler.codec.http.HttpObjectAggregator;
import io.netty.handler.codec.http.HttpServerCodec;
import io.netty.handler.codec.http.websocketx.WebSocketServerProtocolHandler;
import io.parkwatch.console.ConsoleConfig;
import io.parkwatch.console.api.ConsoleApi;
import io.parkwatch.console.auth.Login;
import io.parkwatch.console.auth.SessionStore;
import io.parkwatch.console.board.AlertBoard;
import io.parkwatch.console.history.AlertHistory;
import java.net.InetSocketAddress;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The console's HTTP server: the page, login, the JSON API and the live WebSocket feed at {@code /ws},
 * one small handler each in the pipeline.
 */
public final class ConsoleServer implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(ConsoleServer.class);

    private final ConsoleConfig config;
    private final AlertBoard board;
    private final AlertHistory history;
    private final ConsoleApi api;
    private final Login login;
    private final SessionStore sessions;
    private final LiveFeed feed;
    private final EventLoopGroup boss = new NioEventLoopGroup(1);
    private final EventLoopGroup workers = new NioEventLoopGroup(2);
    private final ExecutorService passwordChecks = Executors.newFixedThreadPool(2, r -> {
        Thread t = new Thread(r, "console-password-check");
        t.setDaemon(true);
        return t;
    });
    private Channel server;

    public ConsoleServer(ConsoleConfig config, AlertBoard board, AlertHistory history, ConsoleApi api, Login login,
            SessionStore sessions) {
        this.config = config;
        this.board = board;
        this.history = history;
        this.api = api;
        this.login = login;
        this.sessions = sessions;
        this.feed = new LiveFeed(board, sessions);
    }

    public ConsoleServer start() throws InterruptedException {
        StaticContentHandler statics = new StaticContentHandler();
        LoginHandler logins = new LoginHandler(login, sessions, passwordChecks);
        SessionGate gate = new SessionGate(sessions);
        ApiRouter router = new ApiRouter(api.routes());
        ServerBootstrap b = new ServerBootstrap().group(boss, workers).channel(NioServerSocketChannel.class)
                .childHandler(new ChannelInitializer<SocketChannel>() {
                    @Override
                    protected void initChannel(SocketChannel ch) {
                        ch.pipeline()
                                .addLast(new HttpServerCodec())
                                .addLast(new HttpObjectAggregator(64 * 1024))
                                .addLast(logins)
                                .addLast(gate)
                                .addLast(router) // before the WebSocket handlers: they take HTTP messages only
                                .addLast(new WebSocketServerProtocolHandler("/ws", null, true))
                                .addLast(new BoardSocketHandler(feed))
                                .addLast(statics);
                    }
                });
        server = b.bind(config.bindHost(), config.httpPort()).sync().channel();
        board.onChange(feed::alertChanged);
        history.onEvent(feed::eventArrived);
        workers.scheduleAtFixedRate(feed::sweep, 15, 15, TimeUnit.SECONDS);
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
        feed.close();
        passwordChecks.shutdownNow();
        workers.shutdownGracefully(0, 5, TimeUnit.SECONDS).syncUninterruptibly();
        boss.shutdownGracefully(0, 5, TimeUnit.SECONDS).syncUninterruptibly();
        LOG.info("console stopped");
    }
}
