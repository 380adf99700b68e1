/**
 * The symptom-file model (records) and its reader.
 *
 * <p>It may use: yaml.
 */
package dev.rdpdoctor.casefile;
