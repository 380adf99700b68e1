package dev.rdpdoctor.probe;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.Socket;
import org.junit.jupiter.api.Test;

class TcpStatsTest {

  private static ConnectResult ok(double millis) {
    return new ConnectResult.Connected(new Socket(), millis);
  }

  private static ConnectResult lost() {
    return new ConnectResult.NotConnected(TcpOutcome.TIMED_OUT, "no answer", 2000);
  }

  @Test
  void estimatesLossFromEveryAttemptAndJitterAfterTheFirst() {
    TcpStats stats = new TcpStats(3389);
    for (ConnectResult r : new ConnectResult[] {ok(9.0), ok(1.0), lost(), ok(3.0), ok(2.0)}) {
      stats.add(r);
    }
    ProbeTcp fact = stats.fact();
    assertThat(fact.outcome()).isEqualTo(TcpOutcome.CONNECTED);
    assertThat(fact.attempts()).isEqualTo(5);
    assertThat(fact.failures()).isEqualTo(1);
    assertThat(fact.lossPercent()).isEqualTo(20.0);
    assertThat(fact.connectMs()).as("median").isEqualTo(2.5);
    assertThat(fact.jitterMs()).as("|3-1| and |2-3|, the 9 ms first connect left out").isEqualTo(1.5);
  }

  @Test
  void withoutAConnectThereIsNoLossEstimateOnlyTheOutcome() {
    TcpStats stats = new TcpStats(3389);
    stats.add(lost());
    stats.add(lost());
    ProbeTcp fact = stats.fact();
    assertThat(fact.outcome()).isEqualTo(TcpOutcome.TIMED_OUT);
    assertThat(fact.connectMs()).isNull();
    assertThat(fact.lossPercent()).isNull();
    assertThat(fact.jitterMs()).isNull();
  }
}
