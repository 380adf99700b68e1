package dev.rdpdoctor.probe;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.io.IOException;
import java.time.Duration;

/**
 * Whatever an RD Gateway answers to RDG_OUT_DATA: the probe reads at most the capped header block
 * and gets a status with its authentication schemes, or an IOException saying what is wrong
 * (never another exception), and the symptom file it writes reads back.
 */
class GatewayReplyFuzzTest {

  private static final Target TARGET = new Target("rdp01.example.test", 3389);
  private static final Target GATEWAY = new Target("rdg.example.test", 443);

  @FuzzTest
  void anyHttpReplyIsReadOrRefused(byte[] reply) {
    ScriptedSocket socket = new ScriptedSocket(reply);
    ProbeGateway seen;
    try {
      HttpReply http = HttpReply.read(socket, Deadline.after(Duration.ofSeconds(10)));
      assertThat(http.status()).isBetween(100, 599);
      boolean rdGateway = http.status() == 401 && !http.authSchemes().isEmpty();
      seen = new ProbeGateway(GATEWAY.host(), 443L, "TLSv1.3", "TLS_AES_128_GCM_SHA256", null, null,
          (long) http.status(), http.authSchemes(), rdGateway, null);
    } catch (IOException e) {
      assertThat(e.getMessage()).isNotBlank();
      seen = new ProbeGateway(GATEWAY.host(), 443L, "TLSv1.3", "TLS_AES_128_GCM_SHA256", null, null, null, null, null,
          "no HTTP answer to RDG_OUT_DATA: " + e.getMessage());
    }
    assertThat(socket.consumed()).as("bytes read").isLessThanOrEqualTo(HttpReply.MAX_HEADERS);
    ProbeRoundTrip.check(TARGET, new Probe(TARGET.toString(), null, null, null, null, seen));
  }
}
