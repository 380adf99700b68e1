/**
 * Loads rules/ and the catalogs, compiles DRL, reports located errors.
 *
 * <p>It may use: casefile, yaml, problem.
 */
package dev.rdpdoctor.knowledge;
