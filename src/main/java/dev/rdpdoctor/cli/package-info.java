/**
 * Picocli commands; exit codes in one place.
 *
 * <p>It may use: serve, batch, consult, report, ruletools, probe, evidence, engine, knowledge, casefile, yaml, problem.
 */
package dev.rdpdoctor.cli;
