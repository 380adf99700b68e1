package dev.rdpdoctor.ruletools;

import dev.rdpdoctor.casefile.vocabulary.WindowsSource;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Where Windows keeps a key's value, in words for the reference: a registry value as the
 * {@code reg query} that shows it with what its data means, a command and what to read in its
 * output, events by log, source and id, an {@code .rdp} file setting.
 */
final class WindowsSourceText {

  private WindowsSourceText() {}

  static String of(WindowsSource source) {
    String text;
    if (source instanceof WindowsSource.Registry r) {
      List<String> means = new ArrayList<>(meanings(r.map()));
      String other = means.isEmpty() ? "any data is " : "other data is ";
      r.otherwise().ifPresentOrElse(v -> means.add(other + code(v)), () -> {
        if (means.isEmpty()) {
          means.add("its data");
        }
      });
      r.absent().ifPresent(v -> means.add("missing is " + code(v)));
      text = code("reg query \"" + r.key() + "\" /v " + r.value()) + " (" + r.kind().name() + "): " + String.join(", ", means);
    } else if (source instanceof WindowsSource.Command c) {
      text = "run " + code(c.run()) + ": " + c.read();
    } else if (source instanceof WindowsSource.Event e) {
      text = (e.ids().size() == 1 ? "event " : "events ") + e.ids().stream().map(String::valueOf).collect(Collectors.joining(", "))
          + " from " + code(e.provider()) + " in the " + e.log() + " log" + e.means().map(v -> ": seen is " + code(v)).orElse("");
    } else {
      WindowsSource.RdpFile f = (WindowsSource.RdpFile) source;
      List<String> means = meanings(f.map());
      text = "the .rdp file's " + code(f.setting() + ":" + f.kind() + ":") + (means.isEmpty() ? "" : ": " + String.join(", ", means));
    }
    return text + source.note().map(n -> " (" + n.strip() + ")").orElse("");
  }

  /** {@code 0 is `false`, 1 is `true`}, in the order of the data, numbers by value. */
  private static List<String> meanings(Map<String, Object> map) {
    return map.entrySet().stream()
        .sorted(Map.Entry.comparingByKey(Comparator.comparing((String k) -> k.matches("-?\\d{1,18}") ? Long.parseLong(k) : Long.MAX_VALUE)
            .thenComparing(Comparator.naturalOrder())))
        .map(e -> e.getKey() + " is " + code(e.getValue()))
        .toList();
  }

  private static String code(Object value) {
    String text = String.valueOf(value);
    return text.contains("`") ? "`` " + text + " ``" : "`" + text + "`";
  }
}
