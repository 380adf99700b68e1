/**
 * The knowledge base's model; knowledge/load builds it from rules/, compiling and caching DRL.
 *
 * <p>{@link dev.rdpdoctor.knowledge.KnowledgeBase} is what every other layer reads: the catalogs,
 * the rules as metadata ({@link dev.rdpdoctor.knowledge.RuleInfo}) and the compiled rules to run.
 * It is built by {@code knowledge.load}, which this package never uses.
 *
 * <p>It may use: casefile, yaml, problem.
 */
package dev.rdpdoctor.knowledge;
