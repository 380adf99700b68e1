/**
 * Choosing the next question; the consultation.
 *
 * <p>It may use: engine, knowledge, casefile, yaml, problem.
 */
package dev.rdpdoctor.consult;
