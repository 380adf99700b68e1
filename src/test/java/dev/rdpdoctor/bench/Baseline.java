package dev.rdpdoctor.bench;

import dev.rdpdoctor.batch.BatchRunner;
import dev.rdpdoctor.batch.BatchSummary;
import dev.rdpdoctor.batch.JsonLines;
import dev.rdpdoctor.batch.Progress;
import dev.rdpdoctor.batch.ResultLine;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.rdpdoctor.casefile.CaseFile;
import dev.rdpdoctor.casefile.CaseFileReader;
import dev.rdpdoctor.casefile.CaseValuesTree;
import dev.rdpdoctor.consult.Askable;
import dev.rdpdoctor.consult.ConsultSession;
import dev.rdpdoctor.consult.QuestionPicker;
import dev.rdpdoctor.engine.Diagnosis;
import dev.rdpdoctor.engine.PlainJavaRules;
import dev.rdpdoctor.knowledge.load.CompiledKnowledgeLoader;
import dev.rdpdoctor.knowledge.KnowledgeBase;
import dev.rdpdoctor.report.NextCheck;
import dev.rdpdoctor.report.Outline;
import dev.rdpdoctor.report.TextReport;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;

/**
 * The benchmark's floor: what {@code rdp-doctor diagnose} does, with the rules evaluated in plain
 * Java instead of Drools ({@link PlainJavaRules}) and no command-line framework. A case whose top
 * cause is not clear gets its next checks worked out, as the tool does, by diagnosing each answer.
 *
 * <pre>
 * Baseline case CASE.yaml          read one case, diagnose it, print the text report
 * Baseline batch [THREADS]         JSON Lines on stdin, result lines on stdout, summary on stderr
 * </pre>
 *
 * The rules' index and catalogs come from the precompiled bundled rules, read without Drools.
 */
public final class Baseline {

  private Baseline() {}

  /** The checks to make next, as {@code diagnose} works them out (the same picker, on all cores), with the plain rules. */
  private static List<NextCheck> nextChecks(KnowledgeBase knowledge, PlainJavaRules rules, CaseFileReader reader,
      CaseFile caseFile, Diagnosis d) {
    if (QuestionPicker.clear(d)) {
      return List.of();
    }
    ObjectNode tree = CaseValuesTree.of(caseFile.values().root());
    tree.remove("expect");
    return new QuestionPicker(rules::diagnose, reader, Askable.all(knowledge), true).nextChecks(tree, 3).stream()
        .map(o -> new NextCheck(o.question().question().ask(), o.question().question().how(),
            o.question().question().cost(), ConsultSession.separated(d, o)))
        .toList();
  }

  public static void main(String[] args) throws IOException {
    KnowledgeBase knowledge = CompiledKnowledgeLoader.bundledCatalogs()
        .orElseThrow(() -> new IllegalStateException("this build carries no precompiled rules"));
    PlainJavaRules rules = new PlainJavaRules(knowledge);
    PrintWriter err = new PrintWriter(new OutputStreamWriter(System.err, StandardCharsets.UTF_8), true);
    if (args.length == 2 && args[0].equals("case")) {
      PrintWriter out = new PrintWriter(new OutputStreamWriter(System.out, StandardCharsets.UTF_8));
      CaseFileReader reader = new CaseFileReader(knowledge.vocabulary(), Clock.systemDefaultZone());
      CaseFile caseFile = reader.read(Path.of(args[1]));
      Diagnosis diagnosis = rules.diagnose(caseFile);
      new TextReport(false).write(Outline.of(diagnosis, nextChecks(knowledge, rules, reader, caseFile, diagnosis), knowledge), out);
      out.flush();
    } else if (args.length >= 1 && args[0].equals("batch")) {
      int threads = args.length > 1 ? Integer.parseInt(args[1]) : Runtime.getRuntime().availableProcessors();
      long start = System.nanoTime();
      BufferedOutputStream out = new BufferedOutputStream(System.out, 1 << 16);
      BatchSummary summary = new BatchRunner(knowledge.vocabulary(), rules::diagnose, new ResultLine(knowledge), threads, Clock.systemDefaultZone())
          .run(new JsonLines(System.in, "stdin"), out, err, Progress.none());
      out.flush();
      summary.print(err, (System.nanoTime() - start) / 1e9, threads);
    } else {
      System.err.println("usage: Baseline case CASE.yaml | Baseline batch [THREADS]");
      System.exit(2);
    }
  }
}
