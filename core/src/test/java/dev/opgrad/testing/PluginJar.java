package dev.opgrad.testing;

import static com.google.common.base.Preconditions.checkState;

import dev.opgrad.spi.Op;
import java.io.File;
import java.io.IOException;
import java.io.StringWriter;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.UnaryOperator;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.stream.Stream;
import javax.tools.JavaCompiler;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;

/**
 * Builds an op plugin jar at test time, as a third party would: Java sources compiled against
 * opgrad-core with {@code javax.tools}, plus a {@code META-INF/services/dev.opgrad.spi.Op} file.
 */
public final class PluginJar {

  private final Map<String, String> sources = new LinkedHashMap<>();
  private final List<String> services = new ArrayList<>();
  private final Map<String, UnaryOperator<byte[]>> classFileEdits = new HashMap<>();
  private final Set<String> omittedClasses = new HashSet<>();

  /** Adds the source of the public top-level class {@code className}. */
  public PluginJar source(String className, String source) {
    sources.put(className, source);
    return this;
  }

  /**
   * Adds a line to the jar's services file: a provider class name, whether or not it exists, or any
   * other text (a comment, a syntax error).
   */
  public PluginJar service(String line) {
    services.add(line);
    return this;
  }

  /** Adds a public op class {@code className} and lists it in the services file. */
  public PluginJar op(String className, String name, int arity, String forward, String localGrad) {
    int dot = className.lastIndexOf('.');
    String source =
        (dot < 0 ? "" : "package " + className.substring(0, dot) + ";\n")
            + "public final class "
            + className.substring(dot + 1)
            + " implements dev.opgrad.spi.Op {\n"
            + "  public String name() { return \""
            + name
            + "\"; }\n"
            + "  public int arity() { return "
            + arity
            + "; }\n"
            + "  public double forward(double[] x, double[] c) { return "
            + forward
            + "; }\n"
            + "  public void localGrad(double[] x, double[] c, double out, double[] g) { "
            + localGrad
            + " }\n"
            + "}\n";
    return source(className, source).service(className);
  }

  /**
   * Writes the compiled class {@code className} to the jar as {@code edit} changes it: a class file
   * for a newer JDK, a corrupt one. The class must be among the compiled ones.
   */
  public PluginJar editClassFile(String className, UnaryOperator<byte[]> edit) {
    classFileEdits.put(className, edit);
    return this;
  }

  /**
   * Leaves the compiled class {@code className} out of the jar, as a dependency missing at run time
   * would be: other classes compile against it but cannot link.
   */
  public PluginJar omitClassFile(String className) {
    omittedClasses.add(className);
    return this;
  }

  /** Compiles the sources and writes the jar to {@code jar}. */
  public Path writeTo(Path jar) throws IOException {
    Path work = Files.createTempDirectory("plugin-jar");
    Path sourceDir = Files.createDirectories(work.resolve("src"));
    Path classes = Files.createDirectories(work.resolve("classes"));
    List<Path> files = new ArrayList<>();
    for (Map.Entry<String, String> entry : sources.entrySet()) {
      Path file = sourceDir.resolve(entry.getKey().replace('.', '/') + ".java");
      Files.createDirectories(file.getParent());
      Files.writeString(file, entry.getValue());
      files.add(file);
    }
    if (!files.isEmpty()) {
      JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
      StringWriter errors = new StringWriter();
      try (StandardJavaFileManager fileManager = javac.getStandardFileManager(null, null, null)) {
        boolean compiled =
            javac
                .getTask(
                    errors,
                    fileManager,
                    null,
                    List.of("-d", classes.toString(), "-classpath", coreClasses()),
                    null,
                    fileManager.getJavaFileObjectsFromPaths(files))
                .call();
        checkState(compiled, "javac failed: %s", errors);
      }
    }
    Files.createDirectories(jar.toAbsolutePath().getParent());
    Set<String> compiled = new HashSet<>();
    try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(jar));
        Stream<Path> classFiles = Files.walk(classes)) {
      for (Path file : (Iterable<Path>) classFiles.filter(Files::isRegularFile)::iterator) {
        String entry = classes.relativize(file).toString().replace(File.separatorChar, '/');
        String className = entry.substring(0, entry.length() - ".class".length()).replace('/', '.');
        compiled.add(className);
        if (omittedClasses.contains(className)) {
          continue;
        }
        out.putNextEntry(new JarEntry(entry));
        out.write(
            classFileEdits
                .getOrDefault(className, UnaryOperator.identity())
                .apply(Files.readAllBytes(file)));
        out.closeEntry();
      }
      if (!services.isEmpty()) {
        out.putNextEntry(new JarEntry("META-INF/services/" + Op.class.getName()));
        out.write((String.join("\n", services) + "\n").getBytes(StandardCharsets.UTF_8));
        out.closeEntry();
      }
    }
    checkState(
        compiled.containsAll(classFileEdits.keySet()) && compiled.containsAll(omittedClasses),
        "classes to edit or omit were not compiled: %s, %s",
        classFileEdits.keySet(),
        omittedClasses);
    return jar;
  }

  /** The jar or directory holding opgrad-core's classes, which plugins compile against. */
  private static String coreClasses() {
    try {
      return Path.of(Op.class.getProtectionDomain().getCodeSource().getLocation().toURI())
          .toString();
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }
}
