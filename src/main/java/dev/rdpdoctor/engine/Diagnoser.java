package dev.rdpdoctor.engine;

import dev.rdpdoctor.casefile.CaseFile;
import dev.rdpdoctor.knowledge.BoundedRun;
import dev.rdpdoctor.knowledge.KnowledgeBase;
import dev.rdpdoctor.knowledge.RuleInfo;
import dev.rdpdoctor.problem.InputError;
import dev.rdpdoctor.problem.InvalidInputException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import org.kie.api.event.rule.AgendaEventListener;
import org.kie.api.event.rule.RuleRuntimeEventListener;
import org.kie.api.runtime.KieSession;
import org.kie.api.runtime.rule.ConsequenceException;

/**
 * Runs the rules on one case, within a fire limit, a time limit and an allocation limit, so that
 * a rule that loops, throws, never finishes or allocates without end ends in an error naming it,
 * and the next case runs as usual. The limits cover the whole session: inserting the case's
 * facts (which evaluates conditions) as well as firing. Thread-safe: each call has its own session.
 */
public final class Diagnoser {

  public static final int DEFAULT_FIRE_LIMIT = 10_000;
  public static final Duration DEFAULT_TIME_LIMIT = Duration.ofSeconds(10);
  /**
   * Bytes one case may allocate, garbage included: the bundled samples allocate under 0.2 MiB
   * each, a case of 256 events on 2,000 rules about 16 MiB, a loop up to the fire limit about 19 MiB.
   */
  public static final long DEFAULT_MEMORY_LIMIT = 64L << 20;

  private final KnowledgeBase knowledge;
  private final int fireLimit;
  private final BoundedRun.Limits limits;
  private final RuleIndex rules;
  private final Ranker ranker;
  private final FactBuilder factBuilder;

  public Diagnoser(KnowledgeBase knowledge, int fireLimit, BoundedRun.Limits limits) {
    if (fireLimit < 1) {
      throw new IllegalArgumentException("the fire limit must be at least 1");
    }
    this.knowledge = knowledge;
    this.fireLimit = fireLimit;
    this.limits = limits;
    this.rules = new RuleIndex(knowledge);
    this.ranker = new Ranker(knowledge);
    this.factBuilder = knowledge.kieBase() == null ? null : new FactBuilder(knowledge.kieBase(), knowledge.vocabulary());
  }

  public Diagnoser(KnowledgeBase knowledge, int fireLimit, Duration timeLimit) {
    this(knowledge, fireLimit, new BoundedRun.Limits(timeLimit, DEFAULT_MEMORY_LIMIT));
  }

  public Diagnoser(KnowledgeBase knowledge, int fireLimit) {
    this(knowledge, fireLimit, DEFAULT_TIME_LIMIT);
  }

  public Diagnoser(KnowledgeBase knowledge) {
    this(knowledge, DEFAULT_FIRE_LIMIT);
  }

  public KnowledgeBase knowledge() {
    return knowledge;
  }

  /**
   * @throws InvalidInputException when a rule loops, fails, does not finish or takes too much
   *     memory, naming the rule and its file when it is known
   */
  public Diagnosis diagnose(CaseFile caseFile) {
    try {
      return diagnoseOnce(caseFile, false);
    } catch (OutOfMemoryError e) {
      // Another case running at the same time may have filled the heap; the memory this one held
      // is free again now. A case that runs out of memory once more is the one to blame.
      return diagnoseOnce(caseFile, true);
    }
  }

  /** @param blameOutOfMemory whether running out of memory fails the case (else it is thrown) */
  private Diagnosis diagnoseOnce(CaseFile caseFile, boolean blameOutOfMemory) {
    List<CaseFact> facts = factBuilder.facts(caseFile.values());
    TraceRecorder recorder = new TraceRecorder(rules, caseFile, facts);
    AtomicReference<KieSession> made = new AtomicReference<>();
    boolean disposable = true;
    try {
      int fired = BoundedRun.run(() -> {
        KieSession session = knowledge.kieBase().newKieSession();
        made.set(session);
        session.addEventListener((AgendaEventListener) recorder);
        session.addEventListener((RuleRuntimeEventListener) recorder);
        for (CaseFact fact : facts) {
          session.insert(fact.value());
        }
        return session.fireAllRules(fireLimit);
      }, limits, () -> {
        KieSession session = made.get();
        if (session != null) {
          session.halt();
        }
      });
      if (fired >= fireLimit) {
        throw looping(recorder);
      }
    } catch (ConsequenceException e) {
      throw failed(recorder.info(e.getRule()), e.getCause() == null ? e : e.getCause());
    } catch (BoundedRun.OverLimit e) {
      disposable = e.stopped();
      throw e.limit() == BoundedRun.Limit.MEMORY ? tooHungry(recorder, e.stopped()) : tooSlow(recorder, e.stopped());
    } catch (OutOfMemoryError e) {
      // Drools wraps what a consequence throws only when it is an Exception: an Error comes as it is
      throw outOfMemory(recorder, e, blameOutOfMemory);
    } catch (InvalidInputException e) {
      throw e;
    } catch (RuntimeException | StackOverflowError e) {
      // what a consequence threw past Drools' own handler
      Optional<RuleInfo> rule = recorder.running();
      if (rule.isEmpty()) {
        throw e;
      }
      throw failed(rule.get(), e);
    } catch (Error e) {
      throw e;
    } catch (Throwable e) {
      throw new IllegalStateException("the rule session failed: " + e, e);
    } finally {
      KieSession session = made.get();
      if (disposable && session != null) {
        try {
          session.dispose();
        } catch (RuntimeException e) {
          // a session whose rules were stopped may not dispose cleanly; it is dropped either way
        }
      }
    }
    return ranker.rank(caseFile, facts, recorder.firings());
  }

  /** @param thrown what came out of the consequence; its root cause is what the rule did wrong */
  private static InvalidInputException failed(RuleInfo rule, Throwable thrown) {
    Throwable cause = thrown;
    while (cause.getCause() != null && cause.getCause() != cause) {
      cause = cause.getCause();
    }
    return new InvalidInputException(InputError.error(rule.file(), rule.line(), 1,
        "rule '" + rule.name() + "' failed in its consequence: " + cause.getClass().getSimpleName()
            + (cause.getMessage() == null ? "" : ": " + cause.getMessage())));
  }

  private InvalidInputException tooSlow(TraceRecorder recorder, boolean stopped) {
    String limit = seconds(limits.time());
    String after = stopped ? "" : "; it could not be stopped on this Java and runs on until the program ends";
    return new InvalidInputException(recorder.running()
        .map(rule -> InputError.error(rule.file(), rule.line(), 1, "rule '" + rule.name() + "' did not finish within "
            + limit + ": its consequence may never end" + after))
        .orElseGet(() -> InputError.error(knowledge.origin(), 1, 1, "the rules did not finish within " + limit
            + " and no consequence was running: a condition may be slow or never end" + after)));
  }

  private InvalidInputException tooHungry(TraceRecorder recorder, boolean stopped) {
    String limit = mebibytes(limits.allocatedBytes());
    String after = stopped ? "" : "; it could not be stopped on this Java and runs on until the program ends";
    return new InvalidInputException(recorder.running()
        .map(rule -> InputError.error(rule.file(), rule.line(), 1, "rule '" + rule.name() + "' allocated more than "
            + limit + " on one case: its consequence may allocate without end" + after))
        .orElseGet(() -> InputError.error(knowledge.origin(), 1, 1, "the rules allocated more than " + limit
            + " on one case and no consequence was running: a condition may allocate without end" + after)));
  }

  /**
   * The heap ran out while this case ran. The first time it is thrown on, for the case to run once
   * more; the second time the case is the one to blame.
   */
  private InvalidInputException outOfMemory(TraceRecorder recorder, OutOfMemoryError e, boolean blame) {
    if (!blame) {
      throw e;
    }
    return new InvalidInputException(recorder.running()
        .map(rule -> InputError.error(rule.file(), rule.line(), 1, "rule '" + rule.name()
            + "' ran out of memory in its consequence: it may allocate without end"))
        .orElseGet(() -> InputError.error(knowledge.origin(), 1, 1,
            "the rules ran out of memory and no consequence was running: a condition may allocate without end")));
  }

  private static String mebibytes(long bytes) {
    return bytes % (1 << 20) == 0 ? (bytes >> 20) + " MiB" : bytes + " bytes";
  }

  private static String seconds(Duration d) {
    return d.toMillis() % 1000 == 0 ? d.toSeconds() + " s" : d.toMillis() + " ms";
  }

  /**
   * The rules that loop: the busiest, and up to two more that fired many times too (at least a
   * tenth as often, and more than once); a rule that fired once or a few times only started it.
   */
  private InvalidInputException looping(TraceRecorder recorder) {
    List<InputError> errors = new ArrayList<>();
    int busiest = 0;
    for (Map.Entry<RuleInfo, Integer> e : recorder.busiestRules(3).entrySet()) {
      int fired = e.getValue();
      busiest = Math.max(busiest, fired);
      if (!errors.isEmpty() && (fired < 2 || fired * 10L < busiest)) {
        break;
      }
      RuleInfo rule = e.getKey();
      errors.add(InputError.error(rule.file(), rule.line(), 1,
          "rule '" + rule.name() + "' fired " + fired + (fired == 1 ? " time" : " times") + ": the rules loop (the limit of "
              + fireLimit + " firings was reached); a consequence probably modifies what its own condition reads"));
    }
    return new InvalidInputException(errors);
  }
}
