package dev.rdpdoctor.cli;

import dev.rdpdoctor.knowledge.load.ToolVersion;
import dev.rdpdoctor.problem.InputError;
import dev.rdpdoctor.problem.InvalidInputException;
import java.io.BufferedOutputStream;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** The {@code rdp-doctor} command line: glue between picocli and the commands. */
@Command(
    name = "rdp-doctor",
    description = "Diagnoses the Remote Desktop error 0x904 with extended code 0x7.",
    mixinStandardHelpOptions = true,
    versionProvider = Main.Version.class,
    subcommands = {DiagnoseCommand.class, ProbeCommand.class, ConsultCommand.class, ExplainCommand.class, ImportCommand.class, RulesCommand.class,
        ServeCommand.class},
    exitCodeListHeading = "Exit codes:%n",
    exitCodeList = {
      "0:ok",
      "1:a check or test failed",
      "2:usage error",
      "3:invalid input (case file or rules), located errors on stderr",
      "4:internal error",
      "5:the output could not be written (stdout or an output file: a full disk, a closed pipe, a folder that cannot be written)"
    })
public final class Main implements Runnable {

  /** What the JDK says when the reader of a pipe has gone (EPIPE). */
  private static final String BROKEN_PIPE = "Broken pipe";

  @Option(names = "--stacktrace", scope = CommandLine.ScopeType.INHERIT,
      description = "Show the stack trace of an internal error.")
  boolean stacktrace;

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    throw new CommandLine.ParameterException(spec.commandLine(), "a command is required: diagnose, probe, consult, explain, rules or serve");
  }

  public static void main(String[] args) {
    // stdout unwrapped by System.out, whose PrintStream would swallow a failed write and its reason
    OutputStream stdout = new BufferedOutputStream(new FileOutputStream(FileDescriptor.out), 1 << 16);
    System.exit(run(args, System.in, stdout, System.err));
  }

  /** Runs the command line with the given streams; returns the exit code. */
  public static int run(String[] args, PrintStream out, PrintStream err) {
    return run(args, System.in, out, err);
  }

  /**
   * Runs the command line with the given streams, {@code in} for what commands read from stdin
   * (cases, the consultation's answers); returns the exit code. Whatever is written to {@code out}
   * and {@code err} has the characters a terminal would act on escaped ({@link EscapingStream});
   * a write to {@code out} that fails ends the run with {@link ExitCode#OUTPUT}.
   */
  public static int run(String[] args, InputStream in, OutputStream out, OutputStream err) {
    EscapingStream stdout = new EscapingStream(out);
    PrintStream outBytes = new PrintStream(stdout, false, StandardCharsets.UTF_8);
    PrintWriter o = new PrintWriter(new OutputStreamWriter(stdout, StandardCharsets.UTF_8), true);
    PrintWriter e = new PrintWriter(new OutputStreamWriter(new EscapingStream(err), StandardCharsets.UTF_8), true);
    KnowledgePreload preload = new KnowledgePreload(RulesOption.notices(e));
    CommandContext context = new CommandContext(in, o, outBytes, e,
        new PrintWriter(new OutputStreamWriter(err, StandardCharsets.UTF_8), true),
        StandardStreams.isTerminalStderr(err), StandardStreams.isClosedStdin(in), preload);
    Main main = new Main();
    CommandLine cli = new CommandLine(main, new CommandFactory(context));
    cli.setOut(context.stdout());
    cli.setErr(e);
    cli.setExecutionExceptionHandler((ex, commandLine, parseResult) -> {
      if (ex instanceof InvalidInputException invalid) {
        InputError.print(invalid.errors(), e);
        return ExitCode.INVALID_INPUT;
      }
      if (ex instanceof OutputFile.CannotWrite cannot) {
        e.println("rdp-doctor: error: " + cannot.getMessage());
        e.flush();
        return ExitCode.OUTPUT;
      }
      e.println("rdp-doctor: internal error: " + ex);
      if (main.stacktrace) {
        ex.printStackTrace(e);
      } else {
        e.println("rdp-doctor: run again with --stacktrace for details");
      }
      e.flush();
      return ExitCode.INTERNAL;
    });
    cli.setParameterExceptionHandler((ex, args2) -> {
      e.println("rdp-doctor: " + ex.getMessage());
      e.println("Try 'rdp-doctor " + (ex.getCommandLine().getCommandName().equals("rdp-doctor") ? "" : ex.getCommandLine().getCommandName() + " ") + "--help'.");
      e.flush();
      return ExitCode.USAGE;
    });
    preload.startFor(cli, args);
    int code = cli.execute(args);
    o.flush();
    outBytes.flush();
    Optional<String> failed = stdout.failure();
    if (failed.isPresent()) {
      // a closed pipe is its reader's choice (| head): the run ends without a word, as other tools'
      if (!failed.get().equals(BROKEN_PIPE)) {
        e.println("rdp-doctor: error: cannot write the output: " + failed.get());
      }
      code = ExitCode.OUTPUT;
    }
    e.flush();
    return code;
  }

  static final class Version implements CommandLine.IVersionProvider {
    @Override
    public String[] getVersion() {
      return new String[] {ToolVersion.current().describe()};
    }
  }
}
