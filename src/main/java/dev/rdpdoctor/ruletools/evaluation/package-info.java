/**
 * Rules evaluate: the knowledge base measured on resolved tickets, written as text, Markdown,
 * JSON or HTML with charts; a comparison of two knowledge bases ticket by ticket.
 *
 * <p>The HTML report's charts are drawn by JFreeChart into SVG (JFreeSVG); only
 * {@link dev.rdpdoctor.ruletools.evaluation.EvaluationCharts} names them, so no other command
 * loads them.
 */
package dev.rdpdoctor.ruletools.evaluation;
