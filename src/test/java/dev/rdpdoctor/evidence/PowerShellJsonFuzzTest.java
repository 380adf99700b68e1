package dev.rdpdoctor.evidence;

import com.code_intelligence.jazzer.junit.FuzzTest;

/** Any bytes as PowerShellJsonReader reads them: see {@link FuzzedExport#check}. */
class PowerShellJsonFuzzTest {

  private final PowerShellJsonReader reader = new PowerShellJsonReader();

  @FuzzTest
  void anyBytesAreReadLocatedOrNotRecognised(byte[] bytes) {
    FuzzedExport.check(reader, bytes);
  }
}
