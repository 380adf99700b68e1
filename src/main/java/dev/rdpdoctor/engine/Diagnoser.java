package dev.rdpdoctor.engine;

import dev.rdpdoctor.casefile.CaseFile;
import dev.rdpdoctor.casefile.Fact;
import dev.rdpdoctor.knowledge.KnowledgeBase;
import dev.rdpdoctor.knowledge.RuleInfo;
import dev.rdpdoctor.yaml.InputError;
import dev.rdpdoctor.yaml.InvalidInputException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.kie.api.event.rule.AgendaEventListener;
import org.kie.api.event.rule.RuleRuntimeEventListener;
import org.kie.api.runtime.KieSession;
import org.kie.api.runtime.rule.ConsequenceException;

/**
 * Runs the rules on one case, within a fire limit and a time limit, so that a rule that loops,
 * throws or never finishes ends in an error naming it, and the next case runs as usual.
 * Thread-safe: each call has its own session.
 */
public final class Diagnoser {

  public static final int DEFAULT_FIRE_LIMIT = 10_000;
  public static final Duration DEFAULT_TIME_LIMIT = Duration.ofSeconds(10);

  private final KnowledgeBase knowledge;
  private final int fireLimit;
  private final Duration timeLimit;
  private final RuleIndex rules;
  private final Ranker ranker;

  public Diagnoser(KnowledgeBase knowledge, int fireLimit, Duration timeLimit) {
    if (fireLimit < 1) {
      throw new IllegalArgumentException("the fire limit must be at least 1");
    }
    if (timeLimit.isNegative() || timeLimit.isZero()) {
      throw new IllegalArgumentException("the time limit must be positive");
    }
    this.knowledge = knowledge;
    this.fireLimit = fireLimit;
    this.timeLimit = timeLimit;
    this.rules = new RuleIndex(knowledge);
    this.ranker = new Ranker(knowledge);
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

  public Diagnosis diagnose(CaseFile caseFile) {
    KieSession session = knowledge.kieBase().newKieSession();
    TraceRecorder recorder = new TraceRecorder(rules, caseFile);
    boolean disposable = true;
    try {
      session.addEventListener((AgendaEventListener) recorder);
      session.addEventListener((RuleRuntimeEventListener) recorder);
      int fired = BoundedRun.run(() -> {
        for (Fact fact : caseFile.facts()) {
          session.insert(fact.value());
        }
        return session.fireAllRules(fireLimit);
      }, timeLimit, session::halt);
      if (fired >= fireLimit) {
        throw looping(recorder);
      }
    } catch (ConsequenceException e) {
      throw failed(recorder.info(e.getRule()), e.getCause() == null ? e : e.getCause());
    } catch (BoundedRun.TimedOut e) {
      disposable = e.stopped;
      throw tooSlow(recorder, e.stopped);
    } catch (InvalidInputException e) {
      throw e;
    } catch (RuntimeException | StackOverflowError e) {
      // what a consequence threw past Drools' own handler
      java.util.Optional<RuleInfo> rule = recorder.running();
      if (rule.isEmpty()) {
        throw e;
      }
      throw failed(rule.get(), e);
    } catch (Error e) {
      throw e;
    } catch (Throwable e) {
      throw new IllegalStateException("the rule session failed: " + e, e);
    } finally {
      if (disposable) {
        try {
          session.dispose();
        } catch (RuntimeException e) {
          // a session whose rules were stopped may not dispose cleanly; it is dropped either way
        }
      }
    }
    return ranker.rank(caseFile, recorder.firings());
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
    String limit = seconds(timeLimit);
    String after = stopped ? "" : "; it could not be stopped on this Java and runs on until the program ends";
    return new InvalidInputException(recorder.running()
        .map(rule -> InputError.error(rule.file(), rule.line(), 1, "rule '" + rule.name() + "' did not finish within "
            + limit + ": its consequence may never end" + after))
        .orElseGet(() -> InputError.error(knowledge.origin(), 1, 1, "the rules did not finish within " + limit
            + " and no consequence was running: a condition may be slow or never end" + after)));
  }

  private static String seconds(Duration d) {
    return d.toMillis() % 1000 == 0 ? d.toSeconds() + " s" : d.toMillis() + " ms";
  }

  private InvalidInputException looping(TraceRecorder recorder) {
    List<InputError> errors = new ArrayList<>();
    for (Map.Entry<RuleInfo, Integer> e : recorder.busiestRules(3).entrySet()) {
      RuleInfo rule = e.getKey();
      errors.add(InputError.error(rule.file(), rule.line(), 1,
          "rule '" + rule.name() + "' fired " + e.getValue() + " times: the rules loop (the limit of "
              + fireLimit + " firings was reached); a consequence probably modifies what its own condition reads"));
    }
    return new InvalidInputException(errors);
  }
}
