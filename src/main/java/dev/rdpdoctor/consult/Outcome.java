package dev.rdpdoctor.consult;

import dev.rdpdoctor.engine.Diagnosis;
import java.util.Map;

/**
 * What asking a question would do: the diagnosis after each answer, and how far the answers
 * move the top causes on average, weighed by the cost of finding out.
 */
public record Outcome(Askable question, double separation, double score, Map<String, Diagnosis> byAnswer) {}
