package dev.rdpdoctor.knowledge;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.util.Map;

/** Defines the generated classes of a cached knowledge base from their bytes, on demand. */
final class ModelClassLoader extends ClassLoader {

  static {
    registerAsParallelCapable();
  }

  private final Map<String, byte[]> classFiles;

  ModelClassLoader(Map<String, byte[]> classFiles, ClassLoader parent) {
    super("rdp-doctor-compiled-rules", parent);
    this.classFiles = classFiles;
  }

  @Override
  protected Class<?> findClass(String name) throws ClassNotFoundException {
    byte[] bytes = classFiles.get(name);
    if (bytes == null) {
      throw new ClassNotFoundException(name);
    }
    return defineClass(name, bytes, 0, bytes.length);
  }

  @Override
  public InputStream getResourceAsStream(String name) {
    if (name.endsWith(".class")) {
      byte[] bytes = classFiles.get(name.substring(0, name.length() - ".class".length()).replace('/', '.'));
      if (bytes != null) {
        return new ByteArrayInputStream(bytes);
      }
    }
    return super.getResourceAsStream(name);
  }
}
