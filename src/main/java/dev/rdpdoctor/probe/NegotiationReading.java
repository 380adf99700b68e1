package dev.rdpdoctor.probe;

import dev.rdpdoctor.yaml.Spelled;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * What the negotiation answers prove about the host's settings. A value is concluded only when
 * an answer proves it and no other answer contradicts it; otherwise it stays unknown.
 */
final class NegotiationReading {

  /** A concluded value and the answer that proves it. */
  record Conclusion<T>(T value, String reason) {}

  private final List<ProbeNegotiation> answers;

  NegotiationReading(List<ProbeNegotiation> answers) {
    this.answers = answers == null ? List.of() : answers;
  }

  /**
   * NLA is required when the server answers HYBRID_REQUIRED_BY_SERVER; it is not when the
   * server accepts a connection with standard RDP security or plain TLS, neither of which
   * carries CredSSP.
   */
  Optional<Conclusion<Boolean>> nlaRequired() {
    Optional<ProbeNegotiation> required = first(n -> n.failure() == NegotiationFailure.HYBRID_REQUIRED_BY_SERVER);
    Optional<ProbeNegotiation> without = first(n -> n.result() == NegotiationResult.SELECTED
        && (n.selected() == RdpProtocol.RDP || n.selected() == RdpProtocol.TLS));
    if (required.isPresent() && without.isEmpty()) {
      return Optional.of(new Conclusion<>(true, "the server answered hybrid-required-by-server to the "
          + name(required.get().requested()) + " request"));
    }
    if (without.isPresent() && required.isEmpty()) {
      return Optional.of(new Conclusion<>(false, "the server accepted the " + name(without.get().requested())
          + " request with " + name(without.get().selected()) + ", without CredSSP"));
    }
    return Optional.empty();
  }

  /**
   * The security layer: RDP when the server refuses TLS (SSL_NOT_ALLOWED_BY_SERVER, or standard
   * RDP security chosen over TLS offered); TLS when it refuses standard RDP security
   * (SSL_REQUIRED_BY_SERVER); Negotiate when it accepts both.
   */
  Optional<Conclusion<SecurityLayer>> securityLayer() {
    List<Conclusion<SecurityLayer>> found = new ArrayList<>();
    first(n -> n.failure() == NegotiationFailure.SSL_NOT_ALLOWED_BY_SERVER)
        .or(() -> first(n -> offersTls(n.requested()) && n.result() == NegotiationResult.SELECTED
            && n.selected() == RdpProtocol.RDP))
        .ifPresent(n -> found.add(new Conclusion<>(SecurityLayer.RDP, n.failure() != null
            ? "the server answered ssl-not-allowed-by-server to the " + name(n.requested()) + " request"
            : "the server chose standard RDP security for the " + name(n.requested()) + " request, which offered TLS")));
    first(n -> n.requested() == RdpProtocol.RDP && n.failure() == NegotiationFailure.SSL_REQUIRED_BY_SERVER)
        .ifPresent(n -> found.add(new Conclusion<>(SecurityLayer.TLS,
            "the server answered ssl-required-by-server to a request for standard RDP security")));
    Optional<ProbeNegotiation> plain = first(n -> n.requested() == RdpProtocol.RDP
        && n.result() == NegotiationResult.SELECTED && n.selected() == RdpProtocol.RDP);
    Optional<ProbeNegotiation> secured = first(n -> offersTls(n.requested())
        && n.result() == NegotiationResult.SELECTED && n.selected() != null && n.selected() != RdpProtocol.RDP);
    if (plain.isPresent() && secured.isPresent()) {
      found.add(new Conclusion<>(SecurityLayer.NEGOTIATE, "the server accepted standard RDP security for the rdp request and "
          + name(secured.get().selected()) + " for the " + name(secured.get().requested()) + " request"));
    }
    return found.size() == 1 ? Optional.of(found.get(0)) : Optional.empty();
  }

  private static boolean offersTls(RdpProtocol requested) {
    return (ConnectionRequest.mask(requested) & ConnectionRequest.PROTOCOL_SSL) != 0;
  }

  private Optional<ProbeNegotiation> first(Predicate<ProbeNegotiation> test) {
    return answers.stream().filter(test).findFirst();
  }

  private static String name(RdpProtocol p) {
    return Spelled.spelling(p);
  }
}
