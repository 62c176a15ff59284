package io.parkwatch.console.api;

import io.parkwatch.rules.text.Catalogue;
import io.parkwatch.rules.text.Message;
import io.parkwatch.console.notify.ChannelHealth;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * What park officers must be told about ParkWatch itself, so that silence is never mistaken for calm:
 * delivery channels that have been failing for longer than the notifier's alarm time, and demo passwords
 * still in force. Shown as banners on the console and by {@code GET /api/status}.
 */
public final class SystemWarnings {

    private volatile Supplier<List<ChannelHealth>> channels = List::of;
    private volatile List<String> demoLogins = List.of();

    /** The notifier's health, when this console runs one. */
    public void watchDeliveries(Supplier<List<ChannelHealth>> health) {
        this.channels = health;
    }

    /** Accounts (console users, devices, data loggers) that still have the shipped demo password. */
    public void demoCredentialsInForce(List<String> accounts) {
        this.demoLogins = List.copyOf(accounts);
    }

    public List<ChannelHealth> channels() {
        return channels.get();
    }

    /** The warnings now, their sentences in the reader's language. */
    public List<Map<String, Object>> current(Catalogue language) {
        List<Map<String, Object>> out = new ArrayList<>();
        for (ChannelHealth h : channels.get()) {
            if (h.failing()) {
                Map<String, Object> w = new LinkedHashMap<>();
                w.put("kind", "DELIVERY_FAILING");
                w.put("channel", h.channel());
                w.put("failingSince", h.failingSinceAt());
                w.put("waiting", h.queueDepth());
                w.put("lastError", h.lastError());
                w.put("message", language.text("warning.delivery-failing", h.channel(), h.queueDepth(),
                        String.valueOf(h.lastError())));
                out.add(w);
            }
        }
        if (!demoLogins.isEmpty()) {
            Map<String, Object> w = new LinkedHashMap<>();
            w.put("kind", "DEMO_CREDENTIALS");
            w.put("accounts", demoLogins.stream().map(language::word).toList());
            w.put("message", language.text("warning.demo-credentials", Message.list(demoLogins)));
            out.add(w);
        }
        return out;
    }
}
