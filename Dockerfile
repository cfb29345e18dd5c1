# syntax=docker/dockerfile:1
# Build stage. Layers are ordered by how often they change:
#   1. the Maven wrapper and every pom.xml (rarely),
#   2. every dependency and plugin of the production build, downloaded by building the modules
#      with no sources (a cached layer, reused until a pom changes),
#   3. the sources, built offline (-o): a source change downloads nothing.
FROM eclipse-temurin:17-jdk AS build
WORKDIR /src
COPY mvnw pom.xml ./
COPY .mvn/ .mvn/
COPY domain/pom.xml domain/
COPY application/pom.xml application/
COPY adapter-http/pom.xml adapter-http/
COPY adapter-postgres/pom.xml adapter-postgres/
COPY adapter-firebase/pom.xml adapter-firebase/
COPY migrations/pom.xml migrations/
COPY bootstrap/pom.xml bootstrap/
COPY dev-server/pom.xml dev-server/
COPY bench/pom.xml bench/
# Only the production server (bootstrap and what it needs): never dev-server's embedded
# PostgreSQL nor the benchmark harness.
RUN ./mvnw -B -q -pl bootstrap -am -DskipTests package \
 && rm -rf */target
COPY domain/src/ domain/src/
COPY application/src/ application/src/
COPY adapter-http/src/ adapter-http/src/
COPY adapter-postgres/src/ adapter-postgres/src/
COPY adapter-firebase/src/ adapter-firebase/src/
COPY migrations/src/ migrations/src/
COPY bootstrap/src/ bootstrap/src/
# Tests are skipped here because CI runs them (./mvnw -B verify) before an image is built. The
# context has no .git, so /version's commit comes from: --build-arg GIT_COMMIT=$(git rev-parse --short HEAD)
ARG GIT_COMMIT=unknown
RUN ./mvnw -B -q -o -pl bootstrap -am -DskipTests package -Dgit.commit.id.abbrev="${GIT_COMMIT}"

# Runtime stage: a small JRE, a non-root user, no secrets (configuration comes from the
# environment at run time) and no database binaries (DATABASE_URL is required).
FROM eclipse-temurin:17-jre-alpine
RUN apk add --no-cache curl \
 && addgroup -S -g 10001 kairos \
 && adduser -S -u 10001 -G kairos -h /app kairos
WORKDIR /app
COPY --from=build --chown=kairos:kairos /src/bootstrap/target/kairos-server.jar /app/kairos-server.jar
USER 10001:10001
ENV KAIROS_ENV=production \
    PORT=8080 \
    LOG_FORMAT=json
EXPOSE 8080
HEALTHCHECK --interval=15s --timeout=3s --start-period=40s --retries=3 \
  CMD curl -fsS "http://127.0.0.1:${PORT}/health" > /dev/null || exit 1
# exec form: the JVM is PID 1 and receives SIGTERM directly, so shutdown is graceful.
# JVM sized for a 512 MiB container (Cloud Run's common size) with a steady RSS under 300 MiB:
# the heap at most 40% of the container's memory (about 200 MiB), the serial collector (smallest
# footprint; one or two vCPUs and a small heap leave parallel GC little to do), smaller thread
# stacks (Jetty keeps up to 250 workers), bounded code cache, metaspace and direct buffers, and
# exit on OutOfMemoryError so the platform restarts a clean instance. Override with
# JAVA_TOOL_OPTIONS at deploy time for other sizes. scripts/bench.sh runs the server with these.
ENV JAVA_TOOL_OPTIONS="-XX:+UseSerialGC -XX:MaxRAMPercentage=40 -XX:InitialRAMPercentage=10 -Xss512k -XX:ReservedCodeCacheSize=64m -XX:MaxMetaspaceSize=128m -XX:MaxDirectMemorySize=64m -XX:+ExitOnOutOfMemoryError"
ENTRYPOINT ["java", "-jar", "/app/kairos-server.jar"]
