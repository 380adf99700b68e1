package dev.rdpdoctor.casefile.vocabulary;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Where Windows keeps a key's value, so that exports can be read and a collector can gather
 * them without per-key code. Mapped values are already checked against the key's type.
 */
public sealed interface WindowsSource {

  /** A remark for whoever reads or collects it: a caveat, a version difference. */
  Optional<String> note();

  /**
   * A registry value.
   *
   * @param map its data as {@code reg query} shows it (decimal for numbers) to the key's value;
   *     empty when the data is the value
   * @param otherwise the key's value for data the map does not list
   * @param absent the key's value when the registry value is missing; empty for unknown
   */
  record Registry(String key, String value, RegistryKind kind, Map<String, Object> map,
      Optional<Object> otherwise, Optional<Object> absent, Optional<String> note) implements WindowsSource {

    public Registry {
      map = Map.copyOf(map);
    }
  }

  /**
   * Events of a log. On a list of sections each event is an item; on another key, an event seen
   * means the value {@code means}.
   */
  record Event(String log, String provider, List<Long> ids, Optional<Object> means, Optional<String> note)
      implements WindowsSource {

    public Event {
      ids = List.copyOf(ids);
    }
  }

  /**
   * A command, and what to read in its output.
   *
   * @param match regular expressions on the output, to the value each means
   */
  record Command(String run, String read, Map<String, Object> match, Optional<String> note) implements WindowsSource {

    public Command {
      match = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(match));
    }
  }

  /** A setting of a {@code .rdp} file: {@code gatewayhostname:s:...}. */
  record RdpFile(String setting, String kind, Map<String, Object> map, Optional<String> note) implements WindowsSource {

    public RdpFile {
      map = Map.copyOf(map);
    }
  }
}
