package dev.rdpdoctor.probe;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class TargetTest {

  @Test
  void readsHostAndPort() {
    assertThat(Target.parse("rdp01.corp.example", 3389)).isEqualTo(new Target("rdp01.corp.example", 3389));
    assertThat(Target.parse("rdp01:3390", 3389)).isEqualTo(new Target("rdp01", 3390));
    assertThat(Target.parse("10.0.0.5:3389", 1)).isEqualTo(new Target("10.0.0.5", 3389));
    assertThat(Target.parse("[::1]:3390", 3389)).isEqualTo(new Target("::1", 3390));
    assertThat(Target.parse("fe80::1", 3389)).isEqualTo(new Target("fe80::1", 3389));
  }

  @Test
  void printsAsTyped() {
    assertThat(Target.parse("[::1]:3390", 3389)).hasToString("[::1]:3390");
    assertThat(Target.parse("rdp01", 3389)).hasToString("rdp01:3389");
  }

  @Test
  void tellsAddressesFromNames() {
    assertThat(Target.parse("127.0.0.1", 3389).isAddress()).isTrue();
    assertThat(Target.parse("::1", 3389).isAddress()).isTrue();
    assertThat(Target.parse("rdp01", 3389).isAddress()).isFalse();
  }

  @Test
  void refusesWhatIsNoTarget() {
    assertThatThrownBy(() -> Target.parse("", 3389)).hasMessageContaining("no host name");
    assertThatThrownBy(() -> Target.parse("rdp01:x", 3389)).hasMessage("'rdp01:x': the port 'x' is not a number");
    assertThatThrownBy(() -> Target.parse("rdp01:70000", 3389)).hasMessage("port 70000 is out of range (1-65535)");
    assertThatThrownBy(() -> Target.parse("rdp 01", 3389)).hasMessage("'rdp 01': 'rdp 01' is not a host name or address");
    assertThatThrownBy(() -> Target.parse("[::1", 3389)).hasMessageContaining("closing ']'");
  }
}
