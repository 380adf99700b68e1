package dev.rdpdoctor.probe;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/** Resolves a name with the system resolver, within a deadline (the resolver has no timeout of its own). */
final class DnsLookup {

  private static final ExecutorService RESOLVER = Executors.newCachedThreadPool(r -> {
    Thread t = new Thread(r, "probe-dns");
    t.setDaemon(true);
    return t;
  });

  /** The fact, and the addresses to connect to (empty when the name did not resolve). */
  record Resolution(ProbeDns fact, List<InetAddress> addresses) {}

  Resolution resolve(String name, Deadline deadline) {
    Future<InetAddress[]> lookup = RESOLVER.submit(() -> InetAddress.getAllByName(name));
    long start = System.nanoTime();
    try {
      List<InetAddress> addresses = Arrays.asList(lookup.get(deadline.millisLeft(), TimeUnit.MILLISECONDS));
      return new Resolution(new ProbeDns(name, addresses.stream().map(InetAddress::getHostAddress).toList(), null),
          addresses);
    } catch (TimeoutException e) {
      lookup.cancel(true);
      return failed(name, "no answer from the resolver within "
          + Math.round((System.nanoTime() - start) / 1e6) + " ms");
    } catch (ExecutionException e) {
      return failed(name, e.getCause() instanceof UnknownHostException
          ? "the name does not resolve (unknown host)"
          : "the lookup failed: " + e.getCause().getMessage());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return failed(name, "the lookup was interrupted");
    }
  }

  private static Resolution failed(String name, String why) {
    return new Resolution(new ProbeDns(name, null, why), List.of());
  }
}
