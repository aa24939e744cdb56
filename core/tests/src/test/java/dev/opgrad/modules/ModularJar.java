package dev.opgrad.modules;

import static com.google.common.base.Preconditions.checkState;

import dev.opgrad.testing.PluginJar;
import java.io.File;
import java.io.IOException;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.stream.Stream;
import javax.tools.JavaCompiler;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;

/**
 * Builds a modular jar at test time, as a third party would: a {@code module-info.java} and classes
 * compiled with {@code javax.tools} against a module path. {@link PluginJar} builds the other kind
 * of plugin, a plain jar with a {@code META-INF/services} entry, which the module path takes as an
 * automatic module.
 */
final class ModularJar {

  private final Map<String, String> sources = new LinkedHashMap<>();

  /** Sets the module declaration, the source of {@code module-info.java}. */
  ModularJar moduleInfo(String source) {
    sources.put("module-info", source);
    return this;
  }

  /** Adds the source of the top-level class {@code className}. */
  ModularJar source(String className, String source) {
    sources.put(className, source);
    return this;
  }

  /**
   * Compiles the sources against the modules of {@code modulePath} and writes the jar to {@code
   * jar}.
   */
  Path writeTo(Path jar, List<Path> modulePath) throws IOException {
    checkState(sources.containsKey("module-info"), "a modular jar needs a module-info.java");
    Path work = Files.createTempDirectory(jar.toAbsolutePath().getParent(), "modular-jar");
    Path sourceDir = Files.createDirectories(work.resolve("src"));
    Path classes = Files.createDirectories(work.resolve("classes"));
    List<Path> files = new ArrayList<>();
    for (Map.Entry<String, String> entry : sources.entrySet()) {
      Path file = sourceDir.resolve(entry.getKey().replace('.', '/') + ".java");
      Files.createDirectories(file.getParent());
      Files.writeString(file, entry.getValue());
      files.add(file);
    }
    JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
    checkState(javac != null, "no Java compiler: run the tests on a JDK");
    StringWriter errors = new StringWriter();
    try (StandardJavaFileManager fileManager = javac.getStandardFileManager(null, null, null)) {
      boolean compiled =
          javac
              .getTask(
                  errors,
                  fileManager,
                  null,
                  List.of("-d", classes.toString(), "--module-path", ModuleApp.pathOf(modulePath)),
                  null,
                  fileManager.getJavaFileObjectsFromPaths(files))
              .call();
      checkState(compiled, "javac failed: %s", errors);
    }
    try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(jar));
        Stream<Path> classFiles = Files.walk(classes)) {
      for (Path file : (Iterable<Path>) classFiles.filter(Files::isRegularFile)::iterator) {
        out.putNextEntry(
            new JarEntry(classes.relativize(file).toString().replace(File.separatorChar, '/')));
        out.write(Files.readAllBytes(file));
        out.closeEntry();
      }
    }
    return jar;
  }
}
