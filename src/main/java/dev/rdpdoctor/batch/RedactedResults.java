package dev.rdpdoctor.batch;

import dev.rdpdoctor.report.Redactor;
import java.nio.charset.StandardCharsets;

/**
 * {@code --redact} for a batch: each case's output with its host names, addresses, user names
 * and certificate subjects replaced by placeholders. Cases are rendered on several threads at
 * once, so each is redacted on its own and its placeholders are numbered within it
 * ({@code host-1} in two results need not be the same host); the output is the same on every run.
 */
public final class RedactedResults implements ResultFormat {

  private final ResultFormat results;

  public RedactedResults(ResultFormat results) {
    this.results = results;
  }

  @Override
  public byte[] render(BatchOutcome outcome) {
    byte[] rendered = results.render(outcome);
    if (rendered == null) {
      return null;
    }
    Redactor redactor = new Redactor();
    if (outcome instanceof BatchOutcome.Diagnosed d) {
      redactor.learn(d.diagnosis().caseFile().source(), d.diagnosis().caseFile().values());
    } else {
      redactor.learn(CaseDiagnoser.source(outcome.item()), null);
    }
    return redactor.apply(new String(rendered, StandardCharsets.UTF_8)).getBytes(StandardCharsets.UTF_8);
  }

  @Override
  public byte[] separator() {
    return results.separator();
  }
}
