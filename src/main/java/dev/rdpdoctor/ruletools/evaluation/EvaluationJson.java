package dev.rdpdoctor.ruletools.evaluation;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.rdpdoctor.ruletools.evaluation.Evaluation.CauseScore;
import dev.rdpdoctor.ruletools.evaluation.Evaluation.RuleScore;
import dev.rdpdoctor.ruletools.evaluation.Evaluation.Ticket;
import dev.rdpdoctor.yaml.Spelled;
import dev.rdpdoctor.yaml.YamlMapper;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

/**
 * {@code rules evaluate --format json}, for scripts and dashboards; the shape is documented in
 * docs/json-output.md and versioned by its {@code schema} field.
 */
public final class EvaluationJson {

  public static final String SCHEMA = "rdp-doctor/evaluation/1";

  private final ObjectMapper json = YamlMapper.json();

  public String write(Evaluation e, Optional<Comparison> comparison) {
    ObjectNode root = toJson(e);
    comparison.ifPresent(c -> {
      ObjectNode n = root.putObject("compared_with");
      n.put("knowledge", c.before().knowledge());
      n.set("top1", share(c.before().top1()));
      n.set("top3", share(c.before().top3()));
      n.put("mean_rank", round(c.before().meanRank()));
      ArrayNode changed = n.putArray("changed");
      for (Comparison.Change ch : c.changed()) {
        ObjectNode t = changed.addObject();
        t.put("file", ch.file().toString());
        t.put("confirmed", ch.confirmed());
        rank(t, "rank_before", ch.rankBefore());
        rank(t, "rank_after", ch.rankAfter());
        t.put("first_before", ch.topBefore().orElse(null));
        t.put("first_after", ch.topAfter().orElse(null));
        t.put("better", ch.better());
      }
      ArrayNode before = n.putArray("measured_only_before");
      c.onlyBefore().forEach(p -> before.add(p.toString()));
      ArrayNode after = n.putArray("measured_only_after");
      c.onlyAfter().forEach(p -> after.add(p.toString()));
    });
    try {
      return json.writerWithDefaultPrettyPrinter().writeValueAsString(root) + System.lineSeparator();
    } catch (JsonProcessingException ex) {
      throw new UncheckedIOException(ex);
    }
  }

  private ObjectNode toJson(Evaluation e) {
    ObjectNode root = json.createObjectNode();
    root.put("schema", SCHEMA);
    root.put("knowledge", e.knowledge());
    root.put("causes_known", e.causes());
    root.put("tickets", e.tickets().size());
    root.set("top1", share(e.top1()));
    root.set("top3", share(e.top3()));
    root.put("mean_rank", round(e.meanRank()));
    root.put("cause_confirmed", e.causeConfirmed().size());
    ObjectNode risky = root.putObject("high_risk_first");
    risky.set("share", share(new Share(e.riskyFirst().size(), e.tickets().size())));
    risky.put("on_a_wrong_cause", e.riskyFirst().stream().filter(t -> !t.within(1)).count());
    ArrayNode perCause = root.putArray("per_cause");
    for (CauseScore c : e.perCause()) {
      ObjectNode n = perCause.addObject();
      n.put("cause", c.cause());
      n.put("tickets", c.top1().n());
      n.set("top1", share(c.top1()));
      n.set("top3", share(c.top3()));
      n.put("mean_rank", round(c.meanRank()));
    }
    ObjectNode confusion = root.putObject("confusion");
    for (Map.Entry<String, Map<String, Integer>> row : e.confusion().entrySet()) {
      ObjectNode r = confusion.putObject(row.getKey());
      row.getValue().forEach(r::put);
    }
    ArrayNode rules = root.putArray("rules");
    for (RuleScore r : e.rules()) {
      ObjectNode n = rules.addObject();
      n.put("id", r.rule().id());
      n.put("file", r.rule().file());
      n.put("line", r.rule().line());
      n.put("cause", r.cause());
      n.put("cf", r.cf());
      n.put("fired", r.right().n());
      n.set("right", share(r.right()));
      n.put("cause_share", round(r.baseShare()));
      if (r.lift().isPresent()) {
        n.put("lift", round(r.lift().get()));
      } else {
        n.putNull("lift");
      }
      n.put("suggested_cf", r.suggested());
      n.put("misleads", r.misleads());
    }
    root.put("rules_fired_on_no_ticket", e.unfired());
    ObjectNode estimator = root.putObject("estimator");
    estimator.put("prior_tickets", WeightEstimate.PRIOR_TICKETS);
    estimator.put("base_rate", "(tickets of the cause + 1) / (tickets + causes known)");
    estimator.put("suggested_cf", "p = (k + m p_w) / (fired + m), k the tickets it fired on whose confirmed cause is its cause, p_w the current CF read as a precision by MYCIN's"
        + " definition; CF = (p - b) / (1 - b) when p >= b, else (p - b) / b");
    ArrayNode tickets = root.putArray("ticket_results");
    for (Ticket t : e.tickets()) {
      ObjectNode n = tickets.addObject();
      n.put("file", t.file().toString());
      n.put("confirmed", t.confirmed());
      n.put("cause_confirmed", t.causeConfirmed());
      rank(n, "rank", t.rank());
      n.put("place", t.place());
      n.put("first", t.top().orElse(null));
      n.put("ranked_by", t.byBaseRate() ? "base-rate" : "evidence");
      n.put("first_fix", t.firstFix().map(f -> f.id()).orElse(null));
      n.put("first_fix_risk", t.firstFix().map(f -> Spelled.spelling(f.risk())).orElse(null));
      n.put("why", t.why());
    }
    ArrayNode worst = root.putArray("worst");
    e.worst().forEach(t -> worst.add(t.file().toString()));
    ArrayNode skipped = root.putArray("skipped");
    e.skipped().forEach(p -> skipped.add(p.toString()));
    ArrayNode invalid = root.putArray("invalid");
    e.invalid().forEach((Path p) -> invalid.add(p.toString()));
    return root;
  }

  private ObjectNode share(Share s) {
    ObjectNode n = json.createObjectNode();
    n.put("k", s.k());
    n.put("n", s.n());
    n.put("share", round(s.value()));
    n.put("low", round(s.low()));
    n.put("high", round(s.high()));
    return n;
  }

  private static void rank(ObjectNode n, String name, Optional<Integer> rank) {
    if (rank.isPresent()) {
      n.put(name, rank.get());
    } else {
      n.putNull(name);
    }
  }

  private static double round(double d) {
    return Math.round(d * 10000) / 10000.0;
  }
}
