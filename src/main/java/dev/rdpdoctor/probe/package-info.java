/**
 * DNS, TCP, X.224 negotiation, TLS certificate, RD Gateway: a live host as a symptom file.
 *
 * <p>It may use: casefile, yaml, problem.
 */
package dev.rdpdoctor.probe;
