package dev.rdpdoctor.probe;

import java.util.ArrayList;
import java.util.List;

/**
 * Sums up the probe's TCP connects: the outcome, the median connect time, and loss and jitter
 * estimated from the attempts (every connect the probe made, each negotiation's included).
 */
final class TcpStats {

  private final int port;
  private final List<ConnectResult> attempts = new ArrayList<>();

  TcpStats(int port) {
    this.port = port;
  }

  void add(ConnectResult attempt) {
    attempts.add(attempt);
  }

  boolean anyConnected() {
    return attempts.stream().anyMatch(a -> a instanceof ConnectResult.Connected);
  }

  int size() {
    return attempts.size();
  }

  ProbeTcp fact() {
    List<Double> times = attempts.stream()
        .filter(a -> a instanceof ConnectResult.Connected)
        .map(ConnectResult::millis)
        .toList();
    long failures = attempts.size() - times.size();
    TcpOutcome outcome = times.isEmpty()
        ? attempts.stream().map(a -> ((ConnectResult.NotConnected) a).outcome()).findFirst().orElse(null)
        : TcpOutcome.CONNECTED;
    Double loss = !times.isEmpty() && attempts.size() >= 2 ? round(100.0 * failures / attempts.size()) : null;
    return new ProbeTcp((long) port, outcome, times.isEmpty() ? null : round(median(times)),
        (long) attempts.size(), failures, loss, times.size() >= 2 ? round(jitter(times)) : null);
  }

  private static double median(List<Double> values) {
    List<Double> sorted = values.stream().sorted().toList();
    int n = sorted.size();
    return n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
  }

  /**
   * Mean difference between consecutive connect times, leaving out the first when there are
   * enough: it also pays for the JVM's first use of the socket code.
   */
  private static double jitter(List<Double> times) {
    List<Double> steady = times.size() >= 3 ? times.subList(1, times.size()) : times;
    double sum = 0;
    for (int i = 1; i < steady.size(); i++) {
      sum += Math.abs(steady.get(i) - steady.get(i - 1));
    }
    return sum / (steady.size() - 1);
  }

  private static double round(double value) {
    return Math.round(value * 100) / 100.0;
  }
}
