package dev.rdpdoctor.casefile.vocabulary;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.BooleanNode;
import com.fasterxml.jackson.databind.node.DoubleNode;
import com.fasterxml.jackson.databind.node.LongNode;
import com.fasterxml.jackson.databind.node.TextNode;
import dev.rdpdoctor.yaml.Excerpt;
import dev.rdpdoctor.yaml.Shapes;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads one scalar into the value a key of that type holds: {@code Boolean}, {@code Long},
 * {@code Double}, {@code String}, {@code LocalDate}, a {@link DateEstimate}, or a set's
 * spelling. Anything else is an {@link IllegalArgumentException} whose message says what was
 * expected and what was written.
 */
public final class ValueReader {

  private static final Pattern HEX = Pattern.compile("0[xX][0-9a-fA-F]{1,8}");
  private static final Pattern DECIMAL = Pattern.compile("[0-9]{1,10}");
  private static final Pattern DATE_AND_REST = Pattern.compile("(\\d{4}-\\d{2}-\\d{2})(?:[Tt ](.*))?", Pattern.DOTALL);

  /** A time of day as ISO 8601 writes it, with an optional offset ({@code Z}, {@code +01:00}). */
  private static final DateTimeFormatter TIME = new DateTimeFormatterBuilder()
      .append(DateTimeFormatter.ISO_LOCAL_TIME)
      .optionalStart().appendOffsetId().optionalEnd()
      .toFormatter()
      .withResolverStyle(ResolverStyle.STRICT);

  private ValueReader() {}

  /**
   * A value given as Java reads it from a knowledge file: a {@code Boolean}, a {@code Number} or
   * text. An approximate date must be a date here: there is no observed date to judge words by.
   */
  public static Object read(KeyType type, Object raw) {
    return read(type, raw, Optional.empty());
  }

  /**
   * A value given as Java reads it from a knowledge file, an approximate date's words judged
   * against {@code observed} when given (an example, only checked to read).
   */
  static Object read(KeyType type, Object raw, Optional<LocalDate> observed) {
    if (raw == null) {
      throw new IllegalArgumentException("expected a value, got nothing");
    }
    JsonNode node = raw instanceof Boolean b ? BooleanNode.valueOf(b)
        : raw instanceof Long || raw instanceof Integer ? LongNode.valueOf(((Number) raw).longValue())
        : raw instanceof Number n ? DoubleNode.valueOf(n.doubleValue())
        : TextNode.valueOf(String.valueOf(raw));
    KeyType item = type instanceof KeyType.ListOf l ? l.item() : type;
    if (item instanceof KeyType.ApproximateDate && observed.isEmpty()) {
      Object day = read(new KeyType.Date(), node, String.valueOf(raw), Key.Messages.NONE, LocalDate.EPOCH);
      return new DateEstimate(String.valueOf(raw), (LocalDate) day, (LocalDate) day, true);
    }
    return read(type, node, String.valueOf(raw), Key.Messages.NONE, observed.orElse(LocalDate.EPOCH));
  }

  /**
   * A scalar of a symptom file.
   *
   * @param written the value as the user wrote it, for messages ({@code 0x1FFFFFFFF}, not the number it is)
   * @param messages the key's own wording of a problem
   * @param observed the day an approximate date's words are judged against
   */
  public static Object read(KeyType type, JsonNode node, String written, Key.Messages messages, LocalDate observed) {
    if (type instanceof KeyType.ListOf l) {
      return read(l.item(), node, written, messages, observed);
    }
    if (!node.isValueNode() || node.isNull()) {
      throw new IllegalArgumentException("expected " + expected(type) + ", got " + Shapes.describe(node));
    }
    if (type instanceof KeyType.YesNo) {
      return yesNo(node, written);
    } else if (type instanceof KeyType.WholeNumber n) {
      return whole(n, node, written, messages);
    } else if (type instanceof KeyType.Decimal d) {
      return decimal(d, node, written);
    } else if (type instanceof KeyType.Text) {
      return node.isTextual() ? node.textValue() : written;
    } else if (type instanceof KeyType.Date) {
      return date(written);
    } else if (type instanceof KeyType.ApproximateDate) {
      return DateWords.read(node.isTextual() ? node.textValue() : written, observed);
    } else if (type instanceof KeyType.Code) {
      return code(written);
    } else if (type instanceof KeyType.OneOf o) {
      return o.set().parse(node.isTextual() ? node.textValue() : written);
    }
    throw new IllegalArgumentException("expected a section (key: value lines), got " + Shapes.describe(node));
  }

  /** What a key of this type expects, in the words of a message: {@code true or false}, {@code a whole number}. */
  public static String expected(KeyType type) {
    if (type instanceof KeyType.YesNo) {
      return "true or false";
    } else if (type instanceof KeyType.WholeNumber) {
      return "a whole number";
    } else if (type instanceof KeyType.Code) {
      return "an error code like 0x904";
    } else if (type instanceof KeyType.Decimal) {
      return "a number";
    } else if (type instanceof KeyType.Text) {
      return "text";
    } else if (type instanceof KeyType.Date) {
      return "a date like 2026-11-20";
    } else if (type instanceof KeyType.ApproximateDate) {
      return "a date like 2026-11-20, or words like 'last week'";
    } else if (type instanceof KeyType.OneOf o) {
      return "one of " + String.join(", ", o.set().spellings());
    } else if (type instanceof KeyType.ListOf) {
      return "a list";
    }
    return "a section (key: value lines)";
  }

  private static Boolean yesNo(JsonNode node, String written) {
    if (node.isBoolean()) {
      return node.booleanValue();
    }
    if (node.isIntegralNumber() && (node.asLong() == 0 || node.asLong() == 1)) {
      return node.asLong() == 1;
    }
    if (node.isFloatingPointNumber()) {
      throw new IllegalArgumentException("expected true or false, got " + Shapes.describe(node));
    }
    String t = (node.isTextual() ? node.textValue() : written).strip().toLowerCase(Locale.ROOT);
    return switch (t) {
      case "true" -> Boolean.TRUE;
      case "false" -> Boolean.FALSE;
      default -> throw new IllegalArgumentException("expected true or false, got '" + Excerpt.of(written) + "'");
    };
  }

  private static Long whole(KeyType.WholeNumber type, JsonNode node, String written, Key.Messages messages) {
    if (node.isBoolean()) {
      throw new IllegalArgumentException("expected a whole number, got " + Shapes.describe(node));
    }
    if (node.isFloatingPointNumber()) {
      double value = node.doubleValue();
      if (Double.isNaN(value) || Double.isInfinite(value) || value != Math.rint(value)) {
        throw new IllegalArgumentException("expected a whole number, got " + Excerpt.of(written));
      }
    }
    BigInteger value;
    try {
      value = node.isNumber() ? node.decimalValue().toBigIntegerExact() : new BigDecimal(written.strip()).toBigIntegerExact();
    } catch (NumberFormatException | ArithmeticException e) {
      throw new IllegalArgumentException("expected a whole number, got '" + Excerpt.of(written) + "'");
    }
    if (value.compareTo(BigInteger.valueOf(type.min())) < 0 || value.compareTo(BigInteger.valueOf(type.max())) > 0) {
      throw new IllegalArgumentException(messages.outOfRange().map(m -> m.replace("{value}", Excerpt.of(written)))
          .orElse(Excerpt.of(written) + " is out of range; allowed: " + type.min() + " to " + type.max()));
    }
    return value.longValueExact();
  }

  private static Double decimal(KeyType.Decimal type, JsonNode node, String written) {
    if (node.isBoolean()) {
      throw new IllegalArgumentException("expected a number, got " + Shapes.describe(node));
    }
    double value;
    try {
      value = node.isNumber() ? node.doubleValue() : Double.parseDouble(written.strip());
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("expected a number, got '" + Excerpt.of(written) + "'");
    }
    if (Double.isNaN(value) || value < type.min() || value > type.max()) {
      throw new IllegalArgumentException(Excerpt.of(written) + " is out of range; allowed: " + bound(type.min())
          + " to " + bound(type.max()));
    }
    return value;
  }

  /** {@code 65535}, not {@code 65535.0}. */
  private static String bound(double bound) {
    return bound == Math.rint(bound) && Math.abs(bound) < 1e15 ? String.format(Locale.ROOT, "%d", (long) bound)
        : String.valueOf(bound);
  }

  /**
   * A calendar date, {@code 2026-11-20}: a four-digit year, a month and a day that exist. A date
   * followed by a valid time ({@code 2026-11-20T08:30:00}, {@code 2026-11-20 08:30Z}) is read as
   * its date; anything else after the date is refused, not ignored.
   */
  static LocalDate date(String written) {
    String text = written.strip();
    Matcher m = DATE_AND_REST.matcher(text);
    LocalDate date;
    try {
      if (!m.matches()) {
        throw new DateTimeParseException("", text, 0);
      }
      date = LocalDate.parse(m.group(1));
    } catch (DateTimeParseException e) {
      throw malformedDate(text, "");
    }
    if (m.group(2) != null) {
      try {
        TIME.parse(m.group(2).strip());
      } catch (DateTimeParseException e) {
        throw malformedDate(text, " (a time after the date must be a valid one, like 2026-11-20T08:30:00)");
      }
    }
    return date;
  }

  private static IllegalArgumentException malformedDate(String text, String hint) {
    return new IllegalArgumentException("malformed date '" + Excerpt.of(text) + "': write it as YYYY-MM-DD, e.g. 2026-11-20" + hint);
  }

  /** An RDP error code: hex ({@code 0x904}) or decimal ({@code 2308}), at most 32 bits. */
  private static Long code(String written) {
    String text = written.strip().replace("_", "");
    Long value = HEX.matcher(text).matches() ? Long.valueOf(Long.parseLong(text.substring(2), 16))
        : DECIMAL.matcher(text).matches() ? Long.valueOf(Long.parseLong(text)) : null;
    if (value == null || value > 0xFFFF_FFFFL) {
      throw new IllegalArgumentException("malformed code '" + Excerpt.of(written) + "': write hex like 0x904 or decimal like 2308");
    }
    return value;
  }
}
