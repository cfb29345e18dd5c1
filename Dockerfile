# syntax=docker/dockerfile:1
# Build stage: the whole reactor, tests skipped (CI runs them), producing the runnable jar.
FROM eclipse-temurin:17-jdk AS build
WORKDIR /src
COPY . .
RUN ./mvnw -B -q -DskipTests package

# Runtime stage: a small JRE, a non-root user, no secrets (configuration comes from the
# environment at run time).
FROM eclipse-temurin:17-jre-alpine
RUN apk add --no-cache curl \
 && addgroup -S -g 10001 kairos \
 && adduser -S -u 10001 -G kairos -h /app kairos
WORKDIR /app
COPY --from=build --chown=kairos:kairos /src/bootstrap/target/kairos-server.jar /app/kairos-server.jar
USER 10001:10001
ENV KAIROS_ENV=production \
    PORT=8080 \
    LOG_FORMAT=json \
    KAIROS_DATA_DIR=/app/data
EXPOSE 8080
HEALTHCHECK --interval=15s --timeout=3s --start-period=40s --retries=3 \
  CMD curl -fsS "http://127.0.0.1:${PORT}/health" > /dev/null || exit 1
# exec form: the JVM is PID 1 and receives SIGTERM directly, so shutdown is graceful.
ENTRYPOINT ["java", "-XX:MaxRAMPercentage=75", "-XX:+ExitOnOutOfMemoryError", "-jar", "/app/kairos-server.jar"]
