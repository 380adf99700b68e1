/**
 * Builds a {@link dev.rdpdoctor.knowledge.KnowledgeBase} from a rules folder: reads and checks the
 * catalogs, compiles and indexes the DRL, and keeps compiled rules (precompiled in the jar, or in
 * the user's cache) so a start does not compile again.
 *
 * <p>Two loaders, for two purposes:
 * <ul>
 *   <li>{@link dev.rdpdoctor.knowledge.load.CompiledKnowledgeLoader} loads rules to run, as fast as
 *       it can: the bundled rules precompiled at build time, else the cached compile of the folder,
 *       else it compiles the folder once and caches it. Every command that diagnoses uses it.
 *   <li>{@link dev.rdpdoctor.knowledge.load.KnowledgeLoader} compiles a folder from its sources
 *       every time and can also {@linkplain dev.rdpdoctor.knowledge.load.KnowledgeLoader#inspect
 *       inspect} it (what each rule declares and matches): for the rule tools and for tests.
 * </ul>
 * {@link dev.rdpdoctor.knowledge.load.ToolVersion} says which build this is, and
 * {@link dev.rdpdoctor.knowledge.load.Precompiler} is the build's step that writes the bundled
 * rules' compiled form. Everything else here (the compiled format, the cache and its key, the DRL
 * and executable-model compilers) is package-private.
 *
 * <p>It is part of package knowledge, and may use what that package may use.
 */
package dev.rdpdoctor.knowledge.load;
