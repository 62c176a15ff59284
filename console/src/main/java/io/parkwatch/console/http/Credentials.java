package io.parkwatch.console.http;

import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpRequest;
import io.netty.handler.codec.http.cookie.Cookie;
import io.netty.handler.codec.http.cookie.DefaultCookie;
import io.netty.handler.codec.http.cookie.ServerCookieDecoder;
import io.netty.handler.codec.http.cookie.ServerCookieEncoder;
import io.netty.util.AttributeKey;
import io.parkwatch.rules.text.Catalogue;
import io.parkwatch.console.auth.Session;
import java.time.Duration;

/** Where a request carries its session token: the page's cookie, or an integrator's bearer header. */
final class Credentials {

    static final String COOKIE = "pw_session";
    /** The session of a WebSocket connection, checked again before every message sent on it. */
    static final AttributeKey<Session> SESSION = AttributeKey.valueOf("parkwatch.session");
    /** The language the live feed's reader chose when the socket opened. */
    static final AttributeKey<Catalogue> LANGUAGE = AttributeKey.valueOf("parkwatch.language");

    private Credentials() {
    }

    static String token(HttpRequest req) {
        String auth = req.headers().get(HttpHeaderNames.AUTHORIZATION);
        if (auth != null && auth.regionMatches(true, 0, "Bearer ", 0, 7)) {
            return auth.substring(7).trim();
        }
        String header = req.headers().get(HttpHeaderNames.COOKIE);
        if (header == null) {
            return null;
        }
        for (Cookie c : ServerCookieDecoder.STRICT.decode(header)) {
            if (COOKIE.equals(c.name())) {
                return c.value();
            }
        }
        return null;
    }

    /** HttpOnly (scripts cannot steal it) and SameSite=Strict (other sites cannot ride on it). */
    static String cookie(String token, Duration maxAge) {
        DefaultCookie c = new DefaultCookie(COOKIE, token);
        c.setHttpOnly(true);
        c.setPath("/");
        c.setMaxAge(maxAge.toSeconds());
        c.setSameSite(io.netty.handler.codec.http.cookie.CookieHeaderNames.SameSite.Strict);
        return ServerCookieEncoder.STRICT.encode(c);
    }

    static String expiredCookie() {
        return cookie("", Duration.ZERO);
    }
}
