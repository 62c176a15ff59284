package io.parkwatch.console.http;

import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpRequest;
import io.netty.handler.codec.http.QueryStringDecoder;
import io.parkwatch.console.auth.ConsoleUser;
import io.parkwatch.rules.text.Catalogue;
import java.util.List;
import java.util.Locale;

/**
 * The language of one reader of one answer: the {@code lang} parameter (the page sends the language its user chose),
 * else the {@code language:} of the user's entry, else the browser's {@code Accept-Language}, else Chinese.
 */
final class ReaderLanguage {

    private ReaderLanguage() {
    }

    static Catalogue of(HttpRequest req, ConsoleUser user) {
        List<String> lang;
        try {
            lang = new QueryStringDecoder(req.uri()).parameters().get("lang");
        } catch (IllegalArgumentException e) {
            lang = null; // an address that does not decode: its refusal is answered in the reader's other language
        }
        if (lang != null && !lang.isEmpty() && !lang.get(0).isBlank()) {
            return Catalogue.of(Locale.forLanguageTag(lang.get(0).trim()));
        }
        if (user != null && user.language() != null) {
            return Catalogue.of(user.language());
        }
        String accept = req.headers().get(HttpHeaderNames.ACCEPT_LANGUAGE);
        if (accept != null && accept.length() < 512) {
            try {
                List<Locale.LanguageRange> ranges = Locale.LanguageRange.parse(accept);
                Locale best = Locale.lookup(ranges, Catalogue.LANGUAGES.stream()
                        .flatMap(l -> java.util.stream.Stream.of(l, Locale.forLanguageTag(l.getLanguage()))).toList());
                if (best != null) {
                    return Catalogue.of(best);
                }
            } catch (IllegalArgumentException e) {
                // a malformed header: the default
            }
        }
        return Catalogue.of(Catalogue.DEFAULT);
    }
}
