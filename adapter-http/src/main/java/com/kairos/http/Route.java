package com.kairos.http;

import io.javalin.http.Handler;
import io.javalin.http.HandlerType;
import java.util.List;

/**
 * One endpoint: what Javalin registers and what the OpenAPI document says about it, kept together
 * so that they cannot drift apart.
 */
record Route(
    HandlerType method,
    String path,
    Handler handler,
    boolean authenticated,
    String summary,
    String requestSchema,
    int successStatus,
    String responseSchema,
    String metaSchema,
    List<String> queryParams,
    List<Integer> errorStatuses) {

  Route {
    queryParams = List.copyOf(queryParams);
    errorStatuses = List.copyOf(errorStatuses);
  }
}
