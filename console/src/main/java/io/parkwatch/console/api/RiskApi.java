package io.parkwatch.console.api;

import io.parkwatch.console.auth.ConsoleUser;
import io.parkwatch.console.feed.FeedMessages;
import io.parkwatch.console.park.ParkConfiguration;
import io.parkwatch.console.risk.RiskStore;
import io.parkwatch.rules.config.Enterprise;
import io.parkwatch.rules.risk.RiskAssessment;
import io.parkwatch.rules.risk.RiskLevel;
import io.parkwatch.rules.risk.RiskWarning;
import io.parkwatch.rules.text.Catalogue;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/**
 * The live four-colour risk: {@code GET /api/risk} gives each enterprise the caller sees with its colour, score and
 * reasons, and the park's (its reasons, which name other enterprises, for the park's officers only), with the latest
 * risk warnings (风险预警) the caller may see.
 */
public final class RiskApi {

    private final RiskStore risk;
    private final ParkConfiguration configuration;

    public RiskApi(RiskStore risk, ParkConfiguration configuration) {
        this.risk = risk;
        this.configuration = configuration;
    }

    public List<Route> routes() {
        return List.of(new Route("GET", "/api/risk", c -> CompletableFuture.completedFuture(Reply.ok(view(c)))));
    }

    private Object view(ApiCall c) {
        ConsoleUser u = c.user();
        Catalogue words = c.catalogue();
        List<Map<String, Object>> enterprises = new ArrayList<>();
        for (Enterprise e : configuration.registry().enterprises()) {
            if (u.sees(e.id())) {
                Map<String, Object> m = new LinkedHashMap<>();
                m.put("enterprise", e.id());
                m.put("name", e.name());
                risk.level(e.id()).ifPresentOrElse(l -> m.putAll(level(l, words, true)), () -> m.put("colour", null));
                enterprises.add(m);
            }
        }
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("enterprises", enterprises);
        out.put("park", risk.level(RiskAssessment.PARK).map(l -> level(l, words, u.sees(RiskAssessment.PARK))).orElse(null));
        out.put("warnings", risk.warnings(w -> u.sees(w.level().subject()) || RiskAssessment.PARK.equals(
                w.level().subject()), 50).stream().map(w -> warning(w, words, u)).toList());
        return out;
    }

    static Map<String, Object> level(RiskLevel l, Catalogue words, boolean withReasons) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("colour", l.colour().wire());
        m.put("colourName", words.word(l.colour().term()));
        m.put("score", l.score());
        m.put("at", Instant.ofEpochMilli(l.at()).toString());
        if (withReasons) {
            m.put("reasons", l.reasons().stream().map(r -> FeedMessages.reason(r, words)).toList());
        }
        return m;
    }

    private static Map<String, Object> warning(RiskWarning w, Catalogue words, ConsoleUser u) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", w.warningId());
        m.put("subject", w.level().subject());
        m.put("previous", w.previous().wire());
        m.put("rising", w.rising());
        m.put("kind", w.kind());
        m.putAll(level(w.level(), words, !RiskAssessment.PARK.equals(w.level().subject()) || u.sees(RiskAssessment.PARK)));
        m.put("text", words.render(w.text()));
        return m;
    }
}
