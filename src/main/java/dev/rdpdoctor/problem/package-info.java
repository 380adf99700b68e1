/**
 * Located problems in any input: the error, its exception, escaping what a terminal acts on.
 *
 * <p>A symptom file, a catalog, a rule file or a server's reply: every problem in what the user
 * gave is an {@link dev.rdpdoctor.problem.InputError} with a file, line and column, and every
 * layer reports it the same way. Characters a terminal would act on are shown as escapes.
 *
 * <p>It may use no other package.
 */
package dev.rdpdoctor.problem;
