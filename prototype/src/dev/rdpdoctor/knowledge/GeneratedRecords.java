package dev.rdpdoctor.knowledge;

import dev.rdpdoctor.casefile.vocabulary.Key;
import dev.rdpdoctor.casefile.vocabulary.KeyType;
import dev.rdpdoctor.casefile.vocabulary.SectionType;
import dev.rdpdoctor.casefile.vocabulary.ValueSet;
import dev.rdpdoctor.casefile.vocabulary.Vocabulary;
import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.net.URI;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import javax.tools.FileObject;
import javax.tools.ForwardingJavaFileManager;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.SimpleJavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;

/**
 * Prototype of the alternative: the vocabulary's types as Java records and enums, generated as
 * source and compiled in memory with the JDK's compiler, as a rules folder would need at each
 * compile of its DRL. Only the compile is measured: it is what this design adds.
 */
final class GeneratedRecords {

  private GeneratedRecords() {}

  static Map<String, String> sources(Vocabulary vocabulary) {
    Map<String, String> out = new HashMap<>();
    for (ValueSet set : vocabulary.readableSets()) {
      out.put(set.name(), "package facts;\npublic enum " + set.name() + " { "
          + set.choices().stream().map(ValueSet.Choice::constant).collect(Collectors.joining(", ")) + " }\n");
    }
    for (SectionType type : vocabulary.readableTypes()) {
      List<String> components = new ArrayList<>();
      for (Key k : type.keys()) {
        String t = DeclaredTypes.javaType(k.type());
        components.add((k.type() instanceof KeyType.ListOf ? "java.util.List<?>" : t) + " " + k.field());
      }
      out.put(type.name(), "package facts;\npublic record " + type.name() + "(" + String.join(", ", components) + ") {}\n");
    }
    return out;
  }

  /** The class files, by binary name. */
  static Map<String, byte[]> compile(Map<String, String> sources) {
    JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
    StandardJavaFileManager standard = javac.getStandardFileManager(null, null, null);
    Map<String, ByteArrayOutputStream> classes = new HashMap<>();
    var manager = new ForwardingJavaFileManager<>(standard) {
      @Override
      public JavaFileObject getJavaFileForOutput(Location location, String className, JavaFileObject.Kind kind, FileObject sibling) {
        return new SimpleJavaFileObject(URI.create("mem:///" + className.replace('.', '/') + ".class"), kind) {
          @Override
          public OutputStream openOutputStream() {
            return classes.computeIfAbsent(className, n -> new ByteArrayOutputStream());
          }
        };
      }
    };
    List<JavaFileObject> units = new ArrayList<>();
    sources.forEach((name, text) -> units.add(new SimpleJavaFileObject(URI.create("mem:///facts/" + name + ".java"), JavaFileObject.Kind.SOURCE) {
      @Override
      public CharSequence getCharContent(boolean ignoreEncodingErrors) {
        return text;
      }
    }));
    if (!javac.getTask(null, manager, null, List.of("-proc:none", "-nowarn"), null, units).call()) {
      throw new IllegalStateException("the generated records do not compile");
    }
    Map<String, byte[]> out = new HashMap<>();
    classes.forEach((n, b) -> out.put(n, b.toByteArray()));
    return out;
  }
}
