package dev.opgrad.samples;

import dev.opgrad.OpRegistry;
import java.io.PrintStream;
import java.nio.file.Path;

/**
 * Lists every op that opgrad discovers, on the class path and optionally in a folder of plugin
 * jars, with its arity, provider class, jar and gradient check: {@code ListOps [--plugins DIR]}.
 *
 * <p>Exit status: 0 when every op passes its gradient check and nothing was left out, 1 when an op
 * fails or a provider or jar has a problem, 2 for wrong arguments.
 */
public final class ListOps {

  private static final String USAGE =
      "usage: ListOps [--plugins DIR]\n"
          + "  Lists every discovered op (name, arity, provider class, jar, gradcheck result).\n"
          + "  --plugins DIR  also load the op jars in DIR, on top of the class path";

  private ListOps() {}

  /** Runs the listing and exits with its status. */
  public static void main(String[] args) {
    System.exit(run(args, System.out, System.err));
  }

  /** Runs the listing, printing to {@code out} and errors to {@code err}; returns the status. */
  public static int run(String[] args, PrintStream out, PrintStream err) {
    Path plugins = null;
    for (int i = 0; i < args.length; i++) {
      String arg = args[i];
      if (arg.equals("--help") || arg.equals("-h")) {
        out.println(USAGE);
        return 0;
      } else if (arg.equals("--plugins") && i + 1 == args.length) {
        err.println("option --plugins needs a folder");
        err.println(USAGE);
        return 2;
      } else if (arg.equals("--plugins") && plugins == null) {
        plugins = Path.of(args[++i]);
      } else if (arg.startsWith("--plugins=") && plugins == null) {
        plugins = Path.of(arg.substring("--plugins=".length()));
      } else {
        err.println("unexpected argument '" + arg + "'");
        err.println(USAGE);
        return 2;
      }
    }
    OpRegistry registry;
    if (plugins == null) {
      registry = OpRegistry.load();
    } else {
      try {
        registry = OpRegistry.withPlugins(plugins);
      } catch (IllegalArgumentException e) {
        err.println(e.getMessage());
        return 2;
      }
    }
    OpCatalog catalog = OpCatalog.of(registry);
    catalog.print(out);
    return catalog.allGood() ? 0 : 1;
  }
}
