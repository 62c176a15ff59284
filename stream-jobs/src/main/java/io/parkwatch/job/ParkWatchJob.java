package io.parkwatch.job;

import io.parkwatch.job.kafka.AlertCommandDeserializer;
import io.parkwatch.job.kafka.ConfigDocumentDeserializer;
import io.parkwatch.job.kafka.IncomingReading;
import io.parkwatch.job.kafka.JsonRecordSerializer;
import io.parkwatch.job.kafka.Published;
import io.parkwatch.job.kafka.PublishedRecordDeserializer;
import io.parkwatch.job.kafka.ReadingDeserializer;
import io.parkwatch.job.kafka.SplitUnreadable;
import io.parkwatch.rules.dataquality.PointQuality;
import io.parkwatch.rules.incident.IncidentEvent;
import io.parkwatch.rules.incident.IncidentGrouping;
import io.parkwatch.rules.model.Alert;
import io.parkwatch.rules.model.AlertCommand;
import io.parkwatch.rules.model.AlertEvent;
import io.parkwatch.rules.model.Reading;
import io.parkwatch.rules.risk.RiskAssessment;
import io.parkwatch.rules.risk.RiskLevel;
import io.parkwatch.rules.risk.RiskWarning;
import io.parkwatch.rules.wire.ConfigDocument;
import io.parkwatch.rules.wire.RejectedReading;
import io.parkwatch.rules.wire.Topics;
import java.time.Duration;
import java.util.Properties;
import org.apache.flink.api.common.eventtime.WatermarkStrategy;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.connector.base.DeliveryGuarantee;
import org.apache.flink.connector.kafka.sink.KafkaSink;
import org.apache.flink.connector.kafka.source.KafkaSource;
import org.apache.flink.connector.kafka.source.enumerator.initializer.OffsetsInitializer;
import org.apache.flink.core.execution.CheckpointingMode;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.datastream.SingleOutputStreamOperator;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.util.function.SerializableFunction;
import org.apache.kafka.clients.consumer.OffsetResetStrategy;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The ParkWatch stream job: readings -> per-point rules -> alert events and alert state, plus
 * late readings to the rejected topic. InfluxDB is written by the recorder, which reads these topics at its own
 * pace, so a slow or absent store never back-pressures alerting.
 *
 * <p>Kafka outputs are at-least-once with deterministic event ids by default (consumers deduplicate by
 * id), which keeps alert latency independent of the checkpoint interval. Exactly-once (transactional)
 * output is there for consumers that cannot deduplicate; they then see alerts when a checkpoint completes.
 */
public final class ParkWatchJob {

    private static final Logger LOG = LoggerFactory.getLogger(ParkWatchJob.class);
    public static final String NAME = "parkwatch-rules";

    private ParkWatchJob() {
    }

    /** Adds the job's operators to {@code env}. */
    public static void define(StreamExecutionEnvironment env, JobSettings s) {
        env.enableCheckpointing(s.checkpointInterval().toMillis(), CheckpointingMode.EXACTLY_ONCE);

        KafkaSource<IncomingReading> source = KafkaSource.<IncomingReading>builder()
                .setBootstrapServers(s.kafkaBootstrap())
                .setTopics(Topics.READINGS)
                .setGroupId(s.consumerGroup())
                // resume where the last checkpoint left off; a brand-new deployment reads what is there
                .setStartingOffsets(OffsetsInitializer.committedOffsets(OffsetResetStrategy.EARLIEST))
                .setDeserializer(new ReadingDeserializer())
                .setProperty("partition.discovery.interval.ms", "60000")
                .setProperty("client.id.prefix", "parkwatch-job-readings")
                .build();
        WatermarkStrategy<IncomingReading> watermarks = WatermarkStrategy
                .<IncomingReading>forBoundedOutOfOrderness(s.outOfOrderness())
                .withTimestampAssigner((r, previous) -> r.timestamp())
                .withIdleness(s.idleness());
        SingleOutputStreamOperator<Reading> readings = env.fromSource(source, watermarks, "readings")
                .uid("readings-source")
                .process(new SplitUnreadable()).returns(TypeInformation.of(Reading.class))
                .uid("readings-unreadable").name("unreadable readings apart");

        // Rules, points and maintenance windows arrive on the compacted config topic and are applied
        // through broadcast state, without a restart (the fraud-detection demo's dynamic-rules pattern).
        DataStream<ConfigDocument> config = env
                .fromSource(configSource(s, "-config"), ControlStreamWatermarks.strategy(), "config")
                .uid("config-source").setParallelism(1);

        // operators' acknowledgements, comments and closures
        KafkaSource<AlertCommand> commandSource = KafkaSource.<AlertCommand>builder()
                .setBootstrapServers(s.kafkaBootstrap())
                .setTopics(Topics.COMMANDS)
                .setGroupId(s.consumerGroup() + "-commands")
                .setStartingOffsets(OffsetsInitializer.committedOffsets(OffsetResetStrategy.EARLIEST))
                .setDeserializer(new AlertCommandDeserializer())
                .build();
        DataStream<AlertCommand> commands = env
                .fromSource(commandSource, ControlStreamWatermarks.strategy(), "commands")
                .uid("commands-source").setParallelism(1);

        RuleStages stages = RuleStages.apply(readings, config, commands, s.config(),
                new RuleStages.Timing(s.holdOff(), Lateness.of(s.allowedLateness())));
        DataStream<AlertEvent> events = stages.events();
        events.sinkTo(kafkaSink(s, Topics.ALERT_EVENTS, AlertEvent::alertId)).uid("alert-events-sink")
                .name("alert events -> Kafka");
        // data quality per point and hour (online rate, completeness, timeliness, abnormal share)
        SingleOutputStreamOperator<PointQuality> quality = readings.keyBy(Reading::enterpriseId)
                .connect(config.broadcast(ConfigState.DOCUMENTS))
                .process(new DataQualityFunction(s.config(), Lateness.of(s.allowedLateness()))).uid("data-quality").name("data quality")
                .returns(TypeInformation.of(PointQuality.class));
        quality.sinkTo(kafkaSink(s, Topics.DATA_QUALITY, PointQuality::pointId))
                .uid("data-quality-sink").name("data quality -> Kafka");

        // Incidents and risk read the alert events and the data quality back from their topics, not from the
        // operators that decide them: an analysis that falls behind (in a flood every alarm changes an incident and
        // the park's risk) then holds back no alarm and no reading. With a configuration source of their own they
        // share no operator with the alarms at all, so Flink's region failover restarts an analysis that fails
        // alone, and the alarms go on
        DataStream<ConfigDocument> analysisConfig = env
                .fromSource(configSource(s, "-analysis-config"), ControlStreamWatermarks.strategy(), "config for analyses")
                .uid("analysis-config-source").setParallelism(1);
        DataStream<Published> published = env.fromSource(publishedSource(s), WatermarkStrategy.noWatermarks(),
                "published records").uid("published-source");
        DataStream<AlertEvent> publishedEvents = published.filter(p -> p.event() != null).name("alert events")
                .map(Published::event).returns(TypeInformation.of(AlertEvent.class)).name("alert event")
                .keyBy(AlertEvent::alertId).filter(new OncePerEvent()).uid("published-events-once")
                .name("each alert event once");
        // floods become incidents: one per related group of alarms of an enterprise, with its first-out
        publishedEvents.keyBy(IncidentGrouping::position)
                .process(new IncidentFunction(s.incidents())).uid("incidents").name("incidents")
                .returns(TypeInformation.of(IncidentEvent.class))
                .sinkTo(kafkaSink(s, Topics.INCIDENTS, (IncidentEvent e) -> e.incident().incidentId()))
                .uid("incidents-sink").name("incidents -> Kafka");
        // the live four-colour risk of every enterprise and the park, and its warnings (colour changes)
        SingleOutputStreamOperator<RiskLevel> risk = publishedEvents.map(Published::of)
                .returns(TypeInformation.of(Published.class)).name("alarms for risk")
                .union(published.filter(p -> p.quality() != null).name("quality for risk"))
                .keyBy(i -> RiskAssessment.PARK)
                .connect(analysisConfig.keyBy(d -> RiskAssessment.PARK))
                .process(new RiskFunction(s.config())).uid("risk").name("risk").setParallelism(1)
                .returns(TypeInformation.of(RiskLevel.class));
        risk.sinkTo(kafkaSink(s, Topics.RISK, RiskLevel::subject)).uid("risk-sink").name("risk levels -> Kafka");
        risk.getSideOutput(RiskFunction.WARNINGS)
                .sinkTo(kafkaSink(s, Topics.RISK_WARNINGS, (RiskWarning w) -> w.level().subject()))
                .uid("risk-warnings-sink").name("risk warnings -> Kafka");
        stages.alertStates().sinkTo(kafkaSink(s, Topics.ALERTS, Alert::alertId)).uid("alerts-sink")
                .name("alert state -> Kafka");
        stages.late().union(readings.getSideOutput(SplitUnreadable.UNREADABLE))
                .sinkTo(kafkaSink(s, Topics.READINGS_REJECTED, RejectedReading::pointId)).uid("late-sink")
                .name("late readings -> Kafka");
    }

    /** The compacted configuration topic from its beginning (each document's latest version, then every change). */
    private static KafkaSource<ConfigDocument> configSource(JobSettings s, String groupSuffix) {
        return KafkaSource.<ConfigDocument>builder()
                .setBootstrapServers(s.kafkaBootstrap())
                .setTopics(Topics.CONFIG)
                .setGroupId(s.consumerGroup() + groupSuffix)
                .setStartingOffsets(OffsetsInitializer.earliest())
                .setDeserializer(new ConfigDocumentDeserializer())
                .build();
    }

    /**
     * The alert events and data quality as published: committed records only (in exactly-once mode an analysis sees
     * what consumers see, never an aborted attempt); a restored job reads on from its checkpoint, a fresh one from
     * its start (what an earlier deployment published belongs to state this one does not have).
     */
    private static KafkaSource<Published> publishedSource(JobSettings s) {
        return KafkaSource.<Published>builder()
                .setBootstrapServers(s.kafkaBootstrap())
                .setTopics(Topics.ALERT_EVENTS, Topics.DATA_QUALITY)
                .setGroupId(s.consumerGroup() + "-analysis")
                .setStartingOffsets(OffsetsInitializer.timestamp(System.currentTimeMillis()))
                .setDeserializer(new PublishedRecordDeserializer())
                .setProperty("isolation.level", "read_committed")
                .setProperty("partition.discovery.interval.ms", "60000")
                .setProperty("client.id.prefix", "parkwatch-job-analysis")
                .build();
    }

    private static <T> KafkaSink<T> kafkaSink(JobSettings s, String topic, SerializableFunction<T, String> key) {
        Properties p = new Properties();
        p.setProperty("linger.ms", "2");
        p.setProperty("acks", "all");
        p.setProperty("enable.idempotence", "true");
        if (s.delivery() == DeliveryGuarantee.EXACTLY_ONCE) {
            // must outlast a checkpoint plus a recovery, and stay within the broker's transaction.max.timeout.ms
            p.setProperty("transaction.timeout.ms", String.valueOf(Duration.ofMinutes(15).toMillis()));
        }
        return KafkaSink.<T>builder()
                .setBootstrapServers(s.kafkaBootstrap())
                .setKafkaProducerConfig(p)
                .setDeliveryGuarantee(s.delivery())
                // unique per job and topic: a restored job aborts what its predecessor left open
                .setTransactionalIdPrefix(s.consumerGroup() + "-" + topic)
                .setRecordSerializer(new JsonRecordSerializer<>(topic, key))
                .build();
    }
}
