package com.kairos.firebase;

import com.google.api.client.http.HttpTransport;
import com.google.api.client.http.LowLevelHttpRequest;
import com.google.api.client.http.LowLevelHttpResponse;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * An HTTP transport for firebase-admin that answers the public-certificate request from a local
 * JSON file ({@code {"kid": "-----BEGIN CERTIFICATE-----…"}}) instead of Google's endpoint. It is
 * how tests and benchmarks make the server trust their own signing key while doing exactly the
 * verification work it does in production. Never used in production.
 */
public final class CertificateFileTransport extends HttpTransport {
  private final byte[] certificates;

  public CertificateFileTransport(String certificatesJson) {
    this.certificates = certificatesJson.getBytes(StandardCharsets.UTF_8);
  }

  public static CertificateFileTransport fromFile(Path file) throws IOException {
    return new CertificateFileTransport(Files.readString(file));
  }

  @Override
  protected LowLevelHttpRequest buildRequest(String method, String url) {
    boolean certificateRequest = "GET".equals(method) && url.contains("/robot/v1/metadata/x509/");
    return new LowLevelHttpRequest() {
      @Override
      public void addHeader(String name, String value) {}

      @Override
      public LowLevelHttpResponse execute() {
        return certificateRequest
            ? new Response(200, certificates)
            : new Response(503, new byte[0]);
      }
    };
  }

  /** A canned response; certificates are cacheable for an hour, as Google serves them. */
  private static final class Response extends LowLevelHttpResponse {
    private final int status;
    private final byte[] body;

    Response(int status, byte[] body) {
      this.status = status;
      this.body = body;
    }

    @Override
    public InputStream getContent() {
      return new ByteArrayInputStream(body);
    }

    @Override
    public String getContentEncoding() {
      return null;
    }

    @Override
    public long getContentLength() {
      return body.length;
    }

    @Override
    public String getContentType() {
      return "application/json; charset=UTF-8";
    }

    @Override
    public String getStatusLine() {
      return "HTTP/1.1 " + status;
    }

    @Override
    public int getStatusCode() {
      return status;
    }

    @Override
    public String getReasonPhrase() {
      return status == 200 ? "OK" : "Unavailable";
    }

    @Override
    public int getHeaderCount() {
      return 1;
    }

    @Override
    public String getHeaderName(int index) {
      return "Cache-Control";
    }

    @Override
    public String getHeaderValue(int index) {
      return "public, max-age=3600";
    }
  }
}
