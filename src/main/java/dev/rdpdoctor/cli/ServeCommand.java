package dev.rdpdoctor.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code rdp-doctor serve}: the help desk's pages and the JSON API. Its options are read here; the
 * server itself is in {@code dev.rdpdoctor.serve}, reached through {@link Serving} only when this
 * command runs, so no other command loads its classes.
 */
@Command(
    name = "serve",
    description = "Serve the help desk's pages and the JSON API over HTTP (default http://127.0.0.1:8080/).",
    mixinStandardHelpOptions = true)
final class ServeCommand implements Callable<Integer> {

  static final String TOKEN_VARIABLE = "RDP_DOCTOR_TOKEN";

  @Spec CommandSpec spec;

  @Option(names = "--host", paramLabel = "ADDRESS", defaultValue = "127.0.0.1",
      description = "Address to listen on (default: ${DEFAULT-VALUE}, this machine only). Any other needs a token.")
  String host;

  @Option(names = "--port", paramLabel = "N", defaultValue = "8080",
      description = "Port to listen on, 1 to 65535, or 0 for any free one (default: ${DEFAULT-VALUE}).")
  int port;

  @Option(names = "--store", paramLabel = "DIR",
      description = "Folder of saved cases (default: $XDG_DATA_HOME/rdp-doctor/cases or ~/.local/share/rdp-doctor/cases).")
  Path store;

  @Option(names = "--token-file", paramLabel = "FILE",
      description = "File holding the token every request must carry (Authorization: Bearer TOKEN; the pages ask for it once);"
          + " or set " + TOKEN_VARIABLE + ". At least 16 characters.")
  Path tokenFile;

  @Option(names = "--allow-host", paramLabel = "NAME",
      description = "A host name requests may address the server by, besides its address and localhost (e.g. the name a reverse proxy forwards). Repeatable.")
  List<String> allowedHosts = new ArrayList<>();

  @Mixin RulesOption rules;

  @Override
  public Integer call() throws Exception {
    PrintWriter err = spec.commandLine().getErr();
    if (port < 0 || port > 65535) {
      throw new ParameterException(spec.commandLine(), "--port must be between 0 and 65535, not " + port);
    }
    Optional<String> token = token();
    Path folder = store != null ? store
        : Serving.defaultStore(Optional.ofNullable(System.getenv("XDG_DATA_HOME")), System.getProperty("user.home"));
    Optional<String> problem = Serving.problem(host, token);
    if (problem.isPresent()) {
      throw new ParameterException(spec.commandLine(), problem.get());
    }
    return Serving.run(host, port, folder, token, allowedHosts, rules.loadCompiled(err),
        rules.folder().map(Path::toString).orElse("bundled"), spec.commandLine().getOut(), err);
  }

  /** The token from --token-file or the environment; empty when neither gives one. */
  private Optional<String> token() {
    if (tokenFile != null) {
      try {
        return Optional.of(Files.readString(tokenFile, StandardCharsets.UTF_8).strip());
      } catch (IOException e) {
        throw new ParameterException(spec.commandLine(), "cannot read --token-file " + tokenFile + ": " + e.getMessage());
      }
    }
    return Optional.ofNullable(System.getenv(TOKEN_VARIABLE)).map(String::strip).filter(t -> !t.isEmpty());
  }
}
