package com.kairos.http;

import com.kairos.http.json.ApiError;
import com.kairos.http.route.Route;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * The methods each path of the route table accepts, for the {@code Allow} header of a 405. HEAD is
 * not one of them: a HEAD request is answered 405 like any other method the path does not take,
 * rather than as an unauthenticated empty 200.
 */
final class AllowedMethods {
  private final Map<Pattern, TreeSet<String>> byPath = new LinkedHashMap<>();

  AllowedMethods(List<Route> routes) {
    Map<String, Pattern> patterns = new LinkedHashMap<>();
    for (Route route : routes) {
      Pattern pattern =
          patterns.computeIfAbsent(
              route.path(),
              p -> Pattern.compile(Pattern.quote(p).replaceAll("\\{[^/}]+}", "\\\\E[^/]+\\\\Q")));
      byPath.computeIfAbsent(pattern, p -> new TreeSet<>()).add(route.method().name());
    }
  }

  /** The 405 for a request to {@code path}, naming the methods the path accepts. */
  ApiError notAllowed(String path) {
    String trimmed =
        path.length() > 1 && path.endsWith("/") ? path.substring(0, path.length() - 1) : path;
    List<String> methods = new ArrayList<>();
    byPath.forEach(
        (pattern, allowed) -> {
          if (pattern.matcher(trimmed).matches()) {
            methods.addAll(allowed);
          }
        });
    return new ApiError(
        405,
        "method_not_allowed",
        "This route does not accept that method",
        Map.of(),
        Map.of("Allow", String.join(", ", new TreeSet<>(methods))));
  }
}
