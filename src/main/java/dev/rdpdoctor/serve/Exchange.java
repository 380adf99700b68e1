package dev.rdpdoctor.serve;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import org.eclipse.jetty.http.HttpCookie;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.MultiPart;
import org.eclipse.jetty.http.MultiPartConfig;
import org.eclipse.jetty.http.MultiPartFormData;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.server.FormFields;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;
import org.eclipse.jetty.util.Fields;

/**
 * One request and its response, as the handlers see them: the body within a limit, form fields
 * (URL-encoded or multipart, with uploaded files kept in memory), cookies, and one response.
 * The only class that speaks Jetty's request API besides {@link WebServer}.
 */
final class Exchange {

  /** Form fields at most, and the longest field, of a page's form (the vocabulary's form has a few hundred). */
  static final int MAX_FIELDS = 2000;

  private final Request request;
  private final Response response;
  private final Callback callback;
  private long maxBody;
  private Map<String, String> pathParams = Map.of();
  private Form form;
  private boolean sent;
  private int status;

  Exchange(Request request, Response response, Callback callback, long maxBody) {
    this.request = request;
    this.response = response;
    this.callback = callback;
    this.maxBody = maxBody;
  }

  /** A page's form: its fields in order, and the files uploaded with it. */
  record Form(Map<String, List<String>> fields, Map<String, List<Upload>> files) {

    /** The first file uploaded under {@code name} that holds something. */
    Optional<Upload> file(String name) {
      return uploads(name).stream().findFirst();
    }

    /** The files uploaded under {@code name} that hold something (a form's empty file field sends one that does not). */
    List<Upload> uploads(String name) {
      return files.getOrDefault(name, List.of()).stream().filter(u -> u.content().length > 0).toList();
    }

    Optional<String> first(String name) {
      List<String> values = fields.get(name);
      return values == null || values.isEmpty() ? Optional.empty() : Optional.of(values.get(0));
    }

    List<String> all(String name) {
      return fields.getOrDefault(name, List.of());
    }
  }

  /** A file uploaded with a form: the name the browser gave it, and its bytes. */
  record Upload(String fileName, byte[] content) {}

  String method() {
    return request.getMethod();
  }

  String path() {
    return Request.getPathInContext(request);
  }

  void pathParams(Map<String, String> params) {
    this.pathParams = params;
  }

  String pathParam(String name) {
    return pathParams.get(name);
  }

  Optional<String> query(String name) {
    Fields q = Request.extractQueryParameters(request, StandardCharsets.UTF_8);
    Fields.Field f = q.get(name);
    return f == null ? Optional.empty() : Optional.ofNullable(f.getValue());
  }

  Optional<String> header(String name) {
    return Optional.ofNullable(request.getHeaders().get(name));
  }

  /** The media type of the body, lower case, without its parameters; empty when none is given. */
  Optional<String> mediaType() {
    String type = request.getHeaders().get(HttpHeader.CONTENT_TYPE);
    if (type == null) {
      return Optional.empty();
    }
    int semicolon = type.indexOf(';');
    return Optional.of((semicolon < 0 ? type : type.substring(0, semicolon)).strip().toLowerCase(java.util.Locale.ROOT));
  }

  Optional<String> cookie(String name) {
    for (HttpCookie c : Request.getCookies(request)) {
      if (c.getName().equals(name)) {
        return Optional.of(c.getValue());
      }
    }
    return Optional.empty();
  }

  /**
   * The largest body this request may have, once its route is known: refused (413) when its
   * length says more, at once when its client asked first or the body is far past the limit,
   * after reading and dropping it otherwise.
   */
  void limitBody(long max) {
    this.maxBody = max;
    long length = request.getLength();
    if (length > max) {
      if (length - max <= DROPPED_PAST_THE_LIMIT && !expectsContinue()) {
        dropBody();
      }
      throw new HttpError(413, "the request is larger than " + (max >> 10) + " KiB, the most the server takes here");
    }
  }

  /**
   * How far past its limit a refused body is still read and dropped, and for how long: a client
   * that sends its whole body before it reads the answer would otherwise find the connection
   * closed under it and never hear why (as Tomcat's {@code maxSwallowSize}). A client that asks
   * first ({@code Expect: 100-continue}) is told at once, and sends nothing.
   */
  static final long DROPPED_PAST_THE_LIMIT = 2 << 20;

  static final Duration DROPPING_TIME = Duration.ofSeconds(10);

  private boolean expectsContinue() {
    String expect = request.getHeaders().get(HttpHeader.EXPECT);
    return expect != null && expect.equalsIgnoreCase("100-continue");
  }

  /** Reads and drops the body, which its length bounds, in bounded memory and time. */
  private void dropBody() {
    long deadline = System.nanoTime() + DROPPING_TIME.toNanos();
    byte[] buffer = new byte[64 << 10];
    try (InputStream in = Content.Source.asInputStream(request)) {
      while (System.nanoTime() < deadline && in.read(buffer) >= 0) {
        // dropped
      }
    } catch (IOException | RuntimeException e) {
      // the client went away or sent past the server's own bound: the refusal stands either way
    }
  }

  /** The request's body, refused (413) past the limit. */
  byte[] body() {
    try {
      return Content.Source.asByteArrayAsync(request, (int) Math.min(maxBody, Integer.MAX_VALUE)).get();
    } catch (ExecutionException e) {
      throw tooLargeOrBroken(e.getCause());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new HttpError(503, "the server is stopping");
    }
  }

  private HttpError tooLargeOrBroken(Throwable cause) {
    String message = String.valueOf(cause == null ? null : cause.getMessage());
    if (message.contains("too large") || message.contains("exceeds") || message.contains("max")) {
      return new HttpError(413, "the request is larger than " + (maxBody >> 10) + " KiB, the most the server takes");
    }
    return new HttpError(400, "the request's body could not be read: " + message);
  }

  /** The form a page posted: URL-encoded fields, or multipart with files. */
  Form form() {
    if (form != null) {
      return form;
    }
    String type = mediaType().orElse("");
    Map<String, List<String>> fields = new LinkedHashMap<>();
    Map<String, List<Upload>> files = new LinkedHashMap<>();
    try {
      if (type.equals("multipart/form-data")) {
        MultiPartConfig config = new MultiPartConfig.Builder()
            .location(Path.of(System.getProperty("java.io.tmpdir")))
            .maxParts(MAX_FIELDS)
            .maxSize(maxBody)
            .maxPartSize(maxBody)
            .maxMemoryPartSize(maxBody)
            .useFilesForPartsWithoutFileName(false)
            .build();
        String contentType = request.getHeaders().get(HttpHeader.CONTENT_TYPE);
        try (MultiPartFormData.Parts parts = MultiPartFormData.getParts(request, request, contentType, config)) {
          for (MultiPart.Part part : parts) {
            if (part.getFileName() != null) {
              byte[] bytes = Content.Source.asByteArrayAsync(part.getContentSource(), (int) maxBody).get();
              files.computeIfAbsent(part.getName(), k -> new ArrayList<>()).add(new Upload(part.getFileName(), bytes));
            } else {
              fields.computeIfAbsent(part.getName(), k -> new ArrayList<>()).add(part.getContentAsString(StandardCharsets.UTF_8));
            }
          }
        }
      } else if (type.equals("application/x-www-form-urlencoded")) {
        Fields parsed = FormFields.getFields(request, MAX_FIELDS, (int) maxBody);
        for (Fields.Field f : parsed) {
          fields.put(f.getName(), new ArrayList<>(f.getValues()));
        }
      } else {
        throw new HttpError(415, "a form is sent as application/x-www-form-urlencoded or multipart/form-data");
      }
    } catch (HttpError e) {
      throw e;
    } catch (ExecutionException e) {
      throw tooLargeOrBroken(e.getCause());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new HttpError(503, "the server is stopping");
    } catch (RuntimeException e) {
      throw tooLargeOrBroken(e);
    }
    form = new Form(fields, files);
    return form;
  }

  void header(String name, String value) {
    response.getHeaders().put(name, value);
  }

  void setCookie(String name, String value, boolean httpOnly) {
    response.getHeaders().add(HttpHeader.SET_COOKIE,
        name + "=" + value + "; Path=/; SameSite=Strict" + (httpOnly ? "; HttpOnly" : ""));
  }

  boolean sent() {
    return sent;
  }

  int status() {
    return status;
  }

  void send(int status, String contentType, String body) {
    send(status, contentType, body.getBytes(StandardCharsets.UTF_8));
  }

  void send(int status, String contentType, byte[] body) {
    this.status = status;
    sent = true;
    response.setStatus(status);
    response.getHeaders().put(HttpHeader.CONTENT_TYPE, contentType);
    response.getHeaders().put(HttpHeader.CONTENT_LENGTH, body.length);
    response.write(true, ByteBuffer.wrap(body), callback);
  }

  /** 303 See Other: after a form that changed something, the page to show. */
  void redirect(String location) {
    this.status = 303;
    sent = true;
    response.setStatus(303);
    response.getHeaders().put(HttpHeader.LOCATION, location);
    response.getHeaders().put(HttpHeader.CONTENT_LENGTH, 0);
    response.write(true, null, callback);
  }

  /** Fails the exchange when nothing was sent: Jetty's error handler answers. */
  void fail(Throwable t) {
    callback.failed(t);
  }
}
