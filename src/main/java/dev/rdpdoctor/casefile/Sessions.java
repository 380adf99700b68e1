package dev.rdpdoctor.casefile;

/**
 * The host's sessions and listener as {@code query session} / {@code qwinsta} show them:
 * {@code sessions:}.
 *
 * @param disconnectedSession the user who fails has an older session on the host in the
 *     disconnected (Disc) state, or one that is stuck locked
 * @param maxConnectionsReached the number of sessions has reached the host's limit (the
 *     "Limit number of connections" policy, MaxInstanceCount, or the two administrative sessions
 *     of a server without the RD Session Host role)
 * @param listenerListening {@code qwinsta} lists rdp-tcp in the Listen state
 */
public record Sessions(Boolean disconnectedSession, Boolean maxConnectionsReached, Boolean listenerListening) {

  static Sessions unknown() {
    return new Sessions(null, null, null);
  }
}
