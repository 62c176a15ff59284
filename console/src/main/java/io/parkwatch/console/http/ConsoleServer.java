package io.parkwatch.console.http;

import io.netty.bootstrap.ServerBootstrap;
import io.netty.util.concurrent.DefaultThreadFactory;
import io.netty.channel.Channel;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.WriteBufferWaterMark;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.nio.NioEventLoopGroup;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import io.netty.handler.codec.http.HttpObjectAggregator;
import io.netty.handler.codec.http.HttpServerCodec;
import io.netty.handler.codec.http.websocketx.WebSocketServerProtocolConfig;
import io.netty.handler.codec.http.websocketx.WebSocketServerProtocolHandler;
import io.parkwatch.console.ConsoleConfig;
import io.parkwatch.console.api.ConsoleApi;
import io.parkwatch.console.auth.Login;
import io.parkwatch.console.auth.SessionStore;
import io.parkwatch.console.board.AlertBoard;
import io.parkwatch.console.history.AlertHistory;
import io.netty.handler.timeout.IdleStateHandler;
import io.parkwatch.platform.net.RequestDeadline;
import java.net.InetSocketAddress;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The console's HTTP server: the page, login, the JSON API and the live WebSocket feed at {@code /ws},
 * one small handler each in the pipeline.
 */
public final class ConsoleServer implements AutoCloseable {

    private static final UnhandledFailure UNHANDLED = new UnhandledFailure();

    private static final Logger LOG = LoggerFactory.getLogger(ConsoleServer.class);

    private final ConsoleConfig config;
    private final AlertBoard board;
    private final java.util.function.Supplier<java.time.ZoneId> parkZone;
    private final AlertHistory history;
    private final ConsoleApi api;
    private final Login login;
    private final SessionStore sessions;
    private final LiveFeed feed;
    private final EventLoopGroup boss = new NioEventLoopGroup(1, new DefaultThreadFactory("console-accept"));
    private final EventLoopGroup workers = new NioEventLoopGroup(2, new DefaultThreadFactory("console-io"));
    /** Longest request body (JSON commands, logins): larger ones, chunked or not, get 413. */
    static final int MAX_BODY_BYTES = 64 * 1024;
    /** A connection silent this long (no request, no live message) is closed. */
    static final int IDLE_SECONDS = 120;
    /** A whole request must arrive within this after the connection opens or the previous answer. */
    static final long REQUEST_DEADLINE_MS = 15_000;

    /**
     * How much a connection may hold unsent (a board's live messages, mostly) before it counts as not keeping up:
     * the live feed then withholds its messages until it drains below the low mark ({@link LiveFeed}).
     */
    static final WriteBufferWaterMark WRITE_BUFFER = new WriteBufferWaterMark(256 * 1024, 1024 * 1024);

    private Channel server;

    /** @param parkZone the park's time zone now (times in the live feed's sentences are on its clock) */
    public ConsoleServer(ConsoleConfig config, AlertBoard board, AlertHistory history, ConsoleApi api, Login login,
            SessionStore sessions, java.util.function.Supplier<java.time.ZoneId> parkZone) {
        this.config = config;
        this.board = board;
        this.history = history;
        this.api = api;
        this.login = login;
        this.sessions = sessions;
        this.feed = new LiveFeed(board, history, sessions, parkZone);
        this.parkZone = parkZone;
    }

    private MobileLinkHandler mobileLinks;

    /** Serves the pages of signed links ({@code /m/...}) people get in their notifications. */
    public ConsoleServer mobileLinks(io.parkwatch.console.links.LinkSigner signer,
            io.parkwatch.console.park.RecentReadings readings, io.parkwatch.console.api.CommandSender commands,
            java.time.Clock clock, io.parkwatch.console.notify.TextSender codeSender) {
        this.mobileLinks = new MobileLinkHandler(signer, board, history, readings, commands, parkZone, clock,
                codeSender);
        return this;
    }

    private ProviderCallbackHandler callbacks;

    /** Takes SMS and voice providers' callbacks ({@code /callbacks/TOKEN/...}): answers by SMS reply and key press. */
    public ConsoleServer callbacks(String token, io.parkwatch.console.links.PhoneAnswers answers) {
        this.callbacks = new ProviderCallbackHandler(token, answers);
        return this;
    }

    public ConsoleServer start() throws InterruptedException {
        StaticContentHandler statics = new StaticContentHandler();
        LoginHandler logins = new LoginHandler(login, sessions);
        SessionGate gate = new SessionGate(sessions);
        ApiRouter router = new ApiRouter(api.routes());
        ServerBootstrap b = new ServerBootstrap().group(boss, workers).channel(NioServerSocketChannel.class)
                .childOption(ChannelOption.WRITE_BUFFER_WATER_MARK, WRITE_BUFFER)
                .childHandler(new ChannelInitializer<SocketChannel>() {
                    @Override
                    protected void initChannel(SocketChannel ch) {
                        // idle connections closed; each request complete within its time limit (slow clients
                        // cannot hold connections); bodies bounded, chunked ones included (413 beyond)
                        ch.pipeline()
                                .addLast(new IdleStateHandler(0, 0, IDLE_SECONDS, TimeUnit.SECONDS))
                                .addLast(new HttpServerCodec(4096, 8192, 8192))
                                .addLast(new RequestDeadline(REQUEST_DEADLINE_MS))
                                .addLast(new HttpObjectAggregator(MAX_BODY_BYTES))
                                .addLast(logins)
                                .addLast(gate)
                                .addLast(callbacks == null ? new io.netty.channel.ChannelInboundHandlerAdapter()
                                        : callbacks)
                                .addLast(mobileLinks == null ? new io.netty.channel.ChannelInboundHandlerAdapter()
                                        : mobileLinks)
                                .addLast(router) // before the WebSocket handlers: they take HTTP messages only
                                // "/ws?lang=.." too: the page asks for its language in the query
                                .addLast(new WebSocketServerProtocolHandler(WebSocketServerProtocolConfig.newBuilder()
                                        .websocketPath("/ws").allowExtensions(true).checkStartsWith(true).build()))
                                .addLast(new BoardSocketHandler(feed))
                                .addLast(statics)
                                .addLast(UNHANDLED);
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

    /** Tells the boards that may see the position that it went into flood ({@code true}) or out of it. */
    public void floodChanged(String enterprise, boolean inFlood) {
        feed.floodChanged(enterprise, inFlood);
    }

    /** How the live feed keeps up with the boards connected now. */
    public LiveFeedHealth liveFeed() {
        return feed.health();
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
        login.close();
        if (mobileLinks != null) {
            mobileLinks.close();
        }
        workers.shutdownGracefully(0, 5, TimeUnit.SECONDS).syncUninterruptibly();
        boss.shutdownGracefully(0, 5, TimeUnit.SECONDS).syncUninterruptibly();
        LOG.info("console stopped");
    }
}
