package dev.rdpdoctor.knowledge.load;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.util.Map;

/**
 * Defines the generated classes of a cached knowledge base from their bytes, on demand. Its own
 * classes come first: the bundled rules' model classes are on the class path under the same
 * names (one per DRL package), and an edited folder must run its own.
 */
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
  protected Class<?> loadClass(String name, boolean resolve) throws ClassNotFoundException {
    if (!classFiles.containsKey(name)) {
      return super.loadClass(name, resolve);
    }
    synchronized (getClassLoadingLock(name)) {
      Class<?> c = findLoadedClass(name);
      if (c == null) {
        c = findClass(name);
      }
      if (resolve) {
        resolveClass(c);
      }
      return c;
    }
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
