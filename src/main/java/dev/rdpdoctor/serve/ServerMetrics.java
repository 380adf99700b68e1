package dev.rdpdoctor.serve;

import io.prometheus.metrics.core.metrics.Counter;
import io.prometheus.metrics.core.metrics.GaugeWithCallback;
import io.prometheus.metrics.core.metrics.Histogram;
import io.prometheus.metrics.expositionformats.PrometheusTextFormatWriter;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;

/**
 * What {@code /metrics} shows, in the Prometheus text format: requests by route, method and
 * status; their latencies by route; diagnoses by top cause; the JVM's heap and non-heap memory.
 * Labels take only the server's own names (a route's pattern, a cause id of the knowledge base),
 * never what a request says, so the number of series stays bounded.
 */
final class ServerMetrics {

  private final PrometheusRegistry registry = new PrometheusRegistry();
  private final Counter requests;
  private final Histogram latency;
  private final Counter diagnoses;
  private final PrometheusTextFormatWriter writer = PrometheusTextFormatWriter.create();

  ServerMetrics() {
    requests = Counter.builder()
        .name("rdpdoctor_http_requests")
        .help("HTTP requests served, by route pattern, method and status")
        .labelNames("route", "method", "status")
        .register(registry);
    latency = Histogram.builder()
        .name("rdpdoctor_http_request_duration_seconds")
        .help("Time from a request's arrival to its response, by route pattern")
        .labelNames("route")
        .classicOnly()
        .classicUpperBounds(0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 10)
        .register(registry);
    diagnoses = Counter.builder()
        .name("rdpdoctor_diagnoses")
        .help("Cases diagnosed, by the most likely cause (none when no cause is supported)")
        .labelNames("top_cause")
        .register(registry);
    MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
    GaugeWithCallback.builder()
        .name("rdpdoctor_jvm_memory_used_bytes")
        .help("Memory the JVM uses, heap and non-heap")
        .unit(io.prometheus.metrics.model.snapshots.Unit.BYTES)
        .labelNames("area")
        .callback(cb -> {
          cb.call(memory.getHeapMemoryUsage().getUsed(), "heap");
          cb.call(memory.getNonHeapMemoryUsage().getUsed(), "nonheap");
        })
        .register(registry);
  }

  void request(String route, String method, int status, long nanos) {
    requests.labelValues(route, method, Integer.toString(status)).inc();
    latency.labelValues(route).observe(nanos / 1e9);
  }

  void diagnosed(String topCause) {
    diagnoses.labelValues(topCause == null ? "none" : topCause).inc();
  }

  String contentType() {
    return writer.getContentType();
  }

  byte[] scrape() {
    ByteArrayOutputStream out = new ByteArrayOutputStream(8192);
    try {
      writer.write(out, registry.scrape(), io.prometheus.metrics.config.EscapingScheme.ALLOW_UTF8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toByteArray();
  }
}
