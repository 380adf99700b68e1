package dev.rdpdoctor.casefile;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonSerializer;
import com.fasterxml.jackson.databind.SerializerProvider;
import java.io.IOException;

/** Writes an RDP error code in hex ({@code 0x904}), as users read it in the dialog. */
final class CodeSerializer extends JsonSerializer<Long> {

  @Override
  public void serialize(Long value, JsonGenerator gen, SerializerProvider serializers)
      throws IOException {
    gen.writeString("0x" + Long.toHexString(value));
  }
}
