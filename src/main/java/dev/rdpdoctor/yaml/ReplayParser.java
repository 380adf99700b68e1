package dev.rdpdoctor.yaml;

import com.fasterxml.jackson.core.Base64Variant;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonStreamContext;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.ObjectCodec;
import com.fasterxml.jackson.core.Version;
import com.fasterxml.jackson.core.base.ParserMinimalBase;
import com.fasterxml.jackson.core.io.ContentReference;
import com.fasterxml.jackson.core.json.JsonReadContext;
import java.io.IOException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.List;

/**
 * Plays recorded tokens back to Jackson as if it parsed them: the same token kinds, texts,
 * numbers and positions as the parser that read the file.
 */
final class ReplayParser extends ParserMinimalBase {

  private final List<RecordedTokens.Token> tokens;
  private int next;
  private RecordedTokens.Token current;
  private JsonReadContext context = JsonReadContext.createRootContext(null);
  private ObjectCodec codec;
  private boolean closed;

  ReplayParser(List<RecordedTokens.Token> tokens, ObjectCodec codec) {
    this.tokens = tokens;
    this.codec = codec;
  }

  @Override
  public JsonToken nextToken() throws IOException {
    if (closed || next >= tokens.size()) {
      current = null;
      _currToken = null;
      return null;
    }
    current = tokens.get(next++);
    JsonToken kind = current.kind();
    switch (kind) {
      case FIELD_NAME -> {
        context.expectComma();
        context.setCurrentName(current.text());
      }
      case START_OBJECT -> {
        valueInArray();
        context = context.createChildObjectContext(current.line(), current.column());
      }
      case START_ARRAY -> {
        valueInArray();
        context = context.createChildArrayContext(current.line(), current.column());
      }
      case END_OBJECT, END_ARRAY -> context = context.clearAndGetParent();
      default -> valueInArray();
    }
    _currToken = kind;
    return kind;
  }

  private void valueInArray() throws JsonParseException {
    if (context.inArray()) {
      context.expectComma();
    }
  }

  @Override
  protected void _handleEOF() {
    // a recorded value is always complete
  }

  @Override
  public String getCurrentName() {
    if (_currToken == JsonToken.START_OBJECT || _currToken == JsonToken.START_ARRAY) {
      JsonReadContext parent = context.getParent();
      return parent == null ? null : parent.getCurrentName();
    }
    return context.getCurrentName();
  }

  @Override
  public void close() {
    closed = true;
  }

  @Override
  public boolean isClosed() {
    return closed;
  }

  @Override
  public JsonStreamContext getParsingContext() {
    return context;
  }

  @Override
  public void overrideCurrentName(String name) {
    try {
      context.setCurrentName(name);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e); // without a duplicate detector, never
    }
  }

  @Override
  public String getText() {
    return current == null ? null : current.text();
  }

  @Override
  public char[] getTextCharacters() {
    String text = getText();
    return text == null ? null : text.toCharArray();
  }

  @Override
  public boolean hasTextCharacters() {
    return false;
  }

  @Override
  public int getTextLength() {
    String text = getText();
    return text == null ? 0 : text.length();
  }

  @Override
  public int getTextOffset() {
    return 0;
  }

  @Override
  public byte[] getBinaryValue(Base64Variant variant) throws IOException {
    _reportError("binary values are not read here");
    return null;
  }

  @Override
  public ObjectCodec getCodec() {
    return codec;
  }

  @Override
  public void setCodec(ObjectCodec codec) {
    this.codec = codec;
  }

  @Override
  public Version version() {
    return Version.unknownVersion();
  }

  @Override
  public JsonLocation getCurrentLocation() {
    return getTokenLocation();
  }

  @Override
  public JsonLocation getTokenLocation() {
    return current == null ? JsonLocation.NA
        : new JsonLocation(ContentReference.unknown(), -1L, current.line(), current.column());
  }

  @Override
  public Number getNumberValue() throws IOException {
    return number();
  }

  @Override
  public NumberType getNumberType() {
    return current == null ? null : current.numberType();
  }

  @Override
  public int getIntValue() throws IOException {
    Number n = number();
    if (n instanceof Integer i) {
      return i;
    }
    if (isIntegral(n) ? toBigInteger(n).bitLength() >= 32 : (n.doubleValue() < Integer.MIN_VALUE || n.doubleValue() > Integer.MAX_VALUE)) {
      reportOverflowInt(getText());
    }
    return n.intValue();
  }

  @Override
  public long getLongValue() throws IOException {
    Number n = number();
    if (n instanceof Long || n instanceof Integer || n instanceof Short || n instanceof Byte) {
      return n.longValue();
    }
    if (isIntegral(n) ? toBigInteger(n).bitLength() >= 64 : (n.doubleValue() < Long.MIN_VALUE || n.doubleValue() > Long.MAX_VALUE)) {
      reportOverflowLong(getText());
    }
    return n.longValue();
  }

  @Override
  public BigInteger getBigIntegerValue() throws IOException {
    Number n = number();
    return isIntegral(n) ? toBigInteger(n) : new BigDecimal(n.toString()).toBigInteger();
  }

  @Override
  public float getFloatValue() throws IOException {
    return number().floatValue();
  }

  @Override
  public double getDoubleValue() throws IOException {
    return number().doubleValue();
  }

  @Override
  public BigDecimal getDecimalValue() throws IOException {
    Number n = number();
    if (n instanceof BigDecimal d) {
      return d;
    }
    return isIntegral(n) ? new BigDecimal(toBigInteger(n)) : BigDecimal.valueOf(n.doubleValue());
  }

  @Override
  public boolean isNaN() {
    return current != null && current.number() instanceof Double d && (d.isNaN() || d.isInfinite());
  }

  private Number number() throws IOException {
    if (current == null || current.number() == null) {
      _reportError("the current value is not a number");
    }
    return current.number();
  }

  private static boolean isIntegral(Number n) {
    return n instanceof Integer || n instanceof Long || n instanceof Short || n instanceof Byte || n instanceof BigInteger;
  }

  private static BigInteger toBigInteger(Number n) {
    return n instanceof BigInteger b ? b : BigInteger.valueOf(n.longValue());
  }
}
