# The parkwatch command (gateway, console, init, rules apply, ...) as an image.
# Build context: the repository root, after `mvn -B -DskipTests package`.
FROM eclipse-temurin:17-jre
RUN useradd --system --home-dir /opt/parkwatch parkwatch
WORKDIR /opt/parkwatch
COPY cli/target/lib/ lib/
COPY cli/target/parkwatch.jar parkwatch.jar
COPY config/ config/
RUN mkdir -p data && chown parkwatch data
USER parkwatch
# Kafka and Flink's client code need these on Java 17
ENV JAVA_TOOL_OPTIONS="--add-opens=java.base/java.lang=ALL-UNNAMED --add-opens=java.base/java.util=ALL-UNNAMED --add-opens=java.base/java.nio=ALL-UNNAMED --add-opens=java.base/sun.nio.ch=ALL-UNNAMED"
ENTRYPOINT ["java", "-XX:MaxRAMPercentage=75", "-jar", "/opt/parkwatch/parkwatch.jar"]
CMD ["--help"]
