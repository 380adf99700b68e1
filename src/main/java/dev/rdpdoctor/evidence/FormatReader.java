package dev.rdpdoctor.evidence;

/** One kind of export: how to tell it from its content, and how to read it. */
interface FormatReader {

  /** The kind, as the list of files read names it: {@code a registry export}. */
  String kind();

  /** Whether {@code text} is of this kind, from its content alone. */
  boolean recognises(DecodedText text);

  /** Reads what the file says, and its problems, into {@code reading}. */
  void read(FileReading reading);
}
