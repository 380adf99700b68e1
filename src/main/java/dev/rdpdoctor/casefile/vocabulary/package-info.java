/**
 * Reads and checks the symptom-file vocabulary in the knowledge folder ({@code rules/vocabulary/}):
 * every section and key, its type, values, documentation, the fact field the rules read, what
 * {@code --redact} hides and where Windows keeps the value; every problem located.
 *
 * <p>It may use: yaml.
 */
package dev.rdpdoctor.casefile.vocabulary;
