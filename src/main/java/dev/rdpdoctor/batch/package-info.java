/**
 * Many cases on all cores, in input order: JSON Lines, result lines, summary.
 *
 * <p>It may use: report, engine, knowledge, casefile, yaml, problem.
 */
package dev.rdpdoctor.batch;
