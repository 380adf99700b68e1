package dev.rdpdoctor.evidence;

import com.code_intelligence.jazzer.junit.FuzzTest;

/** Any bytes as CommandOutputReader reads them: see {@link FuzzedExport#check}. */
class CommandOutputFuzzTest {

  private final CommandOutputReader reader = new CommandOutputReader();

  @FuzzTest
  void anyBytesAreReadLocatedOrNotRecognised(byte[] bytes) {
    FuzzedExport.check(reader, bytes);
  }
}
