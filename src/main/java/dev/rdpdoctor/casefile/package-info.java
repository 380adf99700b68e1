/**
 * The symptom-file model (records) and its reader; casefile/vocabulary reads rules/vocabulary.
 *
 * <p>It may use: yaml, problem.
 */
package dev.rdpdoctor.casefile;
