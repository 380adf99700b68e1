package dev.rdpdoctor.yaml;

/** Where a value stands in a YAML file, and the text the user wrote for it. */
public record Located(String path, int line, int column, String text) {}
