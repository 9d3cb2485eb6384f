package io.github.cxkpi.testing;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Keeps the README's code honest: a test holds a snippet between {@code // README:name} and
 * {@code // README:end}, runs it, and asserts that README.md shows the same lines.
 */
public final class Readme {
  private Readme() {}

  /**
   * Asserts that README.md (at the repository root) contains the snippet of a test source.
   *
   * @param testClass the test class holding the snippet
   * @param name the snippet's name
   */
  public static void assertShows(Class<?> testClass, String name) {
    Path root = findRoot();
    Path source = Path.of("src/test/java", testClass.getName().replace('.', '/') + ".java");
    try {
      List<String> lines = Files.readAllLines(source);
      List<String> snippet = new ArrayList<>();
      boolean in = false;
      for (String line : lines) {
        String t = line.trim();
        if (t.equals("// README:" + name)) {
          in = true;
        } else if (in && t.equals("// README:end")) {
          break;
        } else if (in) {
          snippet.add(line);
        }
      }
      assertTrue(!snippet.isEmpty(), "no snippet " + name + " in " + source);
      int indent = snippet.stream().filter(l -> !l.isBlank())
          .mapToInt(l -> l.length() - l.stripLeading().length()).min().orElse(0);
      String expected = snippet.stream().map(l -> l.isBlank() ? "" : l.substring(indent))
          .collect(Collectors.joining("\n"));
      String readme = Files.readString(root.resolve("README.md"));
      if (!readme.contains(expected)) {
        fail("README.md does not show snippet '" + name + "' as tested:\n" + expected);
      }
    } catch (IOException e) {
      throw new AssertionError("cannot read " + source + " or README.md", e);
    }
  }

  private static Path findRoot() {
    Path p = Path.of("").toAbsolutePath();
    while (p != null && !Files.exists(p.resolve("mvnw"))) {
      p = p.getParent();
    }
    if (p == null) {
      throw new AssertionError("repository root (with mvnw) not found");
    }
    return p;
  }

  /**
   * The {@code java} code blocks of README.md, in order.
   *
   * @return the blocks' texts
   */
  public static List<String> javaBlocks() {
    try {
      List<String> blocks = new ArrayList<>();
      StringBuilder current = null;
      for (String line : Files.readAllLines(findRoot().resolve("README.md"))) {
        if (current == null && line.trim().equals("```java")) {
          current = new StringBuilder();
        } else if (current != null && line.trim().equals("```")) {
          blocks.add(current.toString());
          current = null;
        } else if (current != null) {
          current.append(line).append('\n');
        }
      }
      return blocks;
    } catch (IOException e) {
      throw new AssertionError("cannot read README.md", e);
    }
  }
}
