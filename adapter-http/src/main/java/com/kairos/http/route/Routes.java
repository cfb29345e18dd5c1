package com.kairos.http.route;

import com.kairos.application.port.RateLimiter;
import io.javalin.http.Handler;
import io.javalin.http.HandlerType;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The route table, declared fluently, one endpoint per statement:
 *
 * <pre>{@code
 * routes.get("/negotiations/{id}")
 *     .operation("getNegotiation")
 *     .summary("Read one negotiation")
 *     .description("One negotiation, for its owner or a participant.")
 *     .responds(200, "Negotiation")
 *     .errors(400, 401, 403, 404, 429)
 *     .handler(h::get);
 * }</pre>
 *
 * A route is protected by a bearer token unless it says {@link Declaration#publicAccess()}; it is
 * added to the table by {@link Declaration#handler}. The table is the single source of truth for
 * what the server registers and what the OpenAPI document describes.
 */
public final class Routes {
  private final List<Route> table = new ArrayList<>();
  private String tag;

  /** Routes declared from now on carry this OpenAPI tag. */
  public Routes tag(String tag) {
    this.tag = tag;
    return this;
  }

  public Declaration get(String path) {
    return new Declaration(HandlerType.GET, path);
  }

  public Declaration post(String path) {
    return new Declaration(HandlerType.POST, path);
  }

  public Declaration patch(String path) {
    return new Declaration(HandlerType.PATCH, path);
  }

  public Declaration put(String path) {
    return new Declaration(HandlerType.PUT, path);
  }

  public Declaration delete(String path) {
    return new Declaration(HandlerType.DELETE, path);
  }

  /** Every route declared so far, in declaration order. */
  public List<Route> all() {
    return List.copyOf(table);
  }

  /** One route being declared; {@link #handler} completes it. */
  public final class Declaration {
    private final HandlerType method;
    private final String path;
    private boolean authenticated = true;
    private boolean rateLimited = true;
    private RateLimiter.Limit ownLimit;
    private String operationId;
    private String summary;
    private String description;
    private String requestSchema;
    private int successStatus = 200;
    private String responseSchema;
    private String metaSchema;
    private List<String> queryParams = List.of();
    private List<Integer> errorStatuses = List.of();

    private Declaration(HandlerType method, String path) {
      this.method = method;
      this.path = path;
    }

    /** The OpenAPI {@code operationId}: a verb and a noun, camelCase. */
    public Declaration operation(String operationId) {
      this.operationId = operationId;
      return this;
    }

    public Declaration summary(String summary) {
      this.summary = summary;
      return this;
    }

    public Declaration description(String description) {
      this.description = description;
      return this;
    }

    /** No bearer token needed. */
    public Declaration publicAccess() {
      this.authenticated = false;
      return this;
    }

    /** Never rate limited (the operational endpoints). */
    public Declaration unlimited() {
      this.rateLimited = false;
      return this;
    }

    /** A bucket of its own for this route, taken per user after the user's limits. */
    public Declaration limitedTo(RateLimiter.Limit limit) {
      this.ownLimit = limit;
      return this;
    }

    /** The body, validated against this JSON Schema file. */
    public Declaration body(String schemaFile) {
      this.requestSchema = schemaFile;
      return this;
    }

    /** Success is {@code status} with {@code data} of this schema and the plain {@code Meta}. */
    public Declaration responds(int status, String dataSchema) {
      return responds(status, dataSchema, "Meta");
    }

    /** Success is {@code status} with {@code data} and {@code meta} of these schemas. */
    public Declaration responds(int status, String dataSchema, String metaSchema) {
      this.successStatus = status;
      this.responseSchema = dataSchema;
      this.metaSchema = metaSchema;
      return this;
    }

    /** The optional query parameters, in the order the document lists them. */
    public Declaration query(String... names) {
      this.queryParams = List.of(names);
      return this;
    }

    /** Error statuses this route answers, beyond those every route of its kind can. */
    public Declaration errors(int... statuses) {
      return errors(Arrays.stream(statuses).boxed().toList());
    }

    /** Error statuses this route answers, beyond those every route of its kind can. */
    public Declaration errors(List<Integer> statuses) {
      this.errorStatuses = List.copyOf(statuses);
      return this;
    }

    /** Completes the declaration: the route joins the table. */
    public Route handler(Handler handler) {
      Route route =
          new Route(
              method,
              path,
              handler,
              authenticated,
              rateLimited,
              ownLimit,
              operationId,
              tag,
              summary,
              description,
              requestSchema,
              successStatus,
              responseSchema,
              metaSchema,
              queryParams,
              errorStatuses);
      table.add(route);
      return route;
    }
  }
}
