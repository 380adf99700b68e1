package dev.rdpdoctor.knowledge.load;

import dev.rdpdoctor.knowledge.KnowledgeBase;
import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.util.Collections;
import java.util.Enumeration;

/**
 * The tool's class loader without the fact types precompiled for the bundled rules (package
 * {@value KnowledgeBase#FACT_PACKAGE}), for compiling a folder: its vocabulary declares its own
 * fact types, and Drools would otherwise take the class-path classes for them and refuse any
 * field they lack ("can't declare a different set of fields", "Wrong redeclaration of type").
 */
final class FactsHidingClassLoader extends ClassLoader {

  private static final String CLASSES = KnowledgeBase.FACT_PACKAGE + ".";
  private static final String RESOURCES = KnowledgeBase.FACT_PACKAGE + "/";

  static {
    registerAsParallelCapable();
  }

  FactsHidingClassLoader(ClassLoader parent) {
    super("rdp-doctor-without-precompiled-facts", parent);
  }

  /** The loader of the tool's own classes, without them. */
  static FactsHidingClassLoader ofTool() {
    return new FactsHidingClassLoader(FactsHidingClassLoader.class.getClassLoader());
  }

  @Override
  protected Class<?> loadClass(String name, boolean resolve) throws ClassNotFoundException {
    if (name.startsWith(CLASSES)) {
      throw new ClassNotFoundException(name);
    }
    return super.loadClass(name, resolve);
  }

  @Override
  public URL getResource(String name) {
    return hidden(name) ? null : super.getResource(name);
  }

  @Override
  public Enumeration<URL> getResources(String name) throws IOException {
    return hidden(name) ? Collections.emptyEnumeration() : super.getResources(name);
  }

  @Override
  public InputStream getResourceAsStream(String name) {
    return hidden(name) ? null : super.getResourceAsStream(name);
  }

  private static boolean hidden(String name) {
    return (name.startsWith("/") ? name.substring(1) : name).startsWith(RESOURCES);
  }
}
