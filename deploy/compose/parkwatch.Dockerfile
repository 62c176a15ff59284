# The parkwatch command (gateway, console, init, rules apply, ...) as an image.
# Build context: the repository root, after `mvn -B -DskipTests package`.
FROM eclipse-temurin:17-jre
RUN useradd --system --home-dir /opt/parkwatch parkwatch
WORKDIR /opt/parkwatch
COPY cli/target/lib/ lib/
COPY cli/target/parkwatch.jar parkwatch.jar
# the JVM flags Kafka and Flink need on Java 17 (written by the build from the root pom)
COPY cli/target/jvm.options jvm.options
COPY config/ config/
RUN mkdir -p data && chown parkwatch data
USER parkwatch
ENTRYPOINT ["java", "-XX:MaxRAMPercentage=75", "@/opt/parkwatch/jvm.options", "-jar", "/opt/parkwatch/parkwatch.jar"]
CMD ["--help"]
