package com.kairos.http.platform;

import java.util.function.Supplier;

/**
 * What the operational endpoints report about the running service: its readiness (the first
 * dependency not ready, or null), the applied schema version, and the build it runs.
 */
public record ServiceFacts(
    Supplier<String> unavailableDependency,
    Supplier<String> schemaVersion,
    String backendVersion,
    String environment,
    String buildTimestamp,
    String commitSha) {}
