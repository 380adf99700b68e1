/**
 * Windows' own exports as facts: registry exports, .rdp files, event logs and command outputs, read from a file, a folder or a zip.
 *
 * <p>Each file is recognised by its content and read into observations (a registry value, an
 * event, a command's output), which the vocabulary's {@code windows:} sources turn into the
 * values of a symptom file, each with where it was found.
 *
 * <p>It may use: casefile, yaml, problem.
 */
package dev.rdpdoctor.evidence;
