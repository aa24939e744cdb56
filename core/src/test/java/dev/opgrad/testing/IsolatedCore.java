package dev.opgrad.testing;

import com.google.common.collect.ImmutableList;
import dev.opgrad.spi.Op;
import java.io.IOException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;

/**
 * A fresh copy of opgrad-core and of these test classes in a class loader of its own, with plugin
 * jars next to them, as an application's class path would hold them: its default registry and its
 * {@code Value} have not been touched by any other test. Only the JDK is shared with the test, so
 * probes return JDK types.
 */
public final class IsolatedCore implements AutoCloseable {

  private final URLClassLoader loader;

  private IsolatedCore(URLClassLoader loader) {
    this.loader = loader;
  }

  /** Core's classes, the test classes, Guava, then {@code pluginJars}, over the JDK's classes. */
  public static IsolatedCore with(Path... pluginJars) throws IOException {
    List<URL> urls = new ArrayList<>();
    urls.add(codeSourceOf(Op.class));
    urls.add(codeSourceOf(IsolatedCore.class));
    urls.add(codeSourceOf(ImmutableList.class));
    for (Path jar : pluginJars) {
      urls.add(jar.toUri().toURL());
    }
    return new IsolatedCore(
        new URLClassLoader(urls.toArray(URL[]::new), ClassLoader.getPlatformClassLoader()));
  }

  private static URL codeSourceOf(Class<?> type) {
    return type.getProtectionDomain().getCodeSource().getLocation();
  }

  /** The class loader holding this copy of core, which sees the plugin jars. */
  public ClassLoader loader() {
    return loader;
  }

  /**
   * Runs this copy's {@code probe}, a public class with a public no-argument constructor, on a new
   * thread whose context class loader is {@code contextClassLoader}.
   *
   * @throws ExecutionException with what the probe threw
   */
  public <T> T call(Class<? extends Callable<T>> probe, ClassLoader contextClassLoader)
      throws ReflectiveOperationException, ExecutionException, InterruptedException {
    @SuppressWarnings("unchecked") // the copy of the class implements the same JDK interface
    Callable<T> copy =
        (Callable<T>) loader.loadClass(probe.getName()).getConstructor().newInstance();
    FutureTask<T> task = new FutureTask<>(copy);
    Thread thread = new Thread(task, probe.getSimpleName());
    thread.setContextClassLoader(contextClassLoader);
    thread.start();
    return task.get();
  }

  @Override
  public void close() throws IOException {
    loader.close();
  }
}
