package dev.rdpdoctor.serve;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.rdpdoctor.casefile.vocabulary.Key;
import dev.rdpdoctor.casefile.vocabulary.KeyType;
import dev.rdpdoctor.casefile.vocabulary.SectionType;
import dev.rdpdoctor.casefile.vocabulary.Vocabulary;
import dev.rdpdoctor.problem.InputError;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;

/**
 * The symptom file as a form, made from the vocabulary: a group per section (and per row of a
 * list of sections), a field per key with its documentation, a list of the allowed values where
 * there is one. Filled in, it becomes the symptom file it stands for; that file's located errors
 * are shown at the fields they are about.
 */
final class VocabularyForm {

  /** Sections the form leaves out: the probe writes one, the samples' expectations the other. */
  static final Set<String> LEFT_OUT = Set.of("probe", "expect", CaseStore.RESOLUTION);
  /** Sections shown open from the start: what every ticket has. */
  static final Set<String> OPEN = Set.of("error");
  /** Rows offered for a list of sections ({@code events}). */
  static final int ROWS = 3;
  private static final Pattern PATH = Pattern.compile("[a-z0-9_]+(\\[[0-9]{1,3}])?(\\.[a-z0-9_]+(\\[[0-9]{1,3}])?)*");
  private static final Pattern STEP = Pattern.compile("([a-z0-9_]+)(?:\\[([0-9]{1,3})])?");

  private final Vocabulary vocabulary;

  VocabularyForm(Vocabulary vocabulary) {
    this.vocabulary = vocabulary;
  }

  /** The form's groups, with what was given and the errors at each field. */
  List<Views.Group> groups(Map<String, List<String>> given, Map<String, List<String>> errors) {
    List<Views.Group> out = new ArrayList<>();
    SectionType root = vocabulary.root();
    List<Views.Field> top = new ArrayList<>();
    for (Key key : root.keys()) {
      if (LEFT_OUT.contains(key.name()) || key.derived().isPresent()) {
        continue;
      }
      if (key.section().isEmpty()) {
        top.add(field(key.name(), key, given, errors));
      }
    }
    out.add(new Views.Group("", "The ticket", plain(root.doc()), top, List.of(), true));
    for (Key key : root.keys()) {
      if (!LEFT_OUT.contains(key.name()) && key.section().isPresent()) {
        section(key.name(), key, given, errors, out);
      }
    }
    return out;
  }

  private void section(String path, Key key, Map<String, List<String>> given, Map<String, List<String>> errors,
      List<Views.Group> out) {
    SectionType type = vocabulary.type(key.section().get().typeName()).orElseThrow();
    int rows = key.isList() ? ROWS : 1;
    for (int row = 0; row < rows; row++) {
      String at = key.isList() ? path + "[" + row + "]" : path;
      List<Views.Field> fields = new ArrayList<>();
      List<Key> inner = new ArrayList<>();
      for (Key k : type.keys()) {
        if (k.derived().isPresent()) {
          continue;
        }
        if (k.section().isPresent()) {
          inner.add(k);
        } else {
          fields.add(field(at + "." + k.name(), k, given, errors));
        }
      }
      boolean filled = fields.stream().anyMatch(f -> !f.chosen().isEmpty()) || errors.containsKey(at) || OPEN.contains(at);
      String title = key.isList() ? path + " #" + (row + 1) : path;
      // the list's documentation once, on its first row
      out.add(new Views.Group(at, title, row == 0 ? plain(key.doc()) : "", fields, errors.getOrDefault(at, List.of()), filled));
      for (Key k : inner) {
        section(at + "." + k.name(), k, given, errors, out);
      }
    }
  }

  private static Views.Field field(String name, Key key, Map<String, List<String>> given, Map<String, List<String>> errors) {
    KeyType type = key.type();
    boolean list = type instanceof KeyType.ListOf;
    KeyType item = type instanceof KeyType.ListOf l ? l.item() : type;
    List<String> chosen = given.getOrDefault(name, List.of()).stream().filter(v -> !v.isBlank()).toList();
    String label = name.contains(".") ? name.substring(name.lastIndexOf('.') + 1) : name;
    List<String> err = errors.getOrDefault(name, List.of());
    String doc = plain(key.doc());
    if (item instanceof KeyType.YesNo) {
      return new Views.Field(name, label, doc, "yesno", List.of("yes", "no"), "", "", "", chosen, err);
    }
    if (item instanceof KeyType.OneOf o) {
      return new Views.Field(name, label, doc, list ? "choices" : "choice", o.set().spellings(), "", "", "", chosen, err);
    }
    if (item instanceof KeyType.WholeNumber n) {
      return new Views.Field(name, label, doc, list ? "lines" : "number", List.of(),
          n.min() == Long.MIN_VALUE ? "" : Long.toString(n.min()), n.max() == Long.MAX_VALUE ? "" : Long.toString(n.max()), "1",
          chosen, err);
    }
    if (item instanceof KeyType.Decimal d) {
      return new Views.Field(name, label, doc, list ? "lines" : "number", List.of(),
          Double.isInfinite(d.min()) ? "" : number(d.min()), Double.isInfinite(d.max()) ? "" : number(d.max()), "any", chosen, err);
    }
    if (item instanceof KeyType.Date) {
      return new Views.Field(name, label, doc, list ? "lines" : "date", List.of(), "", "", "", chosen, err);
    }
    return new Views.Field(name, label, doc, list ? "lines" : "text", List.of(), "", "", "", chosen, err);
  }

  /** Documentation as the page shows it: the reference's Markdown code marks left out. */
  static String plain(String doc) {
    return doc.replace("`", "");
  }

  private static String number(double v) {
    return v == Math.rint(v) ? Long.toString((long) v) : Double.toString(v);
  }

  /**
   * The symptom file the filled-in form stands for: each field with a value at its path, typed as
   * its key is (yes/no, numbers, lists one per line); a value that does not read as its type is
   * kept as text, for the reader to say what is wrong with it. Fields that are not paths of the
   * form are ignored.
   */
  ObjectNode tree(Map<String, List<String>> fields) {
    JsonNodeFactory f = JsonNodeFactory.instance;
    ObjectNode root = f.objectNode();
    for (Map.Entry<String, List<String>> e : fields.entrySet()) {
      String name = e.getKey();
      if (!PATH.matcher(name).matches() || vocabulary.place(name).isEmpty()
          || LEFT_OUT.contains(name.split("[.\\[]")[0])) {
        continue;
      }
      Key key = vocabulary.place(name).get().key();
      if (key.section().isPresent()) {
        continue;
      }
      List<String> values = new ArrayList<>();
      for (String v : e.getValue()) {
        for (String line : key.isList() ? v.split("\\R") : new String[] {v}) {
          if (!line.isBlank()) {
            values.add(line.strip());
          }
        }
      }
      if (values.isEmpty()) {
        continue;
      }
      KeyType item = key.type() instanceof KeyType.ListOf l ? l.item() : key.type();
      JsonNode value;
      if (key.isList()) {
        ArrayNode a = f.arrayNode();
        values.forEach(v -> a.add(typed(item, v)));
        value = a;
      } else {
        value = typed(item, values.get(0));
      }
      put(root, name, value);
    }
    return root;
  }

  private static JsonNode typed(KeyType type, String v) {
    JsonNodeFactory f = JsonNodeFactory.instance;
    try {
      if (type instanceof KeyType.YesNo) {
        return v.equals("yes") ? f.booleanNode(true) : v.equals("no") ? f.booleanNode(false) : f.textNode(v);
      }
      if (type instanceof KeyType.WholeNumber) {
        return f.numberNode(Long.parseLong(v));
      }
      if (type instanceof KeyType.Decimal) {
        return f.numberNode(Double.parseDouble(v));
      }
      return f.textNode(v);
    } catch (NumberFormatException e) {
      return f.textNode(v);
    }
  }

  /** Sets {@code value} at {@code path} ({@code events[1].id}), making the sections and list items on the way. */
  private static void put(ObjectNode root, String path, JsonNode value) {
    String[] steps = path.split("\\.");
    JsonNode at = root;
    for (int i = 0; i < steps.length; i++) {
      Matcher m = STEP.matcher(steps[i]);
      if (!m.matches()) {
        return;
      }
      String name = m.group(1);
      boolean last = i == steps.length - 1;
      ObjectNode section = (ObjectNode) at;
      if (m.group(2) == null) {
        if (last) {
          section.set(name, value);
          return;
        }
        JsonNode next = section.get(name);
        at = next instanceof ObjectNode o ? o : section.putObject(name);
      } else {
        int index = Integer.parseInt(m.group(2));
        JsonNode list = section.get(name);
        ArrayNode items = list instanceof ArrayNode a ? a : section.putArray(name);
        // rows left empty in the form are not items of the list: row 3 filled alone is the first item
        Map<Integer, ObjectNode> rows = rowsOf(items);
        ObjectNode item = rows.get(index);
        if (item == null) {
          item = items.addObject();
          item.put(ROW, index);
          sortRows(items);
        }
        at = item;
        if (last) {
          return;
        }
      }
    }
  }

  /** A marker of the form's row an item came from, removed before the file is written. */
  private static final String ROW = "\u0000row";

  private static Map<Integer, ObjectNode> rowsOf(ArrayNode items) {
    Map<Integer, ObjectNode> rows = new LinkedHashMap<>();
    for (JsonNode n : items) {
      if (n instanceof ObjectNode o && o.has(ROW)) {
        rows.put(o.get(ROW).asInt(), o);
      }
    }
    return rows;
  }

  private static void sortRows(ArrayNode items) {
    List<JsonNode> sorted = new ArrayList<>();
    items.forEach(sorted::add);
    sorted.sort(java.util.Comparator.comparingInt(n -> n.path(ROW).asInt()));
    items.removeAll();
    sorted.forEach(items::add);
  }

  /** The tree with the rows' markers removed: the symptom file itself. */
  static ObjectNode clean(ObjectNode tree) {
    ObjectNode copy = tree.deepCopy();
    strip(copy);
    return copy;
  }

  private static void strip(JsonNode n) {
    if (n instanceof ObjectNode o) {
      o.remove(ROW);
      o.forEach(VocabularyForm::strip);
    } else if (n instanceof ArrayNode a) {
      a.forEach(VocabularyForm::strip);
    }
  }

  /**
   * The form field each line of a symptom file written from {@link #tree} stands for, with the
   * rows of lists as the form numbers them: line 3 is {@code events[2].id} when the list's first
   * item came from the form's third row.
   */
  static Map<Integer, String> fieldsByLine(String yaml, ObjectNode tree) {
    Map<Integer, String> out = new TreeMap<>();
    Node node = new Yaml(new LoaderOptions()).compose(new StringReader(yaml));
    walk(node, "", tree, out);
    return out;
  }

  private static void walk(Node node, String path, JsonNode tree, Map<Integer, String> out) {
    if (node instanceof MappingNode m) {
      for (NodeTuple t : m.getValue()) {
        if (t.getKeyNode() instanceof ScalarNode k) {
          String p = path.isEmpty() ? k.getValue() : path + "." + k.getValue();
          out.put(k.getStartMark().getLine() + 1, p);
          walk(t.getValueNode(), p, tree == null ? null : tree.get(k.getValue()), out);
        }
      }
    } else if (node instanceof SequenceNode s) {
      for (int i = 0; i < s.getValue().size(); i++) {
        Node item = s.getValue().get(i);
        JsonNode itemTree = tree == null ? null : tree.get(i);
        int row = itemTree != null && itemTree.has(ROW) ? itemTree.get(ROW).asInt() : i;
        String p = path + "[" + row + "]";
        out.putIfAbsent(item.getStartMark().getLine() + 1, item instanceof MappingNode ? p : path);
        walk(item, p, itemTree, out);
      }
    }
  }

  /**
   * The errors of a symptom file written from the form, by the field (or row) they are about;
   * those about no field under {@code ""}.
   */
  static Map<String, List<String>> errorsByField(List<InputError> errors, Map<Integer, String> fields) {
    Map<String, List<String>> out = new LinkedHashMap<>();
    for (InputError e : errors) {
      String field = fields.getOrDefault(e.line(), "");
      out.computeIfAbsent(field, k -> new ArrayList<>()).add(e.message());
    }
    return out;
  }
}
