package dev.rdpdoctor.probe;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;

/**
 * Whatever a server answers to an X.224 Connection Request: the probe reads at most one capped
 * TPKT, turns it into an answer (never an exception), states it as a fact, and the symptom file
 * it writes reads back. The first byte of an input picks the request; the rest is the reply.
 */
class NegotiationReplyFuzzTest {

  private static final Target TARGET = new Target("rdp01.example.test", 3389);

  @FuzzTest
  void anyReplyIsAnAnswerNeverAnException(byte[] input) {
    RdpProtocol offered = RdpPortProbe.REQUESTS.get(input.length == 0 ? 0 : (input[0] & 0xff) % RdpPortProbe.REQUESTS.size());
    byte[] reply = input.length == 0 ? input : Arrays.copyOfRange(input, 1, input.length);

    ScriptedSocket socket = new ScriptedSocket(reply);
    NegotiationAnswer answer = new Negotiator().negotiate(socket, offered, Deadline.after(Duration.ofSeconds(10)));
    assertThat(answer).isNotNull();
    assertThat(socket.consumed()).as("bytes read").isLessThanOrEqualTo(TpktReader.MAX_CONFIRM);

    NegotiationAnswer decoded = ConnectionConfirmDecoder.decode(reply); // the decoder on its own
    assertThat(decoded).isNotNull();

    ProbeNegotiation fact = NegotiationFacts.of(offered, answer);
    assertThat(NegotiationFacts.describe(fact)).doesNotContain("\n");
    NegotiationReading reading = new NegotiationReading(List.of(fact));
    reading.nlaRequired();
    reading.securityLayer();
    ProbeRoundTrip.check(TARGET, new Probe(TARGET.toString(), null, null, List.of(fact), null, null));
  }
}
