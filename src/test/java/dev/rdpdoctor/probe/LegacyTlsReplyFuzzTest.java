package dev.rdpdoctor.probe;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.time.Duration;

/**
 * Whatever a server answers to the hand-made TLS 1.0/1.1 hello: the probe parses its records,
 * server hello and Certificate message into a reply or a refusal (never an exception), reports
 * the certificate, and the symptom file it writes reads back.
 */
class LegacyTlsReplyFuzzTest {

  private static final Target TARGET = new Target("rdp01.example.test", 3389);

  @FuzzTest
  void anyServerFlightIsAReplyOrARefusal(byte[] flight) {
    ScriptedSocket socket = new ScriptedSocket(flight);
    LegacyTlsHello.Reply reply = new LegacyTlsHello().exchange(socket, TARGET.host(), Deadline.after(Duration.ofSeconds(10)));
    assertThat(reply).isNotNull();
    TlsOutcome.Failed modern = new TlsOutcome.Failed("the server refused TLS 1.2 and 1.3", java.util.List.of(), true);
    TlsOutcome outcome = modern;
    if (reply instanceof LegacyTlsHello.Reply.ServerHello hello) {
      assertThat(hello.chain()).hasSizeLessThanOrEqualTo(10);
      // as LegacyTlsCheck reports it
      outcome = new TlsOutcome.LegacyOnly(
          LegacyTlsHello.VERSIONS.getOrDefault(hello.version(), String.format("0x%04x", hello.version())),
          LegacyTlsHello.SUITES.getOrDefault(hello.cipher(), String.format("0x%04x", hello.cipher())),
          hello.chain(), modern.error());
    } else {
      assertThat(((LegacyTlsHello.Reply.Refused) reply).why()).isNotBlank();
    }
    ProbeTls tls = TlsFacts.of(outcome, TARGET.host());
    assertThat(TlsFacts.describe(tls)).isNotNull();
    ProbeRoundTrip.check(TARGET, new Probe(TARGET.toString(), null, null, null, tls, null));
  }
}
