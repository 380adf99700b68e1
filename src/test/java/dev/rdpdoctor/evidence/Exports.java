package dev.rdpdoctor.evidence;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** The hand-made exports in {@code src/test/resources/evidence/}, read as one reader reads them. */
final class Exports {

  static final Path FOLDER = Path.of("src/test/resources/evidence");

  private Exports() {}

  static byte[] bytes(String name) {
    try {
      return Files.readAllBytes(FOLDER.resolve(name));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static DecodedText text(String name) {
    return DecodedText.of(bytes(name)).orElseThrow();
  }

  /** {@code name} read by {@code reader}, which must recognise it. */
  static FileReading read(FormatReader reader, String name) {
    DecodedText text = text(name);
    if (!reader.recognises(text)) {
      throw new AssertionError(reader.kind() + " does not recognise " + name);
    }
    return read(reader, name, text);
  }

  static FileReading read(FormatReader reader, String name, DecodedText text) {
    FileReading reading = new FileReading(name, "evidence/" + name, text, EvidenceLimits.DEFAULT);
    reader.read(reading);
    return reading;
  }

  /** Text as a reader sees it, from a string: for inputs made in a test. */
  static FileReading readText(FormatReader reader, String name, String text) {
    return read(reader, name, DecodedText.of(text));
  }
}
