package dev.rdpdoctor.probe;

import java.io.ByteArrayInputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;

/**
 * A socket whose peer is a script: it reads the bytes given, then the end of the stream, and
 * swallows what is written. It counts what the code under test read, so a fuzz test can check
 * that a reader never takes more than its cap. No connection is ever made.
 */
final class ScriptedSocket extends Socket {

  private final InputStream in;
  private long consumed;
  private boolean closed;

  ScriptedSocket(byte[] reply) {
    this.in = new FilterInputStream(new ByteArrayInputStream(reply)) {
      @Override
      public int read() throws IOException {
        int b = super.read();
        if (b >= 0) {
          consumed++;
        }
        return b;
      }

      @Override
      public int read(byte[] buffer, int offset, int length) throws IOException {
        int n = super.read(buffer, offset, length);
        if (n > 0) {
          consumed += n;
        }
        return n;
      }
    };
  }

  /** Bytes of the reply the code under test has read. */
  long consumed() {
    return consumed;
  }

  @Override
  public InputStream getInputStream() {
    return in;
  }

  @Override
  public OutputStream getOutputStream() {
    return OutputStream.nullOutputStream();
  }

  @Override
  public void setSoTimeout(int timeout) {
    // the script never blocks
  }

  @Override
  public synchronized void close() {
    closed = true;
  }

  @Override
  public boolean isClosed() {
    return closed;
  }
}
