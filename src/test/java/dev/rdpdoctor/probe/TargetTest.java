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

  @Test
  void acceptsWhatDnsAndTheAddressFormatsAllow() {
    String longest = ("a".repeat(62) + ".").repeat(4) + "b";
    assertThat(longest).hasSize(Target.MAX_NAME);
    assertThat(Target.parse(longest + ":3390", 3389)).isEqualTo(new Target(longest, 3390));
    assertThat(Target.parse("rdp01.corp.example.", 3389).host()).isEqualTo("rdp01.corp.example.");
    assertThat(Target.parse("::ffff:10.0.0.5", 3389).host()).isEqualTo("::ffff:10.0.0.5");
    assertThat(Target.parse("[2001:db8::7]:65535", 3389)).isEqualTo(new Target("2001:db8::7", 65535));
    assertThat(Target.parse("255.255.255.255:1", 3389)).isEqualTo(new Target("255.255.255.255", 1));
  }

  @Test
  void refusesWhatNoConnectCouldUse() {
    assertThatThrownBy(() -> Target.parse("172.16.0.1:3389:2", 3389)).hasMessageStartingWith("'172.16.0.1:3389:2': "
        + "'172.16.0.1:3389:2' is not an IPv6 address (an IPv6 address with a port is written in brackets: [fe80::1]:3389)");
    assertThatThrownBy(() -> Target.parse("[172.16.0.1]:3389", 3389)).hasMessageContaining("'172.16.0.1' is not an IPv6 address");
    assertThatThrownBy(() -> Target.parse("172.16.0.256", 3389)).hasMessageContaining("is not an IPv4 address");
    assertThatThrownBy(() -> Target.parse("172.16.1", 3389)).hasMessageContaining("is not an IPv4 address");
    assertThatThrownBy(() -> Target.parse("rdp01:99999999999999", 3389)).hasMessage("port 99999999999999 is out of range (1-65535)");
    assertThatThrownBy(() -> Target.parse("rdp01.corp..example", 3389)).hasMessageContaining("has an empty part between dots");
    assertThatThrownBy(() -> Target.parse("x".repeat(64) + ".corp.example", 3389))
        .hasMessageContaining("has a part of 64 characters between dots; DNS allows at most 63");
    String huge = "host".repeat(30_000);
    assertThatThrownBy(() -> Target.parse(huge, 3389)).message()
        .endsWith("a host name of 120,000 characters; DNS carries at most 253").hasSizeLessThan(200);
  }
}
