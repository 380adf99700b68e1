package dev.rdpdoctor.ruletools;

import dev.rdpdoctor.problem.InputError;
import dev.rdpdoctor.problem.InvalidInputException;
import dev.rdpdoctor.yaml.ReadLimits;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The hand-written text of the symptom-file reference ({@code vocabulary/symptom-file-doc.md}),
 * which the knowledge team edits as Markdown: the text before the first {@code ## } heading, then
 * the text under each {@code ## } heading. A heading names the part of the symptom file whose
 * table follows its text: {@code ## `error`} a section, {@code ## Top level} the top level.
 * Comments are notes for whoever edits the file, left out.
 *
 * @param file the file as shown to the user, for located errors
 * @param preamble the lines before the first heading
 * @param parts each {@code ## } heading with the lines under it, in the order written
 */
public record SymptomFileText(String file, List<String> preamble, List<Part> parts) {

  /** The file's name in the vocabulary folder. */
  public static final String NAME = "symptom-file-doc.md";

  /** The heading of the top-level table, as written and as generated when the text has none. */
  public static final String TOP_LEVEL = "Top level";

  private static final Pattern CODE_SPAN = Pattern.compile("`([^`]+)`");

  /**
   * A {@code ## } heading and the lines under it.
   *
   * @param line where the heading is, 1-based
   */
  public record Part(int line, String heading, List<String> text) {

    public Part {
      text = List.copyOf(text);
    }

    /** What the heading names: the first code span ({@code error} in {@code ## `error` (samples only)}), else its text. */
    public String names() {
      Matcher m = CODE_SPAN.matcher(heading);
      return m.find() ? m.group(1).strip() : heading.substring(2).strip();
    }

    /** Whether it is the heading of the top-level table. */
    public boolean isTopLevel() {
      return !CODE_SPAN.matcher(heading).find() && heading.substring(2).strip().equalsIgnoreCase(TOP_LEVEL);
    }
  }

  public SymptomFileText {
    preamble = List.copyOf(preamble);
    parts = List.copyOf(parts);
  }

  /**
   * Reads {@code folder/symptom-file-doc.md}, if there is one.
   *
   * @param shownAs the folder as shown to the user
   * @throws InvalidInputException located, when it is larger than a knowledge file may be or is not UTF-8
   */
  public static Optional<SymptomFileText> read(Path folder, String shownAs) {
    Path path = folder.resolve(NAME);
    if (!Files.isRegularFile(path)) {
      return Optional.empty();
    }
    String shown = shownAs + "/" + NAME;
    int max = ReadLimits.KNOWLEDGE_FILE.maxBytes();
    byte[] bytes;
    try (InputStream in = Files.newInputStream(path)) {
      bytes = in.readNBytes(max + 1);
    } catch (IOException e) {
      throw new InvalidInputException(InputError.error(shown, 1, 1, "cannot read it: " + e.getMessage()));
    }
    if (bytes.length > max) {
      throw new InvalidInputException(InputError.error(shown, 1, 1,
          "larger than " + (max >> 20) + " MiB, the most " + ReadLimits.KNOWLEDGE_FILE.kind() + " may hold"));
    }
    try {
      String content = StandardCharsets.UTF_8.newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT)
          .decode(ByteBuffer.wrap(bytes)).toString();
      return Optional.of(parse(shown, content));
    } catch (CharacterCodingException e) {
      throw new InvalidInputException(InputError.error(shown, 1, 1, "not UTF-8 text"));
    }
  }

  /**
   * Splits Markdown at its {@code ## } headings; a heading inside a fenced code block is text.
   * Comments (lines from one starting {@code <!--} to the one holding {@code -->}) are notes for
   * whoever edits the file, left out of the document.
   */
  public static SymptomFileText parse(String file, String content) {
    List<String> preamble = new ArrayList<>();
    List<Part> parts = new ArrayList<>();
    List<String> lines = content.replace("\r\n", "\n").lines().toList();
    String heading = null;
    int headingLine = 0;
    List<String> under = preamble;
    String fence = null;
    boolean comment = false;
    for (int i = 0; i < lines.size(); i++) {
      String line = lines.get(i);
      String trimmed = line.stripLeading();
      if (comment || fence == null && trimmed.startsWith("<!--")) {
        comment = !line.contains("-->");
        continue;
      }
      if (fence == null && (trimmed.startsWith("```") || trimmed.startsWith("~~~"))) {
        fence = trimmed.substring(0, 3);
      } else if (fence != null && trimmed.startsWith(fence)) {
        fence = null;
      } else if (fence == null && line.startsWith("## ")) {
        if (heading != null) {
          parts.add(new Part(headingLine, heading, under));
        }
        heading = line.strip();
        headingLine = i + 1;
        under = new ArrayList<>();
        continue;
      }
      under.add(line);
    }
    if (heading != null) {
      parts.add(new Part(headingLine, heading, under));
    }
    return new SymptomFileText(file, preamble, parts);
  }
}
