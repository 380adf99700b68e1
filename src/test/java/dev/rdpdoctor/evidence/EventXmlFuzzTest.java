package dev.rdpdoctor.evidence;

import com.code_intelligence.jazzer.junit.FuzzTest;

/** Any bytes as EventXmlReader reads them: see {@link FuzzedExport#check}. */
class EventXmlFuzzTest {

  private final EventXmlReader reader = new EventXmlReader();

  @FuzzTest
  void anyBytesAreReadLocatedOrNotRecognised(byte[] bytes) {
    FuzzedExport.check(reader, bytes);
  }
}
