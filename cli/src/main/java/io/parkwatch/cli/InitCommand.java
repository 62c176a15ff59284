package io.parkwatch.cli;

import io.parkwatch.platform.kafka.TopicSetup;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code parkwatch init}: prepares a Kafka cluster for ParkWatch. Creates the topics (keyed ones with
 * kafka.partitions) and seeds the config topic from the files of kinds it does not hold yet. Safe to
 * run again: nothing that exists is changed.
 */
@Command(name = "init", mixinStandardHelpOptions = true,
        description = "Create ParkWatch's topics on a Kafka cluster and seed the configuration from the files.")
public final class InitCommand implements Callable<Integer> {

    @Mixin
    ExternalKafka kafka;

    @Option(names = "--replication-factor", defaultValue = "1",
            description = "copies of each partition (3 on a production cluster; default: ${DEFAULT-VALUE})")
    short replication;

    @Override
    public Integer call() throws Exception {
        Settings s = kafka.settings();
        String bootstrap = kafka.bootstrap(s);
        ConfigSeed seed = new ConfigSeed(s, ParkWatchCli.base());
        List<String> created = TopicSetup.ensure(bootstrap, ParkWatchStandalone.topics(s), replication);
        seed.inForce(bootstrap);
        System.out.printf("Kafka %s ready for ParkWatch: %d topics created, %d already there; configuration in force.%n",
                bootstrap, created.size(), ParkWatchStandalone.topics(s).size() - created.size());
        return 0;
    }
}
