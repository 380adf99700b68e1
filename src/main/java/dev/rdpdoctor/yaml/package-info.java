/**
 * Strict, located YAML reading shared by case files and catalogs.
 *
 * <p>It may use no other package.
 */
package dev.rdpdoctor.yaml;
