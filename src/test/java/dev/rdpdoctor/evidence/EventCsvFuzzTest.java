package dev.rdpdoctor.evidence;

import com.code_intelligence.jazzer.junit.FuzzTest;

/** Any bytes as EventCsvReader reads them: see {@link FuzzedExport#check}. */
class EventCsvFuzzTest {

  private final EventCsvReader reader = new EventCsvReader();

  @FuzzTest
  void anyBytesAreReadLocatedOrNotRecognised(byte[] bytes) {
    FuzzedExport.check(reader, bytes);
  }
}
