package dev.rdpdoctor.bench;

import dev.rdpdoctor.batch.BatchRunner;
import dev.rdpdoctor.batch.BatchSummary;
import dev.rdpdoctor.batch.JsonLines;
import dev.rdpdoctor.batch.Progress;
import dev.rdpdoctor.batch.ResultLine;
import dev.rdpdoctor.casefile.CaseFileReader;
import dev.rdpdoctor.engine.PlainJavaRules;
import dev.rdpdoctor.knowledge.load.CompiledKnowledgeLoader;
import dev.rdpdoctor.knowledge.KnowledgeBase;
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
 * Java instead of Drools ({@link PlainJavaRules}) and no command-line framework.
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

  public static void main(String[] args) throws IOException {
    KnowledgeBase knowledge = CompiledKnowledgeLoader.bundledCatalogs()
        .orElseThrow(() -> new IllegalStateException("this build carries no precompiled rules"));
    PlainJavaRules rules = new PlainJavaRules(knowledge);
    PrintWriter err = new PrintWriter(new OutputStreamWriter(System.err, StandardCharsets.UTF_8), true);
    if (args.length == 2 && args[0].equals("case")) {
      PrintWriter out = new PrintWriter(new OutputStreamWriter(System.out, StandardCharsets.UTF_8));
      new TextReport(false).write(Outline.of(rules.diagnose(new CaseFileReader(knowledge.vocabulary(), Clock.systemDefaultZone()).read(Path.of(args[1]))), List.of(), knowledge), out);
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
