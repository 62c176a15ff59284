package io.parkwatch.console.links;

import io.parkwatch.console.api.CommandSender;
import io.parkwatch.console.board.AlertBoard;
import io.parkwatch.console.history.AlertHistory;
import io.parkwatch.console.notify.PhoneNumber;
import io.parkwatch.console.notify.VoiceCalls;
import io.parkwatch.rules.model.Alert;
import io.parkwatch.rules.model.AlertCommand;
import io.parkwatch.rules.model.Recipient;
import io.parkwatch.rules.text.Catalogue;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Answers to an alert given on the phone: an SMS reply with the alert's reply code, or key 1 pressed on a voice call
 * about it. Either acknowledges the alert in the name of the person of the contacts file the alert called on that
 * number, with the same command the console sends (the job decides); anything else (no code, a code no open alert
 * has, a number the alert never called, another key) acknowledges nothing and says why.
 */
public final class PhoneAnswers {

    /** What became of an answer. */
    public enum Outcome {
        /** the acknowledgement was sent to the job */
        SENT,
        /** the alert was acknowledged already: nothing sent */
        ALREADY_ACKNOWLEDGED,
        /** an SMS without a six-digit code */
        NO_CODE,
        /** no open alert has that code, or the call is unknown */
        NO_SUCH_ALERT,
        /** the alert never called this number */
        NOT_REACHED,
        /** a key other than 1 */
        OTHER_KEY
    }

    /** The outcome, and the alert and person it concerned when known. */
    public record Answer(Outcome outcome, String alertId, String personId) {
        static Answer of(Outcome o) {
            return new Answer(o, null, null);
        }
    }

    static final String ACKNOWLEDGE_KEY = "1";
    private static final Pattern CODE = Pattern.compile("(?<!\\d)(\\d{6})(?!\\d)");
    private static final int MAX_COMMENT = 500;

    private final AlertBoard board;
    private final AlertHistory history;
    private final CommandSender commands;
    private final LinkSigner signer;
    private final VoiceCalls calls;
    private final Catalogue words;
    private final Clock clock;

    public PhoneAnswers(AlertBoard board, AlertHistory history, CommandSender commands, LinkSigner signer,
            VoiceCalls calls, Catalogue words, Clock clock) {
        this.board = board;
        this.history = history;
        this.commands = commands;
        this.signer = signer;
        this.calls = calls;
        this.words = words;
        this.clock = clock;
    }

    /** An SMS from {@code phone}: the six digits in it name the alert, the rest is the person's comment. */
    public CompletableFuture<Answer> smsReply(String phone, String text) {
        Matcher m = CODE.matcher(text == null ? "" : text);
        if (!m.find()) {
            return done(Answer.of(Outcome.NO_CODE));
        }
        String code = m.group(1);
        String comment = (text.substring(0, m.start()) + " " + text.substring(m.end())).strip();
        List<Alert> named = board.list(a -> !a.handlingOrNew().closed() && signer.replyCode(a.alertId()).equals(code));
        if (named.isEmpty()) {
            return done(Answer.of(Outcome.NO_SUCH_ALERT));
        }
        Answer last = Answer.of(Outcome.NOT_REACHED);
        for (Alert a : named) { // one, unless two open alerts share a code: then the one that called this number
            Optional<Recipient> person = calledOn(a.alertId(), phone, null);
            if (person.isPresent()) {
                return acknowledge(a, person.get(), words.text("reply.sms"), comment);
            }
            last = new Answer(Outcome.NOT_REACHED, a.alertId(), null);
        }
        return done(last);
    }

    /** A key pressed on a voice call: 1 acknowledges the call's alert in the called person's name. */
    public CompletableFuture<Answer> keyPress(String callId, String phone, String key) {
        if (!ACKNOWLEDGE_KEY.equals(key == null ? null : key.strip())) {
            return done(Answer.of(Outcome.OTHER_KEY));
        }
        Optional<VoiceCalls.Call> call = calls.call(callId);
        String number = call.map(VoiceCalls.Call::phone).orElse(PhoneNumber.normalize(phone));
        List<Alert> open;
        if (call.isPresent()) {
            open = board.get(call.get().alertId()).filter(a -> !a.handlingOrNew().closed()).stream().toList();
        } else { // the call is not known here (placed before a restart): the one open alert that called this number
            open = board.list(a -> !a.handlingOrNew().closed() && calledOn(a.alertId(), number, "voice").isPresent());
            if (open.size() > 1) {
                return done(Answer.of(Outcome.NO_SUCH_ALERT));
            }
        }
        if (open.isEmpty()) {
            return done(Answer.of(Outcome.NO_SUCH_ALERT));
        }
        Alert a = open.get(0);
        return calledOn(a.alertId(), number, "voice")
                .map(p -> acknowledge(a, p, words.text("reply.voice"), ""))
                .orElseGet(() -> done(new Answer(Outcome.NOT_REACHED, a.alertId(), null)));
    }

    /** The person of the contacts file this alert called on this number (by this channel, when given). */
    private Optional<Recipient> calledOn(String alertId, String phone, String channel) {
        String number = PhoneNumber.normalize(phone);
        return history.timeline(alertId).stream().flatMap(e -> e.recipients().stream())
                .filter(r -> r.phone() != null && PhoneNumber.normalize(r.phone()).equals(number))
                .filter(r -> channel == null || r.reachedBy(channel)).findFirst();
    }

    private CompletableFuture<Answer> acknowledge(Alert a, Recipient person, String how, String comment) {
        if (a.handlingOrNew().acknowledged()) {
            return done(new Answer(Outcome.ALREADY_ACKNOWLEDGED, a.alertId(), person.personId()));
        }
        String c = comment.length() > MAX_COMMENT ? comment.substring(0, MAX_COMMENT) : comment;
        AlertCommand cmd = AlertCommand.builder().commandId(UUID.randomUUID().toString())
                .type(AlertCommand.Type.ACKNOWLEDGE).alertId(a.alertId()).alertKey(a.key())
                .user(person.name() + " (" + person.personId() + ")").role(AlertCommand.Role.PERSON)
                .note(c.isEmpty() ? how : words.text("reply.comment", how, c)).issuedAt(clock.millis()).build();
        return commands.send(cmd).thenApply(sent -> new Answer(Outcome.SENT, a.alertId(), person.personId()));
    }

    private static CompletableFuture<Answer> done(Answer a) {
        return CompletableFuture.completedFuture(a);
    }
}
