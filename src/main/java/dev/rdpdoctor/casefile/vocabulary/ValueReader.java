package dev.rdpdoctor.casefile.vocabulary;

import dev.rdpdoctor.yaml.Excerpt;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Reads one scalar, as YAML gives it (a boolean, a number or text), into the value a key of
 * that type holds: {@code Boolean}, {@code Long}, {@code Double}, {@code String},
 * {@code LocalDate}, or a set's spelling. Anything else is an {@link IllegalArgumentException}
 * whose message says what was expected.
 */
public final class ValueReader {

  private static final Pattern HEX = Pattern.compile("0[xX][0-9a-fA-F]{1,8}");
  private static final Pattern DECIMAL = Pattern.compile("[0-9]{1,10}");

  private ValueReader() {}

  public static Object read(KeyType type, Object raw) {
    if (raw == null) {
      throw new IllegalArgumentException("expected a value, got nothing");
    }
    if (type instanceof KeyType.YesNo) {
      return yesNo(raw);
    } else if (type instanceof KeyType.WholeNumber n) {
      return whole(n, raw);
    } else if (type instanceof KeyType.Decimal d) {
      return decimal(d, raw);
    } else if (type instanceof KeyType.Text) {
      return String.valueOf(raw);
    } else if (type instanceof KeyType.Date) {
      return date(raw);
    } else if (type instanceof KeyType.Code) {
      return code(raw);
    } else if (type instanceof KeyType.OneOf o) {
      return o.set().parse(String.valueOf(raw));
    } else if (type instanceof KeyType.ListOf l) {
      return read(l.item(), raw);
    }
    throw new IllegalArgumentException("expected a section of " + ((KeyType.Section) type).typeName() + ", got '"
        + Excerpt.of(String.valueOf(raw)) + "'");
  }

  private static Boolean yesNo(Object raw) {
    if (raw instanceof Boolean b) {
      return b;
    }
    String t = String.valueOf(raw).strip().toLowerCase(Locale.ROOT);
    return switch (t) {
      case "true", "yes" -> Boolean.TRUE;
      case "false", "no" -> Boolean.FALSE;
      default -> throw new IllegalArgumentException("expected true or false, got '" + Excerpt.of(String.valueOf(raw)) + "'");
    };
  }

  private static Long whole(KeyType.WholeNumber type, Object raw) {
    long value;
    try {
      BigDecimal d = new BigDecimal(String.valueOf(raw).strip());
      value = d.longValueExact();
    } catch (NumberFormatException | ArithmeticException e) {
      throw new IllegalArgumentException("expected a whole number, got '" + Excerpt.of(String.valueOf(raw)) + "'");
    }
    if (value < type.min() || value > type.max()) {
      throw new IllegalArgumentException(value + " is out of range: " + type.describe().replace("number ", "") + " is allowed");
    }
    return value;
  }

  private static Double decimal(KeyType.Decimal type, Object raw) {
    double value;
    try {
      value = Double.parseDouble(String.valueOf(raw).strip());
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("expected a number, got '" + Excerpt.of(String.valueOf(raw)) + "'");
    }
    if (Double.isNaN(value) || value < type.min() || value > type.max()) {
      throw new IllegalArgumentException(value + " is out of range: " + type.describe().replace("number ", "") + " is allowed");
    }
    return value;
  }

  private static LocalDate date(Object raw) {
    String text = String.valueOf(raw).strip();
    try {
      return LocalDate.parse(text);
    } catch (DateTimeParseException e) {
      throw new IllegalArgumentException("malformed date '" + Excerpt.of(text) + "': write it as YYYY-MM-DD, e.g. 2026-11-20");
    }
  }

  private static Long code(Object raw) {
    String text = String.valueOf(raw).strip().replace("_", "");
    Long value = HEX.matcher(text).matches() ? Long.valueOf(Long.parseLong(text.substring(2), 16))
        : DECIMAL.matcher(text).matches() ? Long.valueOf(Long.parseLong(text)) : null;
    if (value == null || value > 0xFFFF_FFFFL) {
      throw new IllegalArgumentException("malformed code '" + Excerpt.of(String.valueOf(raw))
          + "': write hex like 0x904 or decimal like 2308");
    }
    return value;
  }
}
