package dev.rdpdoctor.evidence;

import com.code_intelligence.jazzer.junit.FuzzTest;

/** Any bytes as CollectionNoteReader reads them: see {@link FuzzedExport#check}. */
class CollectionNoteFuzzTest {

  private final CollectionNoteReader reader = new CollectionNoteReader();

  @FuzzTest
  void anyBytesAreReadLocatedOrNotRecognised(byte[] bytes) {
    FuzzedExport.check(reader, bytes);
  }
}
