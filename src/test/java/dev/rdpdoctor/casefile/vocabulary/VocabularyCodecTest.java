package dev.rdpdoctor.casefile.vocabulary;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.Map;
import org.junit.jupiter.api.Test;

class VocabularyCodecTest {

  /** Every kind of key, derivation and Windows source, with values of every type in them. */
  private static final String EVERY_KIND = """
      types:
        Case:
          root: true
          doc: A case.
          keys:
            observed: {type: date, doc: when, example: "2026-11-20"}
            host: {type: section, of: Host, insert: always, doc: the host}
            events: {type: section, of: Event, list: true, insert: each, doc: events}
        Host:
          doc: The host.
          shorthand: name
          keys:
            name: {type: text, identifies: host, doc: its name, example: rdp01}
            names: {type: text, list: true, doc: names, example: "[a, b]"}
            covered:
              type: yes-no
              doc: covered
              example: "true"
              derived: {by: name-covered, from: [name, names]}
            port:
              type: whole-number
              min: 1
              max: 65535
              doc: the port
              example: "3389"
              windows:
                - registry:
                    key: HKLM\\SYSTEM\\RDP-Tcp
                    value: PortNumber
                    kind: REG_DWORD
                    absent: 3389
                    note: the listener's port
            load: {type: decimal, min: 0, max: 1.5, doc: load, example: "0.5"}
            code: {type: code, doc: a code, example: "0x904"}
            patched:
              type: date
              doc: last patched
              example: "2026-01-02"
              windows:
                - registry: {key: HKLM\\X, value: Patched, kind: REG_SZ, otherwise: "2026-01-03", absent: "2025-12-31"}
            expires:
              type: date
              doc: expiry
              example: "2026-01-02"
            days_left:
              type: whole-number
              doc: days left
              example: "3"
              derived: {by: days-from-observed, from: [expires], stated: replaced}
            changed:
              type: approximate-date
              doc: when it last changed
              example: last week
              windows:
                - registry: {key: HKLM\\X, value: Changed, kind: REG_SZ, absent: "2025-12-30"}
            days_since_change:
              type: whole-number
              doc: days since it changed
              example: "8"
              derived: {by: days-before-observed, from: [changed]}
            layer:
              type: one-of
              of: Layer
              field: securityLayer
              doc: the layer
              example: tls
              windows:
                - registry: {key: HKLM\\Y, value: SecurityLayer, kind: REG_DWORD, map: {"0": rdp, "2": tls}}
                - command: {run: qwinsta, read: the layer, match: {"TLS": tls, "RDP": rdp}}
                - rdp_file: {setting: "authentication level", kind: i, map: {"2": tls}}
            layers: {type: one-of, of: Layer, list: true, doc: layers, example: tls}
            denied:
              type: yes-no
              doc: denied
              example: "false"
              windows:
                - event: {log: System, provider: Schannel, ids: [36870, 36871], means: true}
        Event:
          doc: An event.
          shorthand: id
          required_one_of: [id, source]
          missing: an event needs its id or its source
          keys:
            id: {type: whole-number, doc: the id, example: "1058"}
            source: {type: text, doc: the source, example: Schannel}
      sets:
        Layer: {rdp: ["0", native], negotiate: ["1"], tls: ["2", ssl]}
      """;

  private static Vocabulary everyKind() {
    return new VocabularyReader().read(Map.of("case.yaml", EVERY_KIND.getBytes(StandardCharsets.UTF_8)), "v");
  }

  @Test
  void everyKindOfKeyAndSourceReadsBackEqual() throws IOException {
    Vocabulary v = everyKind();
    Vocabulary back = VocabularyCodec.read(VocabularyCodec.write(v));
    assertThat(back).isEqualTo(v);
    assertThat(back.places()).isEqualTo(v.places());
    assertThat(back.factTypes()).isEqualTo(v.factTypes());
    WindowsSource.Registry patched = (WindowsSource.Registry) back.place("host.patched").orElseThrow().key().windows().get(0);
    assertThat(patched.absent()).contains(LocalDate.of(2025, 12, 31));
    assertThat(patched.otherwise()).contains(LocalDate.of(2026, 1, 3));
    WindowsSource.Registry changed = (WindowsSource.Registry) back.place("host.changed").orElseThrow().key().windows().get(0);
    assertThat(changed.absent()).contains(new DateEstimate("2025-12-30", LocalDate.of(2025, 12, 30), LocalDate.of(2025, 12, 30), true));
    assertThat(back.place("host.changed").orElseThrow().key().type()).isEqualTo(new KeyType.ApproximateDate());
    assertThat(back.type("Event").orElseThrow().requiredOneOf()).containsExactly("id", "source");
    assertThat(back.type("Event").orElseThrow().missingOneOf()).isEqualTo("an event needs its id or its source");
  }

  @Test
  void theBundledVocabularyReadsBackEqual() throws IOException {
    Vocabulary bundled = new VocabularyReader().read(Path.of("rules", VocabularyReader.FOLDER), "rules/vocabulary");
    assertThat(VocabularyCodec.read(VocabularyCodec.write(bundled))).isEqualTo(bundled);
  }

  @Test
  void bytesCutShortOrExtendedAreNotAVocabulary() {
    byte[] bytes = VocabularyCodec.write(everyKind());
    assertThatThrownBy(() -> VocabularyCodec.read(Arrays.copyOf(bytes, bytes.length - 1))).isInstanceOf(IOException.class);
    assertThatThrownBy(() -> VocabularyCodec.read(Arrays.copyOf(bytes, bytes.length + 1))).isInstanceOf(IOException.class);
    assertThatThrownBy(() -> VocabularyCodec.read(new byte[] {0x7f, 0, 0, 0})).isInstanceOf(IOException.class);
  }
}
