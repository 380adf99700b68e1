package dev.rdpdoctor.evidence;

import com.code_intelligence.jazzer.junit.FuzzTest;

/** Any bytes as CertificateListReader reads them: see {@link FuzzedExport#check}. */
class CertificateListFuzzTest {

  private final CertificateListReader reader = new CertificateListReader();

  @FuzzTest
  void anyBytesAreReadLocatedOrNotRecognised(byte[] bytes) {
    FuzzedExport.check(reader, bytes);
  }
}
