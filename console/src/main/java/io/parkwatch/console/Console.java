package io.parkwatch.console;

import io.parkwatch.console.board.AlertBoard;
import io.parkwatch.console.board.AlertFeed;
import io.parkwatch.console.http.ConsoleServer;

/** The console process: the alert feed from Kafka and the web server in front of it. */
public final class Console implements AutoCloseable {

    private final AlertBoard board;
    private final AlertFeed feed;
    private final ConsoleServer server;

    private Console(AlertBoard board, AlertFeed feed, ConsoleServer server) {
        this.board = board;
        this.feed = feed;
        this.server = server;
    }

    public static Console start(ConsoleConfig config, String kafkaBootstrap) throws InterruptedException {
        AlertBoard board = new AlertBoard();
        AlertFeed feed = new AlertFeed(kafkaBootstrap, board);
        try {
            return new Console(board, feed, new ConsoleServer(config, board).start());
        } catch (InterruptedException | RuntimeException e) {
            feed.close();
            throw e;
        }
    }

    public AlertBoard board() {
        return board;
    }

    public AlertFeed feed() {
        return feed;
    }

    public int port() {
        return server.port();
    }

    @Override
    public void close() {
        server.close();
        feed.close();
    }
}
