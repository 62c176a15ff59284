package io.parkwatch.job;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashSet;
import java.util.Set;
import java.util.TreeSet;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.streaming.api.graph.StreamEdge;
import org.apache.flink.streaming.api.graph.StreamGraph;
import org.apache.flink.streaming.api.graph.StreamNode;
import org.junit.jupiter.api.Test;

/**
 * What may hold what back in the job. Flink's back-pressure runs against the stream: an operator that falls behind
 * slows everything upstream of it. In a flood, every alarm changes an incident and the park's risk; those analyses
 * must therefore have no alarm's operators upstream of them, only what the job published (read back from Kafka).
 */
class ParkWatchJobTopologyTest {

    @Test
    void incidentsAndRiskHaveNothingUpstreamThatAlarmsOrReadingsPassThrough() throws Exception {
        StreamGraph graph = graph();
        for (String analysis : Set.of("incidents", "risk")) {
            assertThat(upstream(graph, analysis)).as("upstream of " + analysis)
                    .contains("Source: published records")
                    .doesNotContain("Source: readings", "point rules", "alarm life cycle", "data quality");
        }
        // and the alarms still reach their topic straight from the life cycle
        assertThat(upstream(graph, "alert events -> Kafka: Writer")).contains("alarm life cycle", "Source: readings")
                .doesNotContain("Source: published records");
    }

    @Test
    void anAnalysisThatFailsRestartsAloneTheAlarmsGoOn() throws Exception {
        // Flink restarts a failed task's pipelined region: every operator its streams connect it to, either way
        Set<String> region = connected(graph(), "incidents");
        assertThat(region).contains("risk", "Source: published records", "Source: config for analyses")
                .doesNotContain("Source: readings", "Source: config", "Source: commands", "point rules",
                        "group rules", "alarm life cycle", "alert events -> Kafka: Writer");
    }

    private static StreamGraph graph() throws Exception {
        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
        ParkWatchJob.define(env, JobSettings.builder().kafkaBootstrap("127.0.0.1:9").consumerGroup("topology")
                .config(new ParkConfig(Files.readString(Path.of("../config/points.yaml")),
                        Files.readString(Path.of("../config/rules.yaml")), null)).build());
        return env.getStreamGraph();
    }

    /** The names of every operator connected to the one named {@code name}, through streams in either direction. */
    private static Set<String> connected(StreamGraph graph, String name) {
        Deque<StreamNode> todo = new ArrayDeque<>();
        graph.getStreamNodes().stream().filter(n -> n.getOperatorName().equals(name)).forEach(todo::add);
        assertThat(todo).as("operators named " + name).isNotEmpty();
        Set<Integer> seen = new HashSet<>();
        todo.forEach(n -> seen.add(n.getId()));
        Set<String> names = new TreeSet<>();
        while (!todo.isEmpty()) {
            StreamNode n = todo.pop();
            names.add(n.getOperatorName());
            for (StreamEdge e : n.getInEdges()) {
                if (seen.add(e.getSourceId())) {
                    todo.add(graph.getStreamNode(e.getSourceId()));
                }
            }
            for (StreamEdge e : n.getOutEdges()) {
                if (seen.add(e.getTargetId())) {
                    todo.add(graph.getStreamNode(e.getTargetId()));
                }
            }
        }
        return names;
    }

    /** The names of every operator upstream of the one named {@code name}. */
    private static Set<String> upstream(StreamGraph graph, String name) {
        Deque<StreamNode> todo = new ArrayDeque<>();
        graph.getStreamNodes().stream().filter(n -> n.getOperatorName().equals(name)).forEach(todo::add);
        assertThat(todo).as("operators named " + name).isNotEmpty();
        Set<Integer> seen = new HashSet<>();
        Set<String> names = new TreeSet<>();
        while (!todo.isEmpty()) {
            for (StreamEdge in : todo.pop().getInEdges()) {
                if (seen.add(in.getSourceId())) {
                    StreamNode up = graph.getStreamNode(in.getSourceId());
                    names.add(up.getOperatorName());
                    todo.add(up);
                }
            }
        }
        return names;
    }
}
