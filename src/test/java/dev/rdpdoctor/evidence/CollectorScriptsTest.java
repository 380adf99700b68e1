package dev.rdpdoctor.evidence;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rdpdoctor.Fixtures;
import dev.rdpdoctor.casefile.vocabulary.Place;
import dev.rdpdoctor.casefile.vocabulary.WindowsSource;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The collectors cannot run here (they are PowerShell for Windows), so their text is read: each
 * file they write must be one the readers recognise, as hand-made outputs of the same commands in
 * {@code src/test/resources/evidence/collector/} show, and together they must gather every
 * registry key, event log and matched command the vocabulary's Windows sources name.
 */
class CollectorScriptsTest {

  private static final Path HOST_SCRIPT = Path.of("collector/Collect-RdpEvidence.ps1");
  private static final Path CLIENT_SCRIPT = Path.of("collector/Collect-RdpClientEvidence.ps1");
  private static final Path OUTPUTS = Path.of("src/test/resources/evidence/collector");

  private static final Pattern EXPORT_KEY = Pattern.compile("(?m)^\\s*Export-Key '([^']+)' '([^']+)'");
  private static final Pattern SAVE = Pattern.compile("(?m)^\\s*Save-Output (?:'([^']+)'|\"([^\"]+)\") (?:'([^']+)'|\"([^\"]+)\")");
  private static final Pattern EVENTS = Pattern.compile("(?m)^\\s*Export-Events '([^']+)' '([^']+)' '([^']*)'");
  private static final Pattern CERTIFICATES = Pattern.compile("(?m)^\\s*Export-Certificates '([^']+)' '([^']+)'");
  private static final Pattern SERVICES = Pattern.compile("foreach \\(\\$service in ([^)]+)\\)");

  /** What a script writes: file names, with what each runs, and what it exports. */
  private record Script(Map<String, String> runs, Map<String, String> keys, Map<String, String> logs, boolean copiesRdpFiles) {

    static Script of(Path file) throws IOException {
      String text = Files.readString(file);
      Map<String, String> runs = new java.util.TreeMap<>();
      Map<String, String> keys = new java.util.TreeMap<>();
      Map<String, String> logs = new java.util.TreeMap<>();
      List<String> services = new ArrayList<>();
      Matcher s = SERVICES.matcher(text);
      while (s.find()) {
        for (String name : s.group(1).split(",")) {
          services.add(name.strip().replace("'", ""));
        }
      }
      Matcher m = EXPORT_KEY.matcher(text);
      while (m.find()) {
        keys.put(m.group(1), m.group(2));
      }
      m = SAVE.matcher(text);
      while (m.find()) {
        String name = m.group(1) != null ? m.group(1) : m.group(2);
        String what = m.group(3) != null ? m.group(3) : m.group(4);
        if (name.contains("$service")) {
          for (String service : services) {
            runs.put(name.replace("$service", service), expand(what.replace("$service", service)));
          }
        } else {
          runs.put(name, expand(what));
        }
      }
      m = EVENTS.matcher(text);
      while (m.find()) {
        logs.put(m.group(1), m.group(2) + "|" + m.group(3));
      }
      m = CERTIFICATES.matcher(text);
      while (m.find()) {
        runs.put(m.group(1), "Get-ChildItem '" + m.group(2) + "'");
      }
      return new Script(runs, keys, logs, text.contains("'rdp-{0}-{1}'"));
    }

    /** The variables a script's description of a command names, as the vocabulary's placeholders. */
    private static String expand(String what) {
      return what.replace("$machineKeys", "C:\\ProgramData\\Microsoft\\Crypto\\RSA\\MachineKeys")
          .replace("$keyFile", "C:\\ProgramData\\Microsoft\\Crypto\\RSA\\MachineKeys\\KEY_FILE")
          .replace("$Target", "HOST").replace("$Port", "3389").replace("$Gateway", "GATEWAY");
    }

    TreeSet<String> files() {
      TreeSet<String> all = new TreeSet<>(runs.keySet());
      all.addAll(keys.keySet());
      all.addAll(logs.keySet());
      all.add("collection.txt");
      return all;
    }
  }

  private static TreeSet<String> namesIn(Path folder) throws IOException {
    try (Stream<Path> files = Files.list(folder)) {
      return files.map(f -> f.getFileName().toString()).collect(java.util.stream.Collectors.toCollection(TreeSet::new));
    }
  }

  @Test
  void eachFileTheCollectorsWriteIsOfAKindTheReadersRecogniseAndReadsCleanly() throws IOException {
    for (String side : List.of("host", "client")) {
      Script script = Script.of(side.equals("host") ? HOST_SCRIPT : CLIENT_SCRIPT);
      TreeSet<String> outputs = namesIn(OUTPUTS.resolve(side));
      TreeSet<String> written = script.files();
      if (script.copiesRdpFiles()) {
        outputs.stream().filter(name -> name.matches("rdp-\\d+-.+\\.rdp")).forEach(written::add);
      }
      assertThat(outputs).as("the %s collector's files, one hand-made output each", side).isEqualTo(written);
      Evidence read = new EvidenceReader(Fixtures.vocabulary()).read(OUTPUTS.resolve(side));
      assertThat(read.skipped()).as("%s: skipped", side).isEmpty();
      assertThat(read.problems()).as("%s: problems", side).isEmpty();
      for (Evidence.ReadFile f : read.read()) {
        assertThat(f.kind()).as("%s/%s", side, f.name()).isEqualTo(expectedKind(f.name()));
      }
    }
  }

  /** The kind of export a collector's file is, by the names the collectors give them. */
  private static String expectedKind(String name) {
    if (name.equals("collection.txt")) {
      return "a collector's note";
    } else if (name.startsWith("reg-")) {
      return name.endsWith(".reg") ? "a registry export" : "the output of reg query";
    } else if (name.startsWith("events-")) {
      return "an event export (XML)";
    } else if (name.startsWith("cert-")) {
      return "PowerShell objects as JSON";
    } else if (name.startsWith("certutil-")) {
      return "a certificate store's listing";
    } else if (name.endsWith(".rdp")) {
      return "a Remote Desktop connection file";
    }
    return "a command's output";
  }

  /** The host's keys and the client's: the client, what was tried from it, and its .rdp file's path. */
  private static boolean onTheClient(Place place) {
    return place.path().startsWith("client.") || place.path().startsWith("tests.") || place.path().startsWith("path.");
  }

  @Test
  void theCollectorsGatherEveryRegistryKeyEventLogAndMatchedCommandTheVocabularyNames() throws IOException {
    Script host = Script.of(HOST_SCRIPT);
    Script client = Script.of(CLIENT_SCRIPT);
    List<String> missing = new ArrayList<>();
    for (Place place : Fixtures.vocabulary().places().values()) {
      Script script = onTheClient(place) ? client : host;
      for (WindowsSource source : place.key().windows()) {
        if (source instanceof WindowsSource.Registry r && !exported(script, r.key())) {
          missing.add(place.path() + ": reg " + r.key());
        } else if (source instanceof WindowsSource.Event e && script.logs().values().stream().noneMatch(l -> logged(l, e))) {
          missing.add(place.path() + ": events of " + e.provider() + " in " + e.log());
        } else if (source instanceof WindowsSource.Command c && !c.match().isEmpty()
            && script.runs().values().stream().noneMatch(run -> CommandWords.fits(CommandWords.of(run), c.run()))) {
          missing.add(place.path() + ": " + c.run());
        }
      }
    }
    assertThat(missing).as("sources no collector gathers").isEmpty();
  }

  /** A key is exported whole with the key above it, or queried on its own. */
  private static boolean exported(Script script, String key) {
    String wanted = RegistryPath.normal(key).toLowerCase(Locale.ROOT);
    return script.keys().values().stream().map(k -> RegistryPath.normal(k).toLowerCase(Locale.ROOT))
        .anyMatch(k -> wanted.equals(k) || wanted.startsWith(k + "\\"))
        || script.runs().values().stream().anyMatch(run -> run.toLowerCase(Locale.ROOT)
            .equals("reg query \"" + wanted.replace("hkey_local_machine", "hklm") + "\""));
  }

  private static boolean logged(String logAndProviders, WindowsSource.Event e) {
    String[] parts = logAndProviders.split("\\|", -1);
    return parts[0].equalsIgnoreCase(e.log())
        && (parts[1].isBlank() || List.of(parts[1].split(",\\s*")).stream().anyMatch(p -> p.strip().equalsIgnoreCase(e.provider())));
  }
}
