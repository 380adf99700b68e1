package dev.rdpdoctor.evidence;

import com.code_intelligence.jazzer.junit.FuzzTest;

/** Any bytes as RegistryQueryReader reads them: see {@link FuzzedExport#check}. */
class RegistryQueryFuzzTest {

  private final RegistryQueryReader reader = new RegistryQueryReader();

  @FuzzTest
  void anyBytesAreReadLocatedOrNotRecognised(byte[] bytes) {
    FuzzedExport.check(reader, bytes);
  }
}
