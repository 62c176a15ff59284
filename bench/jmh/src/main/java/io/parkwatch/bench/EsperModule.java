package io.parkwatch.bench;

import com.espertech.esper.common.client.EPCompiled;
import com.espertech.esper.common.client.EventBean;
import com.espertech.esper.common.client.configuration.Configuration;
import com.espertech.esper.compiler.client.CompilerArguments;
import com.espertech.esper.compiler.client.EPCompilerProvider;
import com.espertech.esper.runtime.client.EPDeployment;
import com.espertech.esper.runtime.client.EPEventService;
import com.espertech.esper.runtime.client.EPRuntime;
import com.espertech.esper.runtime.client.EPRuntimeProvider;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * An EPL module compiled and deployed on an Esper runtime of its own, fed beans of one event type ("Reading"), and
 * collecting what its named statements emit, as the benchmark's EPL applications need it.
 *
 * @param <T> what an emitted event becomes
 */
final class EsperModule<T> implements AutoCloseable {

    private final EPRuntime runtime;
    private final EPDeployment deployment;
    private final EPEventService events;
    private final List<T> out = new ArrayList<>();

    /** @param integerDivision whether a long divided by a long is a long, as in Java */
    EsperModule(String epl, Class<?> readingBean, boolean integerDivision) throws Exception {
        Configuration config = new Configuration();
        config.getCommon().addEventType("Reading", readingBean);
        config.getCompiler().getExpression().setIntegerDivision(integerDivision);
        config.getRuntime().getThreading().setInternalTimerEnabled(false); // no EPL here reads the clock
        EPCompiled compiled = EPCompilerProvider.getCompiler().compile(epl, new CompilerArguments(config));
        runtime = EPRuntimeProvider.getRuntime("parkwatch-bench-" + System.nanoTime(), config);
        deployment = runtime.getDeploymentService().deploy(compiled);
        events = runtime.getEventService();
    }

    /** What the statement named {@code statement} emits, each as {@code as} makes it. */
    void listen(String statement, Function<EventBean, T> as) {
        runtime.getDeploymentService().getStatement(deployment.getDeploymentId(), statement).addListener(
                (newEvents, oldEvents, st, rt) -> {
                    for (EventBean e : newEvents) {
                        out.add(as.apply(e));
                    }
                });
    }

    /** Judges one reading. */
    void send(Object reading) {
        events.sendEventBean(reading, "Reading");
    }

    /** What was emitted since the last call. */
    List<T> take() {
        if (out.isEmpty()) {
            return List.of();
        }
        List<T> t = new ArrayList<>(out);
        out.clear();
        return t;
    }

    @Override
    public void close() {
        runtime.destroy();
    }
}
