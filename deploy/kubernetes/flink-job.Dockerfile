# The Flink image with the ParkWatch job on its usrlib, for the FlinkDeployment (application mode).
# Build context: the repository root, after `mvn -B -DskipTests package`.
FROM flink:2.2.1-java17
COPY --chown=flink:flink deploy/flink-cluster/target/parkwatch-flink-job.jar /opt/flink/usrlib/parkwatch-flink-job.jar
