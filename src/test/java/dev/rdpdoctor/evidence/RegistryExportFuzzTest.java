package dev.rdpdoctor.evidence;

import com.code_intelligence.jazzer.junit.FuzzTest;

/** Any bytes as RegistryExportReader reads them: see {@link FuzzedExport#check}. */
class RegistryExportFuzzTest {

  private final RegistryExportReader reader = new RegistryExportReader();

  @FuzzTest
  void anyBytesAreReadLocatedOrNotRecognised(byte[] bytes) {
    FuzzedExport.check(reader, bytes);
  }
}
