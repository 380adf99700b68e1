package dev.rdpdoctor.serve;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.rdpdoctor.batch.BatchItem;
import dev.rdpdoctor.batch.BatchOutcome;
import dev.rdpdoctor.batch.ResultLine;
import dev.rdpdoctor.casefile.CaseFile;
import dev.rdpdoctor.casefile.CaseFileReader;
import dev.rdpdoctor.casefile.CaseFileWriter;
import dev.rdpdoctor.consult.Askable;
import dev.rdpdoctor.consult.ConsultStep;
import dev.rdpdoctor.consult.NextChecks;
import dev.rdpdoctor.consult.QuestionPicker;
import dev.rdpdoctor.engine.Diagnoser;
import dev.rdpdoctor.engine.Diagnosis;
import dev.rdpdoctor.evidence.Evidence;
import dev.rdpdoctor.evidence.EvidenceLimits;
import dev.rdpdoctor.evidence.EvidenceReader;
import dev.rdpdoctor.knowledge.KnowledgeBase;
import dev.rdpdoctor.report.ExplainReport;
import dev.rdpdoctor.report.JsonReport;
import dev.rdpdoctor.report.MarkdownReport;
import dev.rdpdoctor.report.NextCheck;
import dev.rdpdoctor.report.Outline;
import dev.rdpdoctor.report.Redactor;
import dev.rdpdoctor.report.Report;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * The knowledge base as the server uses it: a case given as text is read (YAML, or JSON when it
 * starts with <code>{</code>) with the same located errors as the command line, diagnosed with the
 * same engine, and laid out by the same reports. Thread-safe: what is not is kept per thread.
 */
public final class Doctor {

  private static final com.fasterxml.jackson.databind.ObjectMapper JSON = dev.rdpdoctor.yaml.YamlMapper.json();

  private final KnowledgeBase knowledge;
  private final Diagnoser diagnoser;
  private final Clock clock;
  private final ThreadLocal<CaseFileReader> yaml;
  private final ThreadLocal<CaseFileReader> json;
  private final ThreadLocal<NextChecks> nextChecks;
  private final ThreadLocal<QuestionPicker> pickers;
  private final List<Askable> questions;
  private final ResultLine resultLines;

  public Doctor(KnowledgeBase knowledge, Clock clock) {
    this.knowledge = knowledge;
    this.clock = clock;
    this.diagnoser = new Diagnoser(knowledge);
    this.yaml = ThreadLocal.withInitial(() -> new CaseFileReader(knowledge.vocabulary(), clock));
    this.json = ThreadLocal.withInitial(() -> CaseFileReader.json(knowledge.vocabulary(), clock));
    this.nextChecks = ThreadLocal.withInitial(() -> new NextChecks(knowledge, diagnoser, false));
    this.questions = Askable.all(knowledge);
    this.resultLines = new ResultLine(knowledge);
    this.pickers = ThreadLocal.withInitial(() -> new QuestionPicker(diagnoser, yaml.get(), questions));
  }

  public KnowledgeBase knowledge() {
    return knowledge;
  }

  public Clock clock() {
    return clock;
  }

  /**
   * A case diagnosed: what was read, what the rules concluded, and the report's outline.
   *
   * @param checksWeighed whether the checks that would best separate close causes were weighed
   *     (each by diagnosing the case once per answer of every question: about a hundred times the
   *     work of the diagnosis itself)
   */
  public record Diagnosed(CaseFile caseFile, Diagnosis diagnosis, Outline outline, boolean checksWeighed,
      Optional<Evidence> evidence) {

    public Diagnosed(CaseFile caseFile, Diagnosis diagnosis, Outline outline, boolean checksWeighed) {
      this(caseFile, diagnosis, outline, checksWeighed, Optional.empty());
    }

    public String top() {
      return outline.ranked().isEmpty() || outline.rankedByBaseRate() ? null : outline.ranked().get(0).id();
    }
  }

  /**
   * Reads a symptom file given as text, named {@code name} in its errors.
   *
   * @throws dev.rdpdoctor.problem.InvalidInputException with every located problem
   */
  public CaseFile read(String name, byte[] content) {
    return (looksLikeJson(content) ? json.get() : yaml.get()).read(name, content);
  }

  /** Reads and diagnoses a symptom file given as text, with the checks to suggest when the evidence is thin. */
  public Diagnosed diagnose(String name, byte[] content) {
    return diagnose(read(name, content));
  }

  public Diagnosed diagnose(CaseFile caseFile) {
    return diagnose(caseFile, true);
  }

  /** @param weighChecks whether to weigh the checks to suggest when the top cause is not clear */
  public Diagnosed diagnose(CaseFile caseFile, boolean weighChecks) {
    Diagnosis d = diagnoser.diagnose(caseFile);
    List<NextCheck> checks = !weighChecks ? List.of() : nextChecks.get().of(caseFile, d).stream()
        .map(s -> NextCheck.of(s.question(), s.separates())).toList();
    return new Diagnosed(caseFile, d, Outline.of(d, checks, knowledge), weighChecks);
  }

  /**
   * A case made from Windows' exports: the evidence read, merged into the case given as text (the
   * user's statements win; an empty text is the evidence on its own), and diagnosed.
   *
   * @param symptomFile the symptom file that says what the merged case says, with where each
   *     value was found as comments: what is carried on to save, explain or consult
   */
  public record Examined(Diagnosed diagnosed, byte[] symptomFile) {}

  /**
   * Reads the evidence given ({@code label} names it in the reports), merges it into the case
   * {@code name} given as {@code text}, and diagnoses the result.
   *
   * @throws dev.rdpdoctor.problem.InvalidInputException when the case text, or the merged case, has errors
   */
  public Examined examine(String label, List<EvidenceReader.Given> files, String name, byte[] text, boolean weighChecks) {
    Evidence evidence = new EvidenceReader(knowledge.vocabulary(), EvidenceLimits.SERVER).read(label, files);
    CaseFileReader.Found found = (looksLikeJson(text) ? json.get() : yaml.get())
        .read(name, text, evidence.facts(), knowledge.vocabulary());
    Diagnosed d = diagnose(found.caseFile(), weighChecks);
    String file = CaseFileWriter.comment("Made by rdp-doctor from " + (text.length == 0 ? "" : name + " and ")
        + "the evidence " + label) + evidence.whereFound() + new CaseFileWriter().write(found.statements());
    return new Examined(new Diagnosed(d.caseFile(), d.diagnosis(), d.outline(), d.checksWeighed(), Optional.of(evidence)),
        utf8(file));
  }

  /** The diagnosis as one result line, as {@code diagnose --format jsonl} writes it (schema rdp-doctor/result/1). */
  public byte[] resultLine(CaseFile caseFile, byte[] content) {
    Diagnosis d = diagnoser.diagnose(caseFile);
    return resultLines.render(new BatchOutcome.Diagnosed(new BatchItem.JsonLine(0, caseFile.source(), 1, content), d));
  }

  /**
   * The diagnosis as {@code diagnose --format json} writes it for one case of many (one line);
   * without {@code next_checks} when they were not weighed.
   */
  public String json(Diagnosed d, boolean redact) {
    if (!d.checksWeighed()) {
      return write(d, redact, out -> {
        JsonReport report = new JsonReport(false);
        try {
          out.write(JSON.writeValueAsString(report.toJson(d.outline())));
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
          throw new java.io.UncheckedIOException(e);
        }
        out.write(System.lineSeparator());
      });
    }
    return write(d, redact, out -> new JsonReport(false).write(d.outline(), out));
  }

  /** The report as {@code diagnose --format markdown} writes it. */
  public String markdown(Diagnosed d, boolean redact) {
    return write(d, redact, out -> new MarkdownReport().write(d.outline(), out));
  }

  /** The report in any format. */
  public String report(Report report, Diagnosed d, boolean redact) {
    return write(d, redact, out -> report.write(d.outline(), out));
  }

  /** The explanation as {@code explain} writes it: how, why not, and why each fix. */
  public String explanation(Diagnosed d, Optional<String> cause, boolean redact) {
    return write(d, redact, out -> new ExplainReport(knowledge).write(d.diagnosis(), cause, out));
  }

  /** A redactor that has learned the names of the case, to redact other text about it the same way. */
  public static Redactor redactorFor(CaseFile caseFile) {
    Redactor r = new Redactor();
    r.learn(caseFile.source(), caseFile.values());
    return r;
  }

  /** A redactor that has learned the names of the case, and of the machines its evidence comes from. */
  public static Redactor redactorFor(Diagnosed d) {
    Redactor r = redactorFor(d.caseFile());
    d.evidence().ifPresent(e -> {
      r.learn(e.facts().origin(), null);
      r.learnMachines(e.machines());
    });
    return r;
  }

  private static String write(Diagnosed d, boolean redact, Consumer<PrintWriter> writer) {
    StringWriter text = new StringWriter(8192);
    PrintWriter out = new PrintWriter(text);
    writer.accept(out);
    out.flush();
    return redact ? redactorFor(d).apply(text.toString()) : text.toString();
  }

  /**
   * Replays a consultation's answers on the case it started from ({@code start}, a symptom file's
   * sections), and says where that leaves it.
   */
  public ConsultStep.Position consult(ObjectNode start, List<ConsultStep.Answer> answers, int limit) {
    return new ConsultStep(pickers.get(), questions, limit).replay(start, answers, "answers");
  }

  /** The questions of the knowledge base that can be asked. */
  public List<Askable> questions() {
    return questions;
  }

  static boolean looksLikeJson(byte[] content) {
    for (byte b : content) {
      if (b == '{') {
        return true;
      }
      if (b != ' ' && b != '\t' && b != '\r' && b != '\n') {
        return false;
      }
    }
    return false;
  }

  static byte[] utf8(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }
}
