package dev.rdpdoctor.evidence;

import java.io.StringReader;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.xml.stream.Location;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/**
 * Events as XML: what {@code wevtutil qe LOG /f:xml} (or {@code /f:RenderedXml}) prints, a
 * sequence of {@code <Event>} elements without a root, and what Event Viewer's "Save as XML" and
 * {@code Get-WinEvent | ForEach-Object ToXml} write, the same inside {@code <Events>}. An event's
 * text is its rendered message when the export holds one, else its data ({@code Name: value}).
 *
 * <p>The XML is read by the JDK's streaming parser with no DTD and no external entities: a file
 * that declares a document type is refused, where it does, before the parser sees it.
 */
final class EventXmlReader implements FormatReader {

  private static final Pattern START = Pattern.compile(
      "\\A\\s*(?:<\\?xml[^>]{0,200}\\?>\\s*)?(?:<!--.{0,2000}?-->\\s*){0,5}<(?:Events|Event)[\\s>/]", Pattern.DOTALL);
  /** XML with a declaration or a document type first: an export if an event follows. */
  private static final Pattern PROLOG = Pattern.compile("\\A\\s*<(\\?xml|!DOCTYPE)");
  private static final Pattern DECLARATION = Pattern.compile("\\A\\s*<\\?xml[^>]{0,200}\\?>");
  private static final Pattern DOCTYPE = Pattern.compile("(?i)<!(DOCTYPE|ENTITY)");
  private static final String ROOT = "<evidence>";
  /** Characters of the parser's own message kept: it may quote much of the file. */
  private static final int MAX_MESSAGE = 200;

  @Override
  public String kind() {
    return "an event export (XML)";
  }

  @Override
  public boolean recognises(DecodedText text) {
    String head = text.text().length() > 4000 ? text.text().substring(0, 4000) : text.text();
    return START.matcher(head).lookingAt() || PROLOG.matcher(head).lookingAt() && head.contains("<Event");
  }

  @Override
  public void read(FileReading reading) {
    DecodedText text = reading.text();
    String xml = text.text();
    Matcher doctype = DOCTYPE.matcher(xml);
    if (doctype.find()) {
      reading.error(text.lineOf(doctype.start()), text.columnOf(doctype.start()),
          "a document type or entity declaration (<!" + doctype.group(1) + ">) is not read: an event export has none");
      return;
    }
    Matcher declaration = DECLARATION.matcher(xml);
    if (declaration.lookingAt()) {
      xml = " ".repeat(declaration.end()) + xml.substring(declaration.end());
    }
    XMLStreamReader in = null;
    try {
      in = factory().createXMLStreamReader(new StringReader(ROOT + xml + "</evidence>"));
      new Walk(reading, in).run();
    } catch (Deep e) {
      int column = e.column - (e.line == 1 ? ROOT.length() : 0);
      reading.error(e.line, column, "elements nested deeper than " + reading.limits().maxXmlDepth()
          + " levels: an event export nests six at most");
    } catch (XMLStreamException e) {
      Location at = e.getLocation();
      String message = e.getMessage() == null ? "malformed XML" : e.getMessage().replaceFirst("(?s)^ParseError at \\[row,col\\]:\\[\\d+,\\d+\\]\\s*Message:\\s*", "");
      message = message.length() > MAX_MESSAGE ? message.substring(0, MAX_MESSAGE - 3) + "..." : message; // it may quote the file
      int line = at == null ? 1 : at.getLineNumber();
      int column = at == null ? 1 : at.getColumnNumber() - (line == 1 ? ROOT.length() : 0);
      if (line > text.lineCount() || line == text.lineCount() && column > text.line(line).length()) {
        reading.error(text.lineCount(), text.line(text.lineCount()).length() + 1,
            "the export ends inside an event: it was cut short");
      } else {
        reading.error(line, column, "malformed XML: " + message);
      }
    } finally {
      if (in != null) {
        try {
          in.close();
        } catch (XMLStreamException e) {
          // nothing held
        }
      }
    }
  }

  /** The JDK's own parser, whatever else is on the class path, with no DTD and no external entities. */
  private static XMLInputFactory factory() {
    XMLInputFactory f = XMLInputFactory.newDefaultFactory();
    f.setProperty(XMLInputFactory.SUPPORT_DTD, false);
    f.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
    f.setProperty(XMLInputFactory.IS_COALESCING, true);
    f.setProperty(XMLInputFactory.IS_NAMESPACE_AWARE, true);
    return f;
  }

  /** One pass over the document, an event at a time. */
  private static final class Walk {
    private final FileReading reading;
    private final XMLStreamReader in;
    private final Deque<String> path = new ArrayDeque<>();

    Walk(FileReading reading, XMLStreamReader in) {
      this.reading = reading;
      this.in = in;
    }

    void run() throws XMLStreamException {
      while (in.hasNext()) {
        int event = in.next();
        if (event == XMLStreamConstants.START_ELEMENT) {
          push();
          if (in.getLocalName().equals("Event")) {
            event(in.getLocation().getLineNumber());
          }
        } else if (event == XMLStreamConstants.END_ELEMENT) {
          path.pop();
        }
      }
    }

    private void push() {
      path.push(in.getLocalName());
      if (path.size() > reading.limits().maxXmlDepth()) {
        Location at = in.getLocation();
        throw new Deep(at.getLineNumber(), at.getColumnNumber());
      }
    }

    /** Reads one event, from its start to its end, and adds it. */
    private void event(int line) throws XMLStreamException {
      int depth = path.size();
      String provider = null;
      String id = null;
      String channel = null;
      String time = null;
      String message = null;
      StringBuilder data = new StringBuilder();
      int limit = reading.limits().maxEventText();
      while (in.hasNext()) {
        int e = in.next();
        if (e == XMLStreamConstants.START_ELEMENT) {
          push();
          String name = in.getLocalName();
          String parent = parent();
          if (name.equals("Provider") && parent.equals("System")) {
            provider = attribute("Name");
            if (provider == null) {
              provider = attribute("EventSourceName");
            }
          } else if (name.equals("TimeCreated") && parent.equals("System")) {
            time = attribute("SystemTime");
          } else if (name.equals("EventID") && parent.equals("System")) {
            id = text();
          } else if (name.equals("Channel") && parent.equals("System")) {
            channel = text();
          } else if (name.equals("Computer") && parent.equals("System")) {
            reading.machine(text());
          } else if (name.equals("Message") && parent.equals("RenderingInfo")) {
            message = text();
          } else if (name.equals("EventData") || name.equals("UserData")) {
            data(data, limit);
          }
        } else if (e == XMLStreamConstants.END_ELEMENT) {
          path.pop();
          if (path.size() < depth) {
            break;
          }
        }
      }
      if (id == null || provider == null) {
        reading.error(line, 1, "an event without its " + (id == null ? "EventID" : "Provider") + " is not read");
        return;
      }
      String number = id.strip();
      if (!number.matches("\\d{1,5}") || Long.parseLong(number) > 65535) {
        reading.error(line, 1, "an event's EventID must be a number from 0 to 65535, got " + Quoted.of(number));
        return;
      }
      String body = message != null && !message.isBlank() ? message.strip() : data.toString();
      if (body.length() > limit) {
        body = body.substring(0, limit - 3) + "...";
      }
      reading.add(new Observation.Event(Optional.ofNullable(channel).map(String::strip).filter(s -> !s.isEmpty()),
          provider.strip(), Long.parseLong(number), body, date(time),
          reading.origin(line, "event " + number + " from " + provider.strip() + date(time).map(d -> " on " + d).orElse(""))));
    }

    private String parent() {
      var it = path.iterator();
      it.next();
      return it.hasNext() ? it.next() : "";
    }

    private String attribute(String name) {
      for (int i = 0; i < in.getAttributeCount(); i++) {
        if (in.getAttributeLocalName(i).equals(name)) {
          return in.getAttributeValue(i);
        }
      }
      return null;
    }

    /** The text of the element just opened, read to its end: an element inside it ends the text there. */
    private String text() throws XMLStreamException {
      StringBuilder out = new StringBuilder();
      while (in.hasNext()) {
        int e = in.next();
        if (e == XMLStreamConstants.CHARACTERS || e == XMLStreamConstants.CDATA || e == XMLStreamConstants.SPACE) {
          if (out.length() < reading.limits().maxEventText()) {
            out.append(in.getText(), 0, Math.min(in.getTextLength(), reading.limits().maxEventText()));
          }
        } else if (e == XMLStreamConstants.START_ELEMENT) {
          push();
          skip();
        } else if (e == XMLStreamConstants.END_ELEMENT) {
          path.pop();
          return out.toString();
        }
      }
      return out.toString();
    }

    /**
     * Reads the element just opened ({@code EventData}, {@code UserData}) to its end, adding each
     * value in it to {@code data} as {@code Name: value}: a {@code Data} element by its
     * {@code Name}, another by its own name.
     */
    private void data(StringBuilder data, int limit) throws XMLStreamException {
      int depth = path.size();
      Deque<StringBuilder> texts = new ArrayDeque<>();
      Deque<String> labels = new ArrayDeque<>();
      while (in.hasNext()) {
        int e = in.next();
        if (e == XMLStreamConstants.START_ELEMENT) {
          push();
          String name = in.getLocalName();
          String label = name.equals("Data") ? attribute("Name") : name;
          labels.push(label == null ? "" : label);
          texts.push(new StringBuilder());
        } else if ((e == XMLStreamConstants.CHARACTERS || e == XMLStreamConstants.CDATA) && !texts.isEmpty()) {
          StringBuilder t = texts.peek();
          if (t.length() < limit) {
            t.append(in.getText(), 0, Math.min(in.getTextLength(), limit));
          }
        } else if (e == XMLStreamConstants.END_ELEMENT) {
          path.pop();
          if (path.size() < depth) {
            return;
          }
          String value = texts.pop().toString().strip();
          String label = labels.pop();
          if (!value.isEmpty() && data.length() < limit) {
            data.append(data.length() == 0 ? "" : "; ").append(label.isEmpty() ? "" : label + ": ").append(value);
          }
        }
      }
    }

    /** Skips the element just opened. */
    private void skip() throws XMLStreamException {
      int depth = path.size();
      while (in.hasNext()) {
        int e = in.next();
        if (e == XMLStreamConstants.START_ELEMENT) {
          push();
        } else if (e == XMLStreamConstants.END_ELEMENT) {
          path.pop();
          if (path.size() < depth) {
            return;
          }
        }
      }
    }

  }

  /** The day of {@code 2026-11-20T07:12:33.1234567Z}; empty when it is not such a time. */
  static Optional<LocalDate> date(String time) {
    if (time == null) {
      return Optional.empty();
    }
    try {
      return Optional.of(OffsetDateTime.parse(time.strip()).toLocalDate());
    } catch (DateTimeParseException e) {
      return time.strip().matches("\\d{4}-\\d\\d-\\d\\d.*") ? parseDay(time.strip().substring(0, 10)) : Optional.empty();
    }
  }

  private static Optional<LocalDate> parseDay(String day) {
    try {
      return Optional.of(LocalDate.parse(day));
    } catch (DateTimeParseException e) {
      return Optional.empty();
    }
  }

  /** Elements nested deeper than the limit. */
  static final class Deep extends RuntimeException {
    private static final long serialVersionUID = 1L;
    final int line;
    final int column;

    Deep(int line, int column) {
      super(null, null, false, false);
      this.line = line;
      this.column = column;
    }
  }
}
