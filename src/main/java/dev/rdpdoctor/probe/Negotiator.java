package dev.rdpdoctor.probe;

import java.io.IOException;
import java.net.Socket;
import java.net.SocketTimeoutException;

/** Sends one Connection Request on a fresh connection and reads what comes back. */
final class Negotiator {

  NegotiationAnswer negotiate(Socket socket, RdpProtocol offered, Deadline deadline) {
    long start = System.nanoTime();
    try (SocketGuard guard = SocketGuard.arm(socket, deadline)) {
      try {
        socket.getOutputStream().write(ConnectionRequest.offering(offered).encode());
        socket.getOutputStream().flush();
        byte[] packet = TpktReader.read(socket, deadline, TpktReader.MAX_CONFIRM);
        return ConnectionConfirmDecoder.decode(packet);
      } catch (TpktReader.NotTpkt e) {
        return new NegotiationAnswer.NotRdp(e.getMessage());
      } catch (TpktReader.CutShort e) {
        return new NegotiationAnswer.NoAnswer(e.getMessage(), false);
      } catch (TpktReader.Stalled e) {
        return new NegotiationAnswer.NoAnswer(e.received == 0 ? "no answer within " + millis(start) + " ms"
            : "no complete answer within " + millis(start) + " ms (" + e.received + " bytes came)", true);
      } catch (SocketTimeoutException e) {
        return new NegotiationAnswer.NoAnswer("no answer within " + millis(start) + " ms", true);
      } catch (IOException e) {
        if (guard.fired()) {
          return new NegotiationAnswer.NoAnswer("no complete answer within " + millis(start) + " ms", true);
        }
        return new NegotiationAnswer.NoAnswer("the connection failed: " + e.getMessage(), false);
      }
    }
  }

  private static long millis(long start) {
    return Math.round((System.nanoTime() - start) / 1_000_000.0);
  }
}
