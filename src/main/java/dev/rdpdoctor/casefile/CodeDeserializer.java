package dev.rdpdoctor.casefile;

import dev.rdpdoctor.yaml.Excerpt;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.JsonMappingException;
import java.io.IOException;
import java.util.regex.Pattern;

/** An RDP error code: hex ({@code 0x904}) or decimal ({@code 2308}), at most 32 bits. */
final class CodeDeserializer extends JsonDeserializer<Long> {

  private static final Pattern HEX = Pattern.compile("0[xX][0-9a-fA-F]{1,8}");
  private static final Pattern DECIMAL = Pattern.compile("[0-9]{1,10}");

  @Override
  public Long deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
    JsonToken token = p.currentToken();
    String text = p.getText().strip().replace("_", "");
    if (token == JsonToken.VALUE_NUMBER_INT || token == JsonToken.VALUE_STRING) {
      Long value = parse(text);
      if (value != null && value <= 0xFFFF_FFFFL) {
        return value;
      }
    }
    throw JsonMappingException.from(
        p, "malformed code '" + Excerpt.of(p.getText()) + "': write hex like 0x904 or decimal like 2308");
  }

  static Long parse(String text) {
    if (HEX.matcher(text).matches()) {
      return Long.parseLong(text.substring(2), 16);
    }
    if (DECIMAL.matcher(text).matches()) {
      return Long.parseLong(text);
    }
    return null;
  }
}
