package dev.rdpdoctor.probe;

import static org.assertj.core.api.Assertions.fail;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A real RDP server for the tests: Debian's xrdp, started with its own configuration on a free
 * 127.0.0.1 port and stopped by its pid. xrdp answers the X.224 and TLS exchange itself, without
 * xrdp-sesman. When xrdp is not installed the test fails and says how to install it. The
 * system property {@code xrdp.binary} names another xrdp executable.
 */
public final class XrdpServer implements AutoCloseable {

  static final String INSTALL = "xrdp is not installed; these tests need it: "
      + "apt-get update && apt-get install -y --no-install-recommends xrdp (see README.md, 'Tests against xrdp')";

  private static final List<Path> BINARIES = List.of(Path.of("/usr/sbin/xrdp"), Path.of("/usr/bin/xrdp"),
      Path.of("/usr/local/sbin/xrdp"));

  /** How to configure it. */
  public record Config(String securityLayer, TestCertificates.Issued certificate, String sslProtocols,
      String tlsCiphers) {

    public static Config tls(TestCertificates.Issued certificate) {
      return new Config("tls", certificate, "TLSv1.2, TLSv1.3", null);
    }

    public static Config negotiate(TestCertificates.Issued certificate) {
      return new Config("negotiate", certificate, "TLSv1.2, TLSv1.3", null);
    }

    public static Config rdp() {
      return new Config("rdp", null, "TLSv1.2, TLSv1.3", null);
    }

    /** TLS with no certificate file to read. */
    public static Config tlsWithoutCertificate() {
      return new Config("tls", null, "TLSv1.2, TLSv1.3", null);
    }

    /** TLS 1.0 only; OpenSSL 3 needs security level 0 to sign a TLS 1.0 handshake. */
    public static Config tls10Only(TestCertificates.Issued certificate) {
      return new Config("tls", certificate, "TLSv1", "DEFAULT:@SECLEVEL=0");
    }
  }

  private final Process process;
  private final int port;
  private final Path log;

  private XrdpServer(Process process, int port, Path log) {
    this.process = process;
    this.port = port;
    this.log = log;
  }

  public static XrdpServer start(Config config, Path dir) throws IOException, InterruptedException {
    String chosen = System.getProperty("xrdp.binary");
    Path binary = (chosen != null ? List.of(Path.of(chosen)) : BINARIES).stream()
        .filter(Files::isExecutable).findFirst().orElse(null);
    if (binary == null) {
      fail(INSTALL);
    }
    int port = freePort();
    Path certificate = dir.resolve("cert.pem");
    Path key = dir.resolve("key.pem");
    if (config.certificate() != null) {
      config.certificate().writePem(certificate, key);
    }
    Path log = dir.resolve("xrdp.log");
    Path ini = dir.resolve("xrdp.ini");
    Files.writeString(ini, String.join("\n",
        "[Globals]",
        "ini_version=1",
        "fork=false",
        "port=tcp://127.0.0.1:" + port,
        "security_layer=" + config.securityLayer(),
        "crypt_level=high",
        "certificate=" + certificate,
        "key_file=" + key,
        "ssl_protocols=" + config.sslProtocols(),
        config.tlsCiphers() == null ? "" : "tls_ciphers=" + config.tlsCiphers(),
        "[Logging]",
        "LogFile=" + log,
        "LogLevel=INFO",
        "EnableSyslog=false",
        "EnableConsole=false",
        "[Channels]",
        ""));
    Process process = new ProcessBuilder(binary.toString(), "--nodaemon", "--config", ini.toString())
        .redirectErrorStream(true)
        .redirectOutput(dir.resolve("xrdp.out").toFile())
        .start();
    XrdpServer server = new XrdpServer(process, port, log);
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
    while (!server.accepts()) {
      if (!process.isAlive() || System.nanoTime() > deadline) {
        String output = Files.exists(dir.resolve("xrdp.out")) ? Files.readString(dir.resolve("xrdp.out")) : "";
        server.close();
        fail("xrdp did not start listening on 127.0.0.1:" + port + ": " + output + server.logText());
      }
      Thread.sleep(50);
    }
    return server;
  }

  public int port() {
    return port;
  }

  public Target target() {
    return new Target("127.0.0.1", port);
  }

  public String logText() {
    try {
      return Files.exists(log) ? Files.readString(log) : "";
    } catch (IOException e) {
      return "";
    }
  }

  private boolean accepts() {
    try (Socket s = new Socket()) {
      s.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 200);
      return true;
    } catch (IOException e) {
      return false;
    }
  }

  private static int freePort() throws IOException {
    try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return s.getLocalPort();
    }
  }

  /** Stops this xrdp by its pid (SIGTERM, then SIGKILL), and any process it started. */
  @Override
  public void close() {
    process.descendants().forEach(ProcessHandle::destroy);
    process.destroy();
    try {
      if (!process.waitFor(5, TimeUnit.SECONDS)) {
        process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      process.destroyForcibly();
    }
  }
}
