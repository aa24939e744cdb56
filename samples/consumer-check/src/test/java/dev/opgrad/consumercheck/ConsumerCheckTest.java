package dev.opgrad.consumercheck;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * opgrad as a dependency. Each published module of opgrad's build has installed its artifacts
 * (jar, sources, Javadoc, POM, parent POM) in the staging repository, in verify (opgrad-parent's
 * maven-invoker-plugin). This test checks what was staged, then builds {@code consumer/}, an
 * application with a POM of its own that imports opgrad-bom, with the Maven that runs this build
 * (the wrapper's), and compares what the application prints with what the same program prints when
 * it is compiled and run on the reactor's classes.
 *
 * <p>The application's build is isolated from the developer's: a copy under target/ with a {@code
 * .mvn} folder of its own (so it reads none of opgrad's Maven configuration), its own settings
 * ({@code -s}, which replace ~/.m2/settings.xml) and a fresh, empty local repository. Its settings
 * list two repositories before Maven Central: the staging repository, as a remote {@code file:}
 * repository, and this build's local repository (~/.m2/repository, usually), also as a remote
 * repository, releases only, so that third-party artifacts (Guava, the plugins) are copied from
 * there rather than downloaded again; only what it lacks comes from Central (exec-maven-plugin on a
 * new machine). A local repository may hold opgrad's own artifacts, installed by anyone at any time,
 * but they are snapshots and only the staging repository has snapshots enabled; the test then
 * proves it, whatever the version: the {@code _remote.repositories} files of the application's
 * local repository say that every opgrad artifact it resolved came from the staging repository.
 */
class ConsumerCheckTest {

  private static final String STAGING_ID = "opgrad-staging";
  private static final String GROUP_PATH = "dev/opgrad";
  private static final List<String> PUBLISHED_JARS =
      List.of("opgrad-core", "opgrad-ops-builtin", "opgrad-ops-extra");
  private static final List<String> PUBLISHED_POMS = List.of("opgrad-parent", "opgrad-bom");

  /** The repository the published modules installed themselves in. */
  private static Path staging;
  private static String version;

  @BeforeAll
  static void stagingRepository() {
    String mavenHome = System.getProperty("consumerCheck.mavenHome", "");
    assumeThat(mavenHome)
        .as("run by Maven (./mvnw verify), which passes consumerCheck.* to the test")
        .doesNotStartWith("${")
        .isNotEmpty();
    staging = Path.of(System.getProperty("consumerCheck.stagingRepository"));
    version = System.getProperty("consumerCheck.opgradVersion");
  }

  @Test
  void everyPublishedArtifactIsStagedWithItsPomSourcesAndJavadoc() {
    for (String artifactId : PUBLISHED_POMS) {
      assertThat(staged(artifactId, "", "pom")).as(artifactId).isRegularFile();
    }
    boolean sources = !skipped("consumerCheck.sourceSkip");
    boolean javadoc = !skipped("consumerCheck.javadocSkip");
    for (String artifactId : PUBLISHED_JARS) {
      assertThat(staged(artifactId, "", "pom")).as(artifactId).isRegularFile();
      assertThat(staged(artifactId, "", "jar")).as(artifactId).isRegularFile();
      if (sources) {
        assertThat(staged(artifactId, "sources", "jar")).as(artifactId).isRegularFile();
      }
      if (javadoc) {
        assertThat(staged(artifactId, "javadoc", "jar")).as(artifactId).isRegularFile();
      }
    }
  }

  @Test
  void theStagedBomStatesEveryPublishedJarAtItsOwnVersionAndHasNoParent() throws IOException {
    String bom = Files.readString(staged("opgrad-bom", "", "pom"), UTF_8);

    assertThat(bom).doesNotContain("${").doesNotContain("<parent>");
    for (String artifactId : PUBLISHED_JARS) {
      assertThat(bom)
          .containsPattern(
              "<artifactId>" + artifactId + "</artifactId>\\s*<version>" + Pattern.quote(version));
    }
    assertThat(bom).contains("<name>MIT License</name>", "<scm>", "<developers>", "<url>");
  }

  @Test
  void anApplicationBuiltAgainstTheStagedArtifactsPrintsWhatOpgradComputesHere() throws Exception {
    Path work = Path.of("target", "consumer-check").toAbsolutePath();
    deleteRecursively(work);
    Path project = work.resolve("consumer");
    copyRecursively(Path.of("consumer").toAbsolutePath(), project);
    // The application's own Maven project root: Maven reads no .mvn configuration of opgrad's.
    Files.createDirectories(project.resolve(".mvn"));
    Path localRepository = work.resolve("local-repository");
    Path settings = work.resolve("settings.xml");
    Path buildLocalRepository = Path.of(System.getProperty("consumerCheck.buildLocalRepository"));
    Files.writeString(settings, settings(staging, buildLocalRepository), UTF_8);

    List<String> command = new ArrayList<>();
    boolean windows = System.getProperty("os.name").startsWith("Windows");
    command.add(
        Path.of(System.getProperty("consumerCheck.mavenHome"), "bin", windows ? "mvn.cmd" : "mvn")
            .toString());
    command.addAll(
        List.of(
            "-B",
            "--no-transfer-progress",
            "-s",
            settings.toString(),
            "-Dmaven.repo.local=" + localRepository,
            "-Dopgrad.version=" + version));
    command.add("verify");
    Path log = work.resolve("build.log");
    ProcessBuilder builder =
        new ProcessBuilder(command)
            .directory(project.toFile())
            .redirectErrorStream(true)
            .redirectOutput(log.toFile());
    builder.environment().put("JAVA_HOME", System.getProperty("java.home"));
    builder.environment().remove("MAVEN_ARGS"); // options meant for opgrad's own build
    Process maven = builder.start();
    if (!maven.waitFor(5, TimeUnit.MINUTES)) {
      maven.destroyForcibly();
      throw new AssertionError("the application's build took over 5 minutes; see " + log);
    }
    assertThat(maven.exitValue())
        .as("exit code of %s, whose output ends:%n%s", command, tail(log, 60))
        .isZero();

    assertThat(opgradArtifactsAndTheirRepositories(localRepository))
        .as("where each opgrad artifact of the application's local repository came from")
        .containsOnlyKeys(
            "opgrad-parent", "opgrad-bom", "opgrad-core", "opgrad-ops-builtin", "opgrad-ops-extra")
        .allSatisfy((artifact, repositories) -> assertThat(repositories).containsOnly(STAGING_ID));

    Map<String, String> printed = parse(project.resolve("target/output.txt"));
    assertThat(printed).containsExactlyEntriesOf(runOnThisBuildsClasses(work));
    // micrograd's own numbers for test_more_ops.
    assertThat(printed)
        .containsEntry("g", "24.70408163265306")
        .containsEntry("a.grad", "138.83381924198252")
        .containsEntry("b.grad", "645.5772594752186");
    // The numbers of this MLP, with this seed: they change only if nn's initialization or
    // arithmetic does (then update them, after checking the loss still falls).
    assertThat(printed)
        .containsEntry("loss.0", "0.2847043319087901")
        .containsEntry("loss.19", "9.60432159893291E-5")
        .containsEntry("prediction.0", "0.9926102921445874")
        .containsEntry("prediction.1", "-1.010717370343173")
        .containsEntry("prediction.2", "-0.9914843625106355")
        .containsEntry("prediction.3", "1.0087386243263092");
  }

  /**
   * The application itself, {@code consumer/src/main/java/com/example/app/Main.java}, compiled and
   * run here on this build's class path (the reactor's classes) instead of the staged artifacts:
   * one program, so that the two outputs differ only if the artifacts do.
   */
  private static Map<String, String> runOnThisBuildsClasses(Path work) throws Exception {
    Path classes = Files.createDirectories(work.resolve("classes-on-this-build"));
    String classPath = System.getProperty("java.class.path");
    Path source = Path.of("consumer/src/main/java/com/example/app/Main.java").toAbsolutePath();
    int compiled =
        ToolProvider.getSystemJavaCompiler()
            .run(null, null, null, "-d", classes.toString(), "-cp", classPath, source.toString());
    assertThat(compiled).as("javac's exit code for %s", source).isZero();
    Path output = work.resolve("output-on-this-build.txt");
    Process java =
        new ProcessBuilder(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp",
                classes + File.pathSeparator + classPath,
                "com.example.app.Main")
            .redirectOutput(output.toFile())
            .redirectError(ProcessBuilder.Redirect.INHERIT)
            .start();
    assertThat(java.waitFor(2, TimeUnit.MINUTES)).as("the application ended").isTrue();
    assertThat(java.exitValue()).as("the application's exit code").isZero();
    return parse(output);
  }

  /** The staged file of {@code artifactId}: the repository has the layout of a local repository. */
  private static Path staged(String artifactId, String classifier, String extension) {
    Path folder = staging.resolve(GROUP_PATH).resolve(artifactId).resolve(version);
    assertThat(folder)
        .as("%s was not staged: was the build run with -Dopgrad.stage.skip?", artifactId)
        .isDirectory();
    String suffix = (classifier.isEmpty() ? "" : "-" + classifier) + "." + extension;
    return folder.resolve(artifactId + "-" + version + suffix);
  }

  /** {@code true} if the build was run with that skip property (-Dmaven.javadoc.skip, ...). */
  private static boolean skipped(String property) {
    String value = System.getProperty(property, "");
    return value.equals("true");
  }

  /**
   * For each opgrad artifact in a local repository, the ids of the repositories its files were
   * downloaded from, as its {@code _remote.repositories} files record them ({@code file>id=}); an
   * empty id would mean installed locally, {@code ?} a file with no record.
   */
  private static Map<String, List<String>> opgradArtifactsAndTheirRepositories(Path localRepository)
      throws IOException {
    Map<String, List<String>> origins = new LinkedHashMap<>();
    Path group = localRepository.resolve(GROUP_PATH);
    if (!Files.isDirectory(group)) {
      return origins;
    }
    try (Stream<Path> artifacts = Files.list(group)) {
      for (Path artifact : artifacts.sorted().collect(Collectors.toList())) {
        List<String> repositories = new ArrayList<>();
        try (Stream<Path> versions = Files.list(artifact)) {
          for (Path versionFolder : versions.filter(Files::isDirectory).collect(Collectors.toList())) {
            Path record = versionFolder.resolve("_remote.repositories");
            if (!Files.isRegularFile(record)) {
              repositories.add("?");
              continue;
            }
            for (String line : Files.readAllLines(record, UTF_8)) {
              if (!line.isBlank() && !line.startsWith("#")) {
                repositories.add(line.substring(line.indexOf('>') + 1, line.length() - 1));
              }
            }
          }
        }
        origins.put(artifact.getFileName().toString(), repositories);
      }
    }
    return origins;
  }

  private static Map<String, String> parse(Path output) throws IOException {
    assertThat(output).as("the application's output").isRegularFile();
    Map<String, String> values = new LinkedHashMap<>();
    for (String line : Files.readAllLines(output, UTF_8)) {
      int space = line.indexOf(' ');
      assertThat(space).as("a line 'name value': %s", line).isPositive();
      values.put(line.substring(0, space), line.substring(space + 1));
    }
    return values;
  }

  /**
   * The application's settings: the staging repository, then this build's local repository as a
   * remote one (releases only, for third-party artifacts), then Maven Central as always.
   */
  private static String settings(Path staging, Path buildLocalRepository) {
    return "<settings xmlns=\"http://maven.apache.org/SETTINGS/1.2.0\">\n"
        + "  <profiles>\n"
        + "    <profile>\n"
        + "      <id>consumer-check</id>\n"
        + "      <repositories>\n"
        + "        <repository>\n"
        + "          <id>" + STAGING_ID + "</id>\n"
        + "          <url>" + staging.toUri() + "</url>\n"
        + "          <releases><enabled>true</enabled></releases>\n"
        + "          <snapshots><enabled>true</enabled></snapshots>\n"
        + "        </repository>\n"
        + buildRepository("repository", buildLocalRepository)
        + "      </repositories>\n"
        + "      <pluginRepositories>\n"
        + buildRepository("pluginRepository", buildLocalRepository)
        + "      </pluginRepositories>\n"
        + "    </profile>\n"
        + "  </profiles>\n"
        + "  <activeProfiles>\n"
        + "    <activeProfile>consumer-check</activeProfile>\n"
        + "  </activeProfiles>\n"
        + "</settings>\n";
  }

  private static String buildRepository(String element, Path buildLocalRepository) {
    return "        <" + element + ">\n"
        + "          <id>build-local-repository</id>\n"
        + "          <url>" + buildLocalRepository.toUri() + "</url>\n"
        // A local repository keeps checksums of what it downloaded, not of what was installed.
        + "          <releases><enabled>true</enabled><checksumPolicy>ignore</checksumPolicy></releases>\n"
        + "          <snapshots><enabled>false</enabled></snapshots>\n"
        + "        </" + element + ">\n";
  }

  private static String tail(Path log, int lines) throws IOException {
    if (!Files.isRegularFile(log)) {
      return "(no output)";
    }
    List<String> all = Files.readAllLines(log, UTF_8);
    return String.join(System.lineSeparator(), all.subList(Math.max(0, all.size() - lines), all.size()));
  }

  private static void copyRecursively(Path from, Path to) throws IOException {
    try (Stream<Path> files = Files.walk(from)) {
      for (Path file : files.collect(Collectors.toList())) {
        Path relative = from.relativize(file);
        if (relative.startsWith("target")) {
          continue; // a build of consumer/ run by hand
        }
        Path target = to.resolve(relative.toString());
        if (Files.isDirectory(file)) {
          Files.createDirectories(target);
        } else {
          Files.copy(file, target);
        }
      }
    }
  }

  private static void deleteRecursively(Path folder) throws IOException {
    if (!Files.exists(folder)) {
      return;
    }
    try (Stream<Path> files = Files.walk(folder)) {
      for (Path file : files.sorted(Comparator.reverseOrder()).collect(Collectors.toList())) {
        Files.delete(file);
      }
    }
  }
}
