package dev.rdpdoctor.probe;

import java.net.Socket;

/** One TCP connect: a socket, or why there is none. Both carry the time it took. */
sealed interface ConnectResult {

  double millis();

  record Connected(Socket socket, double millis) implements ConnectResult {}

  record NotConnected(TcpOutcome outcome, String why, double millis) implements ConnectResult {}
}
