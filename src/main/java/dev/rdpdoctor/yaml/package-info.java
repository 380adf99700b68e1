/**
 * Strict, located YAML reading shared by case files and catalogs.
 *
 * <p>It may use: problem.
 */
package dev.rdpdoctor.yaml;
