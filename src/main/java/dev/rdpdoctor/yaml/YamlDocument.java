package dev.rdpdoctor.yaml;

/** A YAML file read into {@code T}, with where each of its values was written. */
public record YamlDocument<T>(T value, SourceMap sourceMap) {}
