/**
 * Sessions, evidence, certainty factors, ranking, trace, why-not.
 *
 * <p>It may use: knowledge, casefile, yaml, problem.
 */
package dev.rdpdoctor.engine;
