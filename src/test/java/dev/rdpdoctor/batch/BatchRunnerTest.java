package dev.rdpdoctor.batch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.rdpdoctor.Fixtures;
import dev.rdpdoctor.casefile.CaseFileReader;
import dev.rdpdoctor.engine.Diagnoser;
import dev.rdpdoctor.engine.Diagnosis;
import dev.rdpdoctor.knowledge.load.CompiledKnowledgeLoader;
import dev.rdpdoctor.knowledge.KnowledgeBase;
import dev.rdpdoctor.problem.InputError;
import dev.rdpdoctor.problem.InvalidInputException;
import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.BufferedOutputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BatchRunnerTest {

  private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-20T10:00:00Z"), ZoneOffset.UTC);
  private static final ObjectMapper JSON = new ObjectMapper();

  private static final KnowledgeBase KNOWLEDGE = new CompiledKnowledgeLoader(message -> {
    throw new AssertionError(message);
  }).load(Fixtures.RULES);

  @TempDir Path dir;

  /** Bad lines, by line number, and the start of the error each must give. */
  private static final Map<Integer, String> BAD = new TreeMap<>(Map.of(
      17, "not json at all",
      4_242, "{\"titel\": \"a typo\"}",
      50_000, "[1, 2, 3]",
      77_777, "{\"error\": {\"code\": \"0xZZZ\"}}",
      100_001, "{\"rdp\": {\"port\": \"three thousand\"}}"));

  private static final Map<Integer, String> BAD_MESSAGES = Map.of(
      17, "invalid JSON",
      4_242, "unknown key 'titel'",
      50_000, "expected an object of sections",
      77_777, "malformed code '0xZZZ'",
      100_001, "rdp.port: expected");

  @Test
  void aHundredThousandCasesWithSomeBadLinesComeOutInOrderAsOneByOne() throws IOException {
    GeneratedCases generated = new GeneratedCases(Fixtures.SAMPLES, 3);
    ByteArrayOutputStream input = new ByteArrayOutputStream(80 << 20);
    int lines = 100_002;
    int blank = 60_000;
    for (int line = 1; line <= lines; line++) {
      String text = line == blank ? "" : BAD.getOrDefault(line, generated.line(line));
      input.write(text.getBytes(StandardCharsets.UTF_8));
      input.write('\n');
    }
    byte[] bytes = input.toByteArray();

    Path results = dir.resolve("results.jsonl");
    StringWriter errors = new StringWriter();
    BatchSummary summary;
    try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(results))) {
      summary = new BatchRunner(KNOWLEDGE.vocabulary(), new Diagnoser(KNOWLEDGE)::diagnose, new ResultLine(KNOWLEDGE), 2, CLOCK)
          .run(new JsonLines(new ByteArrayInputStream(bytes), "cases.jsonl"), out, new PrintWriter(errors), Progress.none());
    }

    // each case on its own, for comparison (several at a time, to keep the test short)
    Diagnoser diagnoser = new Diagnoser(KNOWLEDGE);
    ThreadLocal<CaseFileReader> readers = ThreadLocal.withInitial(() -> CaseFileReader.json(CLOCK));
    List<String> inputLines = new String(bytes, StandardCharsets.UTF_8).lines().toList();
    Expected[] alone = new Expected[lines + 1];
    IntStream.rangeClosed(1, lines).parallel().filter(l -> l != blank).forEach(l -> {
      try {
        alone[l] = Expected.of(diagnoser.diagnose(
            readers.get().read("cases.jsonl", l, inputLines.get(l - 1).getBytes(StandardCharsets.UTF_8))));
      } catch (InvalidInputException e) {
        alone[l] = new Expected(null, null, 0, e.errors());
      }
    });
    List<String> expectedErrors = new ArrayList<>();
    int rejected = 0;
    int checked = 0;
    try (BufferedReader out = Files.newBufferedReader(results)) {
      for (int line = 1; line <= lines; line++) {
        if (line == blank) {
          continue;
        }
        JsonNode result = JSON.readTree(out.readLine());
        assertThat(result.at("/case/line").asInt()).isEqualTo(line);
        assertThat(result.at("/case/file").asText()).isEqualTo("cases.jsonl");
        Expected expected = alone[line];
        List<InputError> invalid = expected.errors();
        if (!invalid.isEmpty()) {
          rejected++;
          invalid.forEach(e -> expectedErrors.add(e.format()));
          assertThat(result.get("errors")).as("line %d", line).hasSize(invalid.size());
          assertThat(result.at("/errors/0/line").asInt()).isEqualTo(line);
          assertThat(result.at("/errors/0/message").asText()).isEqualTo(invalid.get(0).message());
          if (BAD.containsKey(line)) {
            assertThat(invalid.get(0).message()).contains(BAD_MESSAGES.get(line));
          }
        } else {
          assertThat(BAD).doesNotContainKey(line);
          assertThat(result.get("top").isNull() ? null : result.get("top").asText()).as("line %d", line)
              .isEqualTo(expected.top());
          if (expected.top() != null) {
            assertThat(result.get("cf").asDouble()).as("line %d", line).isEqualTo(ResultLine.round(expected.cf()));
          }
          assertThat(result.get("firings")).hasSize(expected.firings());
        }
        checked++;
      }
      assertThat(out.readLine()).as("one result per case, no more").isNull();
    }
    assertThat(checked).isEqualTo(lines - 1);
    assertThat(rejected).isGreaterThanOrEqualTo(BAD.size());
    assertThat(errors.toString().lines().toList()).isEqualTo(expectedErrors);
    assertThat(expectedErrors).anySatisfy(e -> assertThat(e).startsWith("cases.jsonl:4242:2: error: unknown key 'titel'"));
    assertThat(summary.cases()).isEqualTo(lines - 1);
    assertThat(summary.rejected()).isEqualTo(rejected);
    assertThat(summary.internal()).isZero();
    assertThat(summary.byTopCause().values().stream().mapToLong(Long::longValue).sum() + summary.withoutCause())
        .isEqualTo(lines - 1 - rejected);
  }

  /** What diagnosing a case on its own gives: its top cause and CF, or its errors. */
  private record Expected(String top, Double cf, int firings, List<InputError> errors) {

    static Expected of(Diagnosis d) {
      return new Expected(d.top().map(a -> a.cause().id()).orElse(null), d.top().map(a -> a.cf()).orElse(null),
          d.firings().size(), List.of());
    }
  }

  @Test
  @org.junit.jupiter.api.Timeout(60)
  void aCaseWhoseRuleNeverEndsIsReportedAndTheBatchGoesOnInOrder() {
    KnowledgeBase kb = new dev.rdpdoctor.knowledge.load.KnowledgeLoader().load(dev.rdpdoctor.knowledge.RulesFolder.write(dir, """
        rule "spin" @id("T-1")
        when Host(name == "spin") then
          long n = 0; while (n >= 0) { n = n + 1; if (n == Long.MAX_VALUE) { n = 0; } }
        end
        rule "healthy" @id("T-100") @cause("alpha") @cf(0.5) @sources("doc-high")
        when Client(app == ClientApp.MSTSC) then end
        """));
    // the time limit alone: the allocation limit has tests of its own (DiagnoserTest, BoundedRunTest)
    Diagnoser diagnoser = new Diagnoser(kb, 10_000,
        new dev.rdpdoctor.knowledge.BoundedRun.Limits(java.time.Duration.ofMillis(300), Long.MAX_VALUE));
    String ok = "{\"client\": {\"app\": \"mstsc\"}}";
    String spin = "{\"host\": {\"name\": \"spin\"}}";
    String input = String.join("\n", ok, spin, ok, spin, ok, ok) + "\n";
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    StringWriter errors = new StringWriter();
    BatchSummary summary = new BatchRunner(kb.vocabulary(), diagnoser::diagnose, new ResultLine(kb), 2, CLOCK).run(
        new JsonLines(new ByteArrayInputStream(input.getBytes(StandardCharsets.UTF_8)), "cases.jsonl"), out,
        new PrintWriter(errors), Progress.none());
    List<JsonNode> results = out.toString(StandardCharsets.UTF_8).lines().map(l -> {
      try {
        return JSON.readTree(l);
      } catch (IOException e) {
        throw new AssertionError(l, e);
      }
    }).toList();
    assertThat(results).extracting(r -> r.at("/case/line").asInt()).containsExactly(1, 2, 3, 4, 5, 6);
    for (int line : List.of(2, 4)) {
      assertThat(results.get(line - 1).at("/errors/0/message").asText())
          .startsWith("rule 'spin' did not finish within 300 ms: its consequence may never end");
    }
    for (int line : List.of(1, 3, 5, 6)) {
      assertThat(results.get(line - 1).get("top").asText()).as("line %d", line).isEqualTo("alpha");
    }
    assertThat(errors.toString().lines()).hasSize(2).allSatisfy(e -> assertThat(e)
        .matches("cases.jsonl:[24]:1: error: rule 'spin' did not finish within 300 ms: .* \\(the rule is at .*rules.drl:4\\)"));
    assertThat(summary.rejected()).isEqualTo(2);
    assertThat(summary.internal()).isZero();
  }

  @Test
  void filesComeOutInTheOrderGivenWithAnyThreadCount() {
    List<Path> samples = dev.rdpdoctor.ruletools.ScenarioRunner.samples(List.of(Fixtures.SAMPLES));
    String one = run(samples, 1);
    assertThat(run(samples, 3)).isEqualTo(one);
    assertThat(one.lines().map(l -> l.replaceAll(".*\"file\":\"([^\"]*)\".*", "$1")).toList())
        .isEqualTo(samples.stream().map(Path::toString).toList());
  }

  private static String run(List<Path> files, int threads) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    new BatchRunner(KNOWLEDGE.vocabulary(), new Diagnoser(KNOWLEDGE)::diagnose, new ResultLine(KNOWLEDGE), threads, CLOCK)
        .run(new CaseFiles(files), out, new PrintWriter(new StringWriter()), Progress.none());
    return out.toString(StandardCharsets.UTF_8);
  }

  /** Lines of {@code size} bytes each, made as they are read: not JSON, so each case is rejected at once. */
  private static java.io.InputStream linesOf(int count, int size) {
    return new java.io.InputStream() {
      private long at;

      @Override
      public int read() {
        byte[] one = new byte[1];
        return read(one, 0, 1) < 0 ? -1 : one[0];
      }

      @Override
      public int read(byte[] b, int off, int len) {
        long total = (long) count * (size + 1);
        int n = 0;
        for (; n < len && at < total; n++, at++) {
          b[off + n] = at % (size + 1) == size ? (byte) '\n' : (byte) 'x';
        }
        return n == 0 && len > 0 ? -1 : n;
      }
    };
  }

  @Test
  @org.junit.jupiter.api.Timeout(120)
  void theLinesAndResultsInFlightStayWithinTheBudgetOnManyThreadsWithASlowReaderOfTheOutput() {
    int threads = 32;
    int size = 32 << 10;
    long budget = 512 << 10;
    AtomicLong linesHanded = new AtomicLong();
    AtomicLong linesDiagnosed = new AtomicLong();
    AtomicLong rendered = new AtomicLong();
    AtomicLong written = new AtomicLong();
    AtomicLong most = new AtomicLong();
    Runnable measure = () -> most.accumulateAndGet(
        linesHanded.get() - linesDiagnosed.get() + rendered.get() - written.get(), Math::max);
    JsonLines lines = new JsonLines(linesOf(600, size), "cases.jsonl");
    CaseSource counted = new CaseSource() {
      @Override
      public List<BatchItem> next(int max, long maxBytes) {
        List<BatchItem> chunk = lines.next(max, maxBytes);
        chunk.forEach(i -> linesHanded.addAndGet(((BatchItem.JsonLine) i).content().length));
        measure.run();
        return chunk;
      }

      @Override
      public OptionalLong size() {
        return OptionalLong.empty();
      }
    };
    ResultFormat large = outcome -> {
      linesDiagnosed.addAndGet(((BatchItem.JsonLine) outcome.item()).content().length);
      rendered.addAndGet(size);
      measure.run();
      byte[] result = new byte[size];
      result[size - 1] = '\n';
      return result;
    };
    OutputStream slow = new OutputStream() {
      @Override
      public void write(int b) {
        write(new byte[] {(byte) b}, 0, 1);
      }

      @Override
      public void write(byte[] b, int off, int len) {
        measure.run();
        try {
          Thread.sleep(2);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
        }
        written.addAndGet(len);
      }
    };
    BatchSummary summary = new BatchRunner(KNOWLEDGE.vocabulary(), new Diagnoser(KNOWLEDGE)::diagnose, large, threads, CLOCK, budget)
        .run(counted, slow, new PrintWriter(new StringWriter()), Progress.none());

    assertThat(summary.cases()).isEqualTo(600);
    assertThat(written.get()).isEqualTo(600L * size);
    // the budget, give or take the chunk the reader is cutting and one line or result per thread
    long chunk = budget / (threads * 4L) + size;
    assertThat(most.get()).isLessThanOrEqualTo(budget + chunk + (threads + 2L) * size);
  }

  @Test
  @org.junit.jupiter.api.Timeout(60)
  void aReaderThatDiesEndsTheBatchWithAFailureInsteadOfLeavingItWaiting() {
    CaseSource dying = new CaseSource() {
      private int calls;

      @Override
      public List<BatchItem> next(int max, long maxBytes) {
        if (calls++ == 0) {
          return List.of(new BatchItem.JsonLine(0, "cases.jsonl", 1, "{}".getBytes(StandardCharsets.UTF_8)));
        }
        throw new OutOfMemoryError("Java heap space");
      }

      @Override
      public OptionalLong size() {
        return OptionalLong.empty();
      }
    };
    BatchRunner runner = new BatchRunner(KNOWLEDGE.vocabulary(), new Diagnoser(KNOWLEDGE)::diagnose, new ResultLine(KNOWLEDGE), 2, CLOCK);
    assertThatThrownBy(() -> runner.run(dying, new ByteArrayOutputStream(), new PrintWriter(new StringWriter()), Progress.none()))
        .isInstanceOf(BatchFailure.class)
        .hasMessage("the batch stopped: reading the cases failed: java.lang.OutOfMemoryError: Java heap space");
  }

  @Test
  @org.junit.jupiter.api.Timeout(60)
  void aWorkerThatDiesEndsTheBatchWithAFailureNamingItsCase() {
    ResultLine lines = new ResultLine(KNOWLEDGE);
    ResultFormat failing = outcome -> {
      if (outcome.item() instanceof BatchItem.JsonLine l && l.line() == 3) {
        throw new OutOfMemoryError("Java heap space");
      }
      return lines.render(outcome);
    };
    String input = "{}\n{}\n{}\n{}\n";
    BatchRunner runner = new BatchRunner(KNOWLEDGE.vocabulary(), new Diagnoser(KNOWLEDGE)::diagnose, failing, 2, CLOCK);
    assertThatThrownBy(() -> runner.run(new JsonLines(new ByteArrayInputStream(input.getBytes(StandardCharsets.UTF_8)),
        "cases.jsonl"), new ByteArrayOutputStream(), new PrintWriter(new StringWriter()), Progress.none()))
        .isInstanceOf(BatchFailure.class)
        .hasMessage("the batch stopped: a worker failed on cases.jsonl:3: java.lang.OutOfMemoryError: Java heap space");
  }
}
