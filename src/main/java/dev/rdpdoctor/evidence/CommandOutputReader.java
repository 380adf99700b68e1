package dev.rdpdoctor.evidence;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The output of a command, told by what the command prints, so that the vocabulary's
 * {@code command:} sources can be matched against it: {@code sc query} by its
 * {@code SERVICE_NAME:} line, {@code qwinsta} by its header, {@code icacls} by its principals and
 * its {@code Successfully processed} line, and so on. An output pasted from a console with its
 * prompt line ({@code PS C:\> sc query TermService}, {@code C:\>qwinsta}) is told by that line,
 * whatever the command.
 */
final class CommandOutputReader implements FormatReader {

  /** A command and how its output is told: what it prints, and the words of the command line that says. */
  private record Signature(Pattern prints, Function<Matcher, List<String>> command) {
    static Signature of(String regex, String... words) {
      return new Signature(Pattern.compile(regex), m -> List.of(words));
    }
  }

  private static final Pattern PROMPT = Pattern.compile("(?:PS )?[A-Za-z]:\\\\[^>\\r\\n]{0,200}>\\s*(\\S.{0,500})");

  private static final List<Signature> SIGNATURES = List.of(
      new Signature(Pattern.compile("(?m)^\\s*SERVICE_NAME:\\s*(\\S+)\\s*$"), m -> List.of("sc", "query", m.group(1))),
      Signature.of("(?im)^\\s*SESSIONNAME\\s+USERNAME\\s+ID\\s+STATE", "qwinsta"),
      Signature.of("(?im)^\\s*SITZUNGSNAME\\s+BENUTZERNAME\\s+ID\\s+STATUS", "qwinsta"),
      Signature.of("(?im)^\\s*USERNAME\\s+SESSIONNAME\\s+ID\\s+STATE\\s+IDLE TIME", "quser"),
      new Signature(Pattern.compile("(?m)^Successfully processed \\d+ files?; Failed processing \\d+ files?\\s*$"),
          m -> List.of("icacls")),
      Signature.of("(?im)^\\s*TcpTestSucceeded\\s*:", "test-netconnection", "-port"),
      Signature.of("(?im)^\\s*TraceRoute\\s*:", "test-netconnection", "-traceroute"),
      Signature.of("(?im)^\\s*PingSucceeded\\s*:", "test-netconnection"),
      Signature.of("(?im)^Computing statistics for \\d+ seconds", "pathping"),
      Signature.of("(?im)^(Pinging \\S+.* with \\d+ bytes of data|Ping statistics for \\S+)", "ping"),
      Signature.of("(?im)^Trace complete\\.\\s*$", "tracert"),
      Signature.of("(?i)WMI repository is (in)?consistent", "winmgmt", "/verifyrepository"),
      Signature.of("(?im)^\\s*(\\|\\s*Device State\\s*\\||AzureAdJoined\\s*:)", "dsregcmd", "/status"),
      Signature.of("(?i)secure channel between the local computer and the domain|Test-ComputerSecureChannel",
          "test-computersecurechannel"),
      Signature.of("(?i)New user logons are (ENABLED|DISABLED)|Session logins are currently (ENABLED|DISABLED)",
          "change", "logon", "/query"),
      Signature.of("(?im)^\\s*DC: \\\\\\\\|ERROR_NO_SUCH_DOMAIN", "nltest"),
      Signature.of("(?im)^Currently stored credentials:", "cmdkey", "/list"),
      Signature.of("(?im)^Tracking \\S+ \\[.*\\]\\.?\\s*$", "w32tm", "/stripchart"),
      Signature.of("(?im)^PsPing v\\d", "psping"),
      Signature.of("(?im)^\\s*Source\\s+Description\\s+HotFixID\\s+InstalledBy\\s+InstalledOn", "get-hotfix"),
      Signature.of("(?im)^\\s*Name\\s+Type\\s+TTL\\s+Section\\s+IPAddress", "resolve-dnsname"));

  /** A principal as icacls prints it before its rights: {@code NT AUTHORITY\SYSTEM:(F)}. */
  private static final Pattern ICACLS_ACE = Pattern.compile("\\s(?:NT AUTHORITY|BUILTIN|NT SERVICE|Everyone|CREATOR OWNER|[\\w.-]+\\\\)");

  @Override
  public String kind() {
    return "a command's output";
  }

  @Override
  public boolean recognises(DecodedText text) {
    return command(text).isPresent();
  }

  /** The words of the command line the output tells; empty when it tells none. */
  static Optional<List<String>> command(DecodedText text) {
    Matcher prompt = PROMPT.matcher(text.firstLine());
    if (prompt.matches()) {
      return Optional.of(CommandWords.of(prompt.group(1)));
    }
    String head = text.text().length() > 64_000 ? text.text().substring(0, 64_000) : text.text();
    for (Signature s : SIGNATURES) {
      Matcher m = s.prints().matcher(head);
      if (m.find()) {
        List<String> words = new ArrayList<>(s.command().apply(m));
        if (words.get(0).equals("icacls")) {
          icaclsPath(text).ifPresent(words::add);
        }
        return Optional.of(words.stream().map(w -> w.toLowerCase(Locale.ROOT)).toList());
      }
    }
    return Optional.empty();
  }

  /**
   * The path icacls was given: its output starts with it, and the ACL's further lines are
   * indented to just past it.
   */
  private static Optional<String> icaclsPath(DecodedText text) {
    String first = text.firstLine();
    for (int n = 1; n < text.lineCount(); n++) {
      if (text.line(n).strip().equals(first)) {
        String next = text.line(n + 1);
        int indent = 0;
        while (indent < next.length() && next.charAt(indent) == ' ') {
          indent++;
        }
        if (indent > 1 && indent <= first.length() && first.charAt(indent - 1) == ' ' && !next.isBlank()) {
          return Optional.of(first.substring(0, indent - 1));
        }
        Matcher ace = ICACLS_ACE.matcher(first);
        return ace.find() ? Optional.of(first.substring(0, ace.start())) : Optional.empty();
      }
    }
    return Optional.empty();
  }

  @Override
  public void read(FileReading reading) {
    DecodedText text = reading.text();
    if (text.text().length() > reading.limits().maxCommandChars()) {
      reading.error(1, 1, "a command's output of " + text.text().length() + " characters: the commands read print far less"
          + " (at most " + reading.limits().maxCommandChars() + ")");
      return;
    }
    List<String> words = command(text).orElseThrow();
    reading.add(new Observation.CommandOutput(words, text, reading.name(), reading.origin(1, String.join(" ", words))));
  }
}
