package dev.rdpdoctor.cli;

/** Exit codes, the same for every command. */
public final class ExitCode {

  private ExitCode() {}

  public static final int OK = 0;
  /** A check or test failed. */
  public static final int FAILED = 1;
  /** The command line is wrong. */
  public static final int USAGE = 2;
  /** A case file or the rules are invalid; located errors are on stderr. */
  public static final int INVALID_INPUT = 3;
  /** A fault in the tool itself. */
  public static final int INTERNAL = 4;
  /**
   * The output could not be written: stdout (a full disk, a closed pipe) or an output file (a
   * full disk, a folder that cannot be written). Not a fault of the tool, nor of its input.
   */
  public static final int OUTPUT = 5;
}
