package io.parkwatch.job;

import io.parkwatch.platform.kafka.ConfigTopic;
import io.parkwatch.rules.wire.ConfigDocument;
import io.parkwatch.rules.wire.Topics;
import java.util.Map;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The entry point of the job jar on a Flink cluster (session or application mode, the Kubernetes
 * operator). Parallelism, checkpoint storage and restart strategy are the cluster's to set; the job
 * sets what is ParkWatch's: where Kafka and InfluxDB are, the checkpoint interval, the delivery guarantee.
 *
 * <p>The park's configuration is the one in force on the config topic ({@code parkwatch init} seeds it,
 * {@code parkwatch rules apply} changes it); restored from a checkpoint or savepoint, the job continues
 * with the configuration its broadcast state holds and the topic's later documents.
 */
public final class ParkWatchClusterJob {

    private static final Logger LOG = LoggerFactory.getLogger(ParkWatchClusterJob.class);

    private ParkWatchClusterJob() {
    }

    public static void main(String[] args) throws Exception {
        if (java.util.Arrays.asList(args).contains("--help")) {
            System.out.println(ClusterJobOptions.usage());
            return;
        }
        ClusterJobOptions options = ClusterJobOptions.parse(args, System.getenv());
        Map<String, ConfigDocument> inForce = ConfigTopic.latest(options.kafka());
        for (String required : new String[] {ConfigDocument.POINTS, ConfigDocument.RULES}) {
            if (!inForce.containsKey(required)) {
                throw new IllegalStateException(Topics.CONFIG + " on " + options.kafka() + " holds no " + required
                        + " document: seed it first with `parkwatch init` (or `parkwatch " + required + " apply FILE`)");
            }
        }
        ParkConfig config = new ParkConfig(text(inForce, ConfigDocument.POINTS), text(inForce, ConfigDocument.RULES),
                text(inForce, ConfigDocument.MAINTENANCE), text(inForce, ConfigDocument.CONTACTS),
                text(inForce, ConfigDocument.OPERATIONS), text(inForce, ConfigDocument.RISK),
                text(inForce, ConfigDocument.COMMITMENTS));
        config.engine(); // refuse to start on a combination that does not hold together
        config.plan();
        config.risk();
        JobSettings settings = options.settings(config);
        LOG.info("ParkWatch job: Kafka {}, delivery {}, checkpoints every {}, config from {} ({})", settings.kafkaBootstrap(),
                settings.delivery(), settings.checkpointInterval(), Topics.CONFIG, inForce.keySet());

        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
        ParkWatchJob.define(env, settings);
        env.execute(ParkWatchJob.NAME);
    }

    private static String text(Map<String, ConfigDocument> docs, String kind) {
        ConfigDocument d = docs.get(kind);
        return d == null ? null : d.yaml();
    }
}
