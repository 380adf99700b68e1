/**
 * The outline of a diagnosis, laid out as text, Markdown, HTML or JSON; the explanation.
 *
 * <p>It may use: engine, knowledge, casefile, yaml, problem.
 */
package dev.rdpdoctor.report;
