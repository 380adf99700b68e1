package dev.rdpdoctor.evidence;

import dev.rdpdoctor.casefile.vocabulary.RegistryKind;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * What one file of evidence says, in Windows' own terms, before the vocabulary gives it a meaning:
 * a registry value, a key exported whole, a setting of an .rdp file, an event, a command's output,
 * an object a command listed, the day the evidence was collected.
 */
sealed interface Observation {

  Origin origin();

  /**
   * A registry value.
   *
   * @param key the key's full path, its hive spelled out ({@code HKEY_LOCAL_MACHINE\SYSTEM\...})
   * @param data as {@code reg query} shows it, numbers in decimal ({@code 1}, {@code 4294967295})
   */
  record RegistryValue(String key, String name, RegistryKind kind, String data, Origin origin) implements Observation {
    public RegistryValue {
      key = RegistryPath.normal(key);
      Objects.requireNonNull(name, "name");
      Objects.requireNonNull(kind, "kind");
      Objects.requireNonNull(data, "data");
    }
  }

  /** A key whose values were all listed: one it does not list is absent. */
  record RegistryKey(String key, Origin origin) implements Observation {
    public RegistryKey {
      key = RegistryPath.normal(key);
    }
  }

  /** A setting of an .rdp file: {@code gatewayhostname:s:gw.corp.example}. */
  record RdpSetting(String name, String kind, String value, Origin origin) implements Observation {
    public RdpSetting {
      name = name.strip().toLowerCase(Locale.ROOT);
      kind = kind.strip().toLowerCase(Locale.ROOT);
    }
  }

  /**
   * An event of a log.
   *
   * @param log the log (channel) it was written to, when the export says
   * @param provider the provider as the export names it ({@code Microsoft-Windows-...} or Event Viewer's shorter source)
   * @param text its message, or its data when the export holds no message; lines end with LF
   */
  record Event(Optional<String> log, String provider, long id, String text, Optional<LocalDate> date, Origin origin)
      implements Observation {
    public Event {
      Objects.requireNonNull(provider, "provider");
      text = text.replace("\r\n", "\n").replace('\r', '\n');
    }
  }

  /**
   * A command's output, recognised by what it prints.
   *
   * @param command the words of the command line the output tells (the command first, lower case)
   * @param text the output
   * @param file the file it is in, as the evidence names it
   */
  record CommandOutput(List<String> command, DecodedText text, String file, Origin origin) implements Observation {
    public CommandOutput {
      command = List.copyOf(command);
    }
  }

  /**
   * An object a command listed, by its properties as PowerShell names them: a certificate of a
   * store ({@code Cert:\LocalMachine\Remote Desktop}) with {@code Subject}, {@code NotAfter}...
   *
   * @param where the store or place it was listed from, as PowerShell's provider path spells it
   * @param count how many objects were listed there (this is the first)
   */
  record Listed(String where, Map<String, String> properties, int count, Origin origin) implements Observation {
    public Listed {
      properties = Map.copyOf(properties);
    }

    Optional<String> property(String name) {
      return properties.entrySet().stream().filter(e -> e.getKey().equalsIgnoreCase(name)).map(Map.Entry::getValue)
          .findFirst();
    }
  }

  /**
   * The day the evidence was collected, as its collector wrote it down, and the machine it was
   * collected on.
   *
   * @param role {@code host} or {@code client}, when the note says
   */
  record Collected(LocalDate date, Optional<String> role, Origin origin) implements Observation {

    Collected(LocalDate date, Origin origin) {
      this(date, Optional.empty(), origin);
    }
  }
}
