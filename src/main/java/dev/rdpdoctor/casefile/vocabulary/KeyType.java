package dev.rdpdoctor.casefile.vocabulary;

/** What a key holds, checked: each kind with what it needs (a range, a value set, a section type). */
public sealed interface KeyType {

  /** How the reference table shows it: {@code true/false}, {@code number 0-2}, {@code `rdp` (0), ...}. */
  String describe();

  /** true or false ({@code yes}/{@code no} are read as such). */
  record YesNo() implements KeyType {
    @Override
    public String describe() {
      return "true/false";
    }
  }

  /** A whole number within {@code [min, max]}. */
  record WholeNumber(long min, long max) implements KeyType {

    public WholeNumber {
      if (min > max) {
        throw new IllegalArgumentException("min " + min + " is above max " + max);
      }
    }

    static WholeNumber any() {
      return new WholeNumber(Long.MIN_VALUE, Long.MAX_VALUE);
    }

    public boolean bounded() {
      return min != Long.MIN_VALUE || max != Long.MAX_VALUE;
    }

    @Override
    public String describe() {
      if (min != Long.MIN_VALUE && max != Long.MAX_VALUE) {
        return "number " + min + "-" + max;
      }
      return min != Long.MIN_VALUE ? "number from " + min : max != Long.MAX_VALUE ? "number up to " + max : "number";
    }
  }

  /** A number that may have a fraction, within {@code [min, max]}. */
  record Decimal(double min, double max) implements KeyType {

    public Decimal {
      if (Double.isNaN(min) || Double.isNaN(max) || min > max) {
        throw new IllegalArgumentException("the range " + min + " to " + max + " is empty");
      }
    }

    static Decimal any() {
      return new Decimal(Double.NEGATIVE_INFINITY, Double.POSITIVE_INFINITY);
    }

    @Override
    public String describe() {
      return Double.isInfinite(min) && Double.isInfinite(max) ? "number" : "number " + min + "-" + max;
    }
  }

  /** Free text. */
  record Text() implements KeyType {
    @Override
    public String describe() {
      return "text";
    }
  }

  /** A calendar date, {@code 2026-11-20}. */
  record Date() implements KeyType {
    @Override
    public String describe() {
      return "date";
    }
  }

  /**
   * A date as people write it in a ticket: a calendar date, or words judged against the observed
   * date ({@code last week}, {@code 3 days ago}); read as a {@link DateEstimate}.
   */
  record ApproximateDate() implements KeyType {
    @Override
    public String describe() {
      return "approximate date";
    }
  }

  /** An error code, hex {@code 0x904} or decimal {@code 2308}, at most 32 bits; reports show it in hex. */
  record Code() implements KeyType {
    @Override
    public String describe() {
      return "code";
    }
  }

  /** One value of a set, written as its spelling or an alias. */
  record OneOf(ValueSet set) implements KeyType {

    public OneOf {
      java.util.Objects.requireNonNull(set, "set");
    }

    @Override
    public String describe() {
      return set.describe();
    }
  }

  /** A list of values of one type; a single value is read as a list of one. */
  record ListOf(KeyType item) implements KeyType {

    public ListOf {
      java.util.Objects.requireNonNull(item, "item");
      if (item instanceof ListOf) {
        throw new IllegalArgumentException("a list of lists is not a symptom-file value");
      }
    }

    @Override
    public String describe() {
      return item instanceof Section s ? "list of " + s.typeName() : "list of " + item.describe();
    }
  }

  /**
   * A section of another type: {@code path.gateway} is a {@code Gateway}.
   *
   * @param insert whether the section is a fact of its own
   */
  record Section(String typeName, Insert insert) implements KeyType {

    public Section {
      java.util.Objects.requireNonNull(typeName, "typeName");
      java.util.Objects.requireNonNull(insert, "insert");
    }

    @Override
    public String describe() {
      return "section";
    }
  }
}
