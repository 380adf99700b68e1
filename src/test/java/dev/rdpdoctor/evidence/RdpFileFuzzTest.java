package dev.rdpdoctor.evidence;

import com.code_intelligence.jazzer.junit.FuzzTest;

/** Any bytes as RdpFileReader reads them: see {@link FuzzedExport#check}. */
class RdpFileFuzzTest {

  private final RdpFileReader reader = new RdpFileReader();

  @FuzzTest
  void anyBytesAreReadLocatedOrNotRecognised(byte[] bytes) {
    FuzzedExport.check(reader, bytes);
  }
}
