/**
 * Rules check (lint), rules test (scenarios, coverage), rules doc (catalog).
 *
 * <p>It may use: engine, knowledge, casefile, yaml, problem.
 */
package dev.rdpdoctor.ruletools;
