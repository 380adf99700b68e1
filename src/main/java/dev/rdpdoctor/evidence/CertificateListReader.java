package dev.rdpdoctor.evidence;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The certificates of a store as {@code certutil -store "Remote Desktop"} prints them (the store's
 * name on the first line, then {@code ================ Certificate 0 ================} and
 * {@code Issuer:}, {@code NotAfter:}, {@code Subject:}, {@code Cert Hash(sha1):} lines for each),
 * or as {@code Get-ChildItem Cert:\LocalMachine\... | Format-List *} lists them
 * ({@code Thumbprint : ...}, {@code PSParentPath : ...Certificate::LocalMachine\Remote Desktop}).
 * Each certificate becomes an object with PowerShell's property names, its dates as ISO days.
 */
final class CertificateListReader implements FormatReader {

  private static final Pattern BANNER = Pattern.compile("(?m)^=+ Certificate \\d+ =+\\s*$");
  /** certutil's last line, also under a store that holds no certificate. */
  private static final Pattern CERTUTIL = Pattern.compile("(?m)^CertUtil: -store command ");
  private static final Pattern STORE_LINE = Pattern.compile("(.+?) \"(.*)\"");
  private static final Pattern CERTUTIL_PROPERTY = Pattern.compile("\\s*([A-Za-z][A-Za-z ()0-9]*?)\\s*[:=]\\s*(.*)");
  private static final Pattern LIST_PROPERTY = Pattern.compile("([A-Za-z][A-Za-z0-9]*)\\s*: ?(.*)");
  private static final Pattern FORMAT_LIST = Pattern.compile("(?m)^Thumbprint\\s+: [0-9A-Fa-f]{40}\\s*$");
  private static final Pattern STORE_PATH = Pattern.compile("(?i)Certificate::(.+)$");

  @Override
  public String kind() {
    return "a certificate store's listing";
  }

  @Override
  public boolean recognises(DecodedText text) {
    String head = text.text().length() > 20_000 ? text.text().substring(0, 20_000) : text.text();
    return BANNER.matcher(head).find() || CERTUTIL.matcher(head).find() || FORMAT_LIST.matcher(head).find();
  }

  @Override
  public void read(FileReading reading) {
    DecodedText text = reading.text();
    if (BANNER.matcher(text.text()).find() || CERTUTIL.matcher(text.text()).find()) {
      certutil(reading, text);
    } else {
      formatList(reading, text);
    }
  }

  private static void certutil(FileReading reading, DecodedText text) {
    String where = "Cert:\\LocalMachine";
    Matcher first = STORE_LINE.matcher(text.firstLine());
    if (first.matches()) {
      where = "Cert:\\LocalMachine\\" + first.group(1).strip();
    }
    List<Map<String, String>> certificates = new ArrayList<>();
    List<Integer> lines = new ArrayList<>();
    Map<String, String> current = null;
    for (int n = 1; n <= text.lineCount(); n++) {
      String line = text.line(n);
      if (BANNER.matcher(line).matches()) {
        current = new LinkedHashMap<>();
        certificates.add(current);
        lines.add(n);
        continue;
      }
      if (current == null) {
        continue;
      }
      String stripped = line.strip();
      if (stripped.equalsIgnoreCase("Encryption test passed")) {
        current.put("HasPrivateKey", "True");
      } else if (stripped.toLowerCase(java.util.Locale.ROOT).contains("missing stored keyset")
          || stripped.toLowerCase(java.util.Locale.ROOT).startsWith("no key provider information")) {
        current.put("HasPrivateKey", "False");
      }
      Matcher m = CERTUTIL_PROPERTY.matcher(line);
      if (!m.matches()) {
        continue;
      }
      String name = m.group(1).strip();
      String value = m.group(2).strip();
      switch (name.toLowerCase(java.util.Locale.ROOT)) {
        case "issuer" -> current.putIfAbsent("Issuer", value);
        case "subject" -> current.putIfAbsent("Subject", value);
        case "notbefore" -> date(reading, n, current, "NotBefore", value);
        case "notafter" -> date(reading, n, current, "NotAfter", value);
        case "serial number" -> current.putIfAbsent("SerialNumber", value);
        case "cert hash(sha1)" -> current.putIfAbsent("Thumbprint", value.replace(" ", "").toUpperCase(java.util.Locale.ROOT));
        case "unique container name" -> current.putIfAbsent("UniqueContainerName", value);
        default -> { }
      }
    }
    for (int i = 0; i < certificates.size(); i++) {
      Map<String, String> c = certificates.get(i);
      reading.add(new Observation.Listed(where, c, certificates.size(), reading.origin(lines.get(i),
          "certificate " + c.getOrDefault("Thumbprint", String.valueOf(i)) + " in " + where)));
    }
  }

  private static void date(FileReading reading, int line, Map<String, String> into, String name, String written) {
    LooseDate.parse(written).ifPresentOrElse(d -> into.putIfAbsent(name, d.toString()),
        () -> reading.warning(line, 1, name + " " + Quoted.of(written)
            + " is not a date this reader can tell the day and month of; it is left out"));
  }

  private static void formatList(FileReading reading, DecodedText text) {
    List<Map<String, String>> certificates = new ArrayList<>();
    List<Integer> lines = new ArrayList<>();
    Map<String, String> current = null;
    String last = null;
    for (int n = 1; n <= text.lineCount(); n++) {
      String line = text.line(n);
      if (line.isBlank()) {
        current = null;
        continue;
      }
      Matcher m = LIST_PROPERTY.matcher(line);
      if (m.matches()) {
        if (current == null) {
          current = new LinkedHashMap<>();
          certificates.add(current);
          lines.add(n);
        }
        last = m.group(1);
        String value = m.group(2).strip();
        if (last.equals("NotAfter") || last.equals("NotBefore")) {
          date(reading, n, current, last, value);
        } else {
          current.put(last, value);
        }
      } else if (current != null && last != null && Character.isWhitespace(line.charAt(0))) {
        current.merge(last, line.strip(), (a, b) -> a + " " + b); // a long value goes on, indented
      }
    }
    List<Map<String, String>> kept = new ArrayList<>();
    List<Integer> keptLines = new ArrayList<>();
    for (int i = 0; i < certificates.size(); i++) {
      if (certificates.get(i).containsKey("Thumbprint")) {
        kept.add(certificates.get(i));
        keptLines.add(lines.get(i));
      }
    }
    for (int i = 0; i < kept.size(); i++) {
      Map<String, String> c = kept.get(i);
      Matcher store = STORE_PATH.matcher(c.getOrDefault("PSParentPath", ""));
      String where = store.find() ? "Cert:\\" + store.group(1).strip() : "Cert:";
      String names = c.get("DnsNameList");
      if (names != null) {
        c.put("DnsNameList", names.replaceAll("^\\{|}$", ""));
      }
      reading.add(new Observation.Listed(where, c, kept.size(), reading.origin(keptLines.get(i),
          "certificate " + c.get("Thumbprint") + " in " + where)));
    }
  }
}
