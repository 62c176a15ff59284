package io.parkwatch.cli;

import io.parkwatch.simulator.DeviceLogin;
import io.parkwatch.simulator.Incident;
import io.parkwatch.simulator.ParkSimulator;
import io.parkwatch.simulator.SimulationPlan;
import io.netty.util.concurrent.DefaultThreadFactory;
import io.parkwatch.rules.text.Catalogue;
import io.parkwatch.rules.text.Message;
import java.text.MessageFormat;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicBoolean;
import picocli.CommandLine.Command;

/** {@code parkwatch demo}: {@code run} plus the simulated demo park and its gas leak. */
@Command(name = "demo", mixinStandardHelpOptions = true,
        description = "Start ParkWatch in one JVM with the simulated demo park and a scripted gas leak at tank T-101.")
public final class DemoCommand extends RunCommand {

    @Override
    Runnable started(ParkWatchStandalone park, Settings s) throws Exception {
        long t0 = System.currentTimeMillis();
        AtomicBoolean first = new AtomicBoolean();
        park.console().board().onChange(a -> {
            if (first.compareAndSet(false, true)) {
                Catalogue language = Catalogue.of(ParkWatchCli.helpLanguage(System.getenv()).equals(Locale.ROOT)
                        ? Locale.ENGLISH : Catalogue.DEFAULT);
                LOG.info(MessageFormat.format(ParkWatchCli.words().getString("demo.first-alert"),
                        String.format(Locale.ROOT, "%.1f", (System.currentTimeMillis() - t0) / 1000.0),
                        language.word(Message.term("level." + a.level().label())), a.pointId(),
                        a.text() == null ? a.message() : language.render(a.text())));
            }
        });
        List<DeviceLogin> logins = new ArrayList<>();
        s.node("simulator.logins").forEach(n -> logins.add(new DeviceLogin(n.path("enterprise").asText(),
                n.path("username").asText(), n.path("password").asText())));
        Duration leakStart = s.duration("simulator.leak-start");
        SimulationPlan plan = new SimulationPlan("tcp://127.0.0.1:" + park.mqttPort(), logins,
                List.of(Incident.gasLeakAtT101(leakStart.toSeconds())), null, s.number("simulator.speed"),
                Duration.ofSeconds(1), s.integer("simulator.seed"));
        ParkSimulator sim = new ParkSimulator(park.points(), plan).connect();
        new DefaultThreadFactory("simulator", true).newThread(() -> {
            try {
                sim.run();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }).start();
        LOG.info(MessageFormat.format(ParkWatchCli.words().getString("demo.started"), leakStart.toSeconds()));
        return sim::close;
    }
}
