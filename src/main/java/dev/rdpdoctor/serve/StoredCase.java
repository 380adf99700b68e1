package dev.rdpdoctor.serve;

import java.time.LocalDateTime;
import java.util.Optional;

/**
 * A case in the store, as the list shows it.
 *
 * @param id its name in the store (the file is {@code ID.yaml})
 * @param saved when it was first saved, from its id
 * @param title the case's title, when it has one
 * @param top the most likely cause now, with today's knowledge base; empty when none is supported
 *     or the case no longer reads (then {@code problem} says why)
 * @param resolved whether its resolution was recorded
 */
public record StoredCase(String id, LocalDateTime saved, Optional<String> title, Optional<String> top, boolean resolved,
    Optional<String> problem) {}
