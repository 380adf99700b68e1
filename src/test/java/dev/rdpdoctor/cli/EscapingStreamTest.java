package dev.rdpdoctor.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.rdpdoctor.casefile.CaseFileReader;
import dev.rdpdoctor.casefile.CaseFileWriter;
import dev.rdpdoctor.casefile.CaseValues;
import dev.rdpdoctor.casefile.CaseValuesTree;
import dev.rdpdoctor.problem.ControlCharacters;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EscapingStreamTest {

  /** Every character a terminal acts on, among ordinary ones that share their first bytes. */
  private static final String HOSTILE = "a\u001b]0;TITLE\u0007\u001b[2J b\u0000\u0008\u000b\u000c\r\u007f c\u0080\u0085\u009b\u009f d"
      + "\u202a\u202e\u2066\u2069 e\tf\ng \u00a0\u00bf\u00e9 \u2019\u201c\u2028\u2029\u2065\u206a\u2070 \u20ac \ud83d\ude00";

  private static final String SHOWN = "a\\e]0;TITLE\\a\\e[2J b\\u0000\\b\\v\\f\\r\\u007f c\\u0080\\u0085\\u009b\\u009f d"
      + "\\u202a\\u202e\\u2066\\u2069 e\tf\ng \u00a0\u00bf\u00e9 \u2019\u201c\u2028\u2029\u2065\u206a\u2070 \u20ac \ud83d\ude00";

  private static String throughStream(byte[] bytes, int pieceSize) throws IOException {
    ByteArrayOutputStream sink = new ByteArrayOutputStream();
    EscapingStream stream = new EscapingStream(sink);
    for (int i = 0; i < bytes.length; i += pieceSize) {
      stream.write(bytes, i, Math.min(pieceSize, bytes.length - i));
    }
    stream.flush();
    return sink.toString(StandardCharsets.UTF_8);
  }

  @Test
  void theCharactersATerminalActsOnAreWrittenAsEscapesAndEverythingElseAsItIs() throws IOException {
    byte[] bytes = HOSTILE.getBytes(StandardCharsets.UTF_8);
    for (int piece : new int[] {bytes.length, 1, 2, 3, 5, 7}) {
      assertThat(throughStream(bytes, piece)).as("written %d bytes at a time", piece).isEqualTo(SHOWN);
    }
    ByteArrayOutputStream sink = new ByteArrayOutputStream();
    EscapingStream stream = new EscapingStream(sink);
    for (byte b : bytes) {
      stream.write(b);
    }
    stream.flush();
    assertThat(sink.toString(StandardCharsets.UTF_8)).isEqualTo(SHOWN);
  }

  @Test
  void escapesTheSameCharactersAsMessagesDo() throws IOException {
    StringBuilder all = new StringBuilder();
    for (int c = 0; c < 0x2100; c++) {
      if (!Character.isSurrogate((char) c)) {
        all.appendCodePoint(c);
      }
    }
    String text = all.toString();
    assertThat(throughStream(text.getBytes(StandardCharsets.UTF_8), 4096)).isEqualTo(ControlCharacters.escaped(text));
  }

  @Test
  void aJsonDocumentMeansWhatItMeantWithItsCharactersEscaped() throws IOException {
    ObjectMapper json = new ObjectMapper();
    byte[] written = json.writeValueAsBytes(Map.of("title", HOSTILE));
    String shown = throughStream(written, 3);
    assertThat(shown.chars()).noneMatch(ControlCharacters::acted);
    assertThat(json.readValue(shown, Map.class)).isEqualTo(Map.of("title", HOSTILE));
  }

  @Test
  void aSymptomFileWrittenToStdoutReadsBackAsItWas(@TempDir Path dir) throws IOException {
    // the probe writes its symptom file to stdout: a certificate subject from a hostile server
    // with bidi overrides or C1 controls in it must be saved from there as the server sent it
    CaseFileReader reader = new CaseFileReader();
    String written = new CaseFileWriter().write(CaseValuesTree.of(
        reader.read(Files.writeString(dir.resolve("original.yaml"), "title: x\nerror:\n  code: 0x904\n")).values().root()));
    assertThat(written).contains("title: x\n");
    for (String title : new String[] {HOSTILE.replace("\u0000", ""), "invoice \u202efdp.exe", "a \u2067b\u2069\nc \u202ad"}) {
      Path given = Files.writeString(dir.resolve("given.yaml"),
          written.replace("title: x\n", "title: " + yamlQuoted(title) + "\n"));
      CaseValues symptoms = reader.read(given).values();
      assertThat(symptoms.at("title")).hasValue(title);

      String shown = throughStream(new CaseFileWriter().write(CaseValuesTree.of(symptoms.root())).getBytes(StandardCharsets.UTF_8), 5);
      assertThat(shown.chars()).noneMatch(ControlCharacters::acted);
      assertThat(reader.read(Files.writeString(dir.resolve("saved.yaml"), shown)).values().root()).isEqualTo(symptoms.root());
    }
  }

  /** A double-quoted YAML string with everything but printable ASCII written as an escape. */
  private static String yamlQuoted(String text) {
    StringBuilder out = new StringBuilder("\"");
    text.codePoints().forEach(c -> {
      if (c == '"' || c == '\\') {
        out.append('\\').appendCodePoint(c);
      } else if (c >= 0x20 && c < 0x7F) {
        out.appendCodePoint(c);
      } else {
        out.append(String.format(c > 0xFFFF ? "\\U%08x" : "\\u%04x", c));
      }
    });
    return out.append('"').toString();
  }

  @Test
  void remembersTheFirstWriteThatFailedAndWhy() throws IOException {
    OutputStream full = new OutputStream() {
      @Override
      public void write(int b) throws IOException {
        throw new IOException("No space left on device");
      }
    };
    EscapingStream stream = new EscapingStream(full);
    assertThat(stream.failure()).isEmpty();
    try {
      stream.write("report".getBytes(StandardCharsets.UTF_8));
    } catch (IOException expected) {
      assertThat(expected).hasMessage("No space left on device");
    }
    assertThat(stream.failure()).contains("No space left on device");
  }
}
