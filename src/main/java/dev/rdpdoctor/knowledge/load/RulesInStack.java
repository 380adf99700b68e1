package dev.rdpdoctor.knowledge.load;

import dev.rdpdoctor.knowledge.RuleInfo;
import java.util.List;
import java.util.Optional;
import org.drools.modelcompiler.util.StringUtil;

/**
 * Which rule a stuck thread was in, from its stack: the executable model builds each rule in a
 * method of its own, named {@code rule_} and the rule's name made an identifier, in a class of
 * the rule's package.
 */
final class RulesInStack {

  private RulesInStack() {}

  /** The rule of the innermost frame that belongs to one, if any. */
  static Optional<RuleInfo> innermost(List<StackTraceElement> stack, List<RuleInfo> rules) {
    for (StackTraceElement frame : stack) {
      if (!frame.getMethodName().startsWith("rule_")) {
        continue;
      }
      for (RuleInfo rule : rules) {
        String pkg = rule.key().substring(0, Math.max(0, rule.key().length() - rule.name().length() - 1));
        if (frame.getMethodName().equals("rule_" + StringUtil.toId(rule.name()))
            && frame.getClassName().startsWith(pkg.isEmpty() ? "" : pkg + ".")) {
          return Optional.of(rule);
        }
      }
    }
    return Optional.empty();
  }
}
