/**
 * Rules check (lint), rules test (scenarios, coverage), rules doc (catalog).
 *
 * <p>It may use: engine, knowledge, casefile, yaml.
 */
package dev.rdpdoctor.ruletools;
