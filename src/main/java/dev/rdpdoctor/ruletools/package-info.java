/**
 * Rules check (lint), rules test (scenarios, coverage), rules evaluate (resolved tickets), rules doc (catalog,
 * symptom-file reference).
 *
 * <p>It may use: engine, knowledge, casefile, yaml, problem.
 */
package dev.rdpdoctor.ruletools;
