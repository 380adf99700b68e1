/**
 * The help desk's web pages and JSON API (rdp-doctor serve), the case store. Only the serve
 * command loads these classes, so the other commands start as fast as before.
 *
 * <p>It may use: batch, consult, report, evidence, engine, knowledge, casefile, yaml, problem.
 */
package dev.rdpdoctor.serve;
