package io.github.cxkpi.spi;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The packages of core depend on each other without a cycle (read from the sources: every
 * reference to another core package's type outside comments), so that each layer can be
 * understood, tested and moved on its own.
 */
class PackageCyclesTest {
  private static final Pattern TYPE = Pattern.compile("io\\.github\\.cxkpi\\.([a-z]+)\\.[A-Z]");

  @Test
  void corePackagesFormNoCycle() throws IOException {
    Path root = Path.of("src/main/java/io/github/cxkpi");
    Map<String, Set<String>> deps = new TreeMap<>();
    try (Stream<Path> files = Files.walk(root)) {
      for (Path f : (Iterable<Path>) files.filter(p -> p.toString().endsWith(".java"))::iterator) {
        String pkg = root.relativize(f.getParent()).toString();
        String code = Files.readString(f).replaceAll("(?s)/\\*.*?\\*/", "").replaceAll("//.*", "");
        Matcher m = TYPE.matcher(code);
        Set<String> out = deps.computeIfAbsent(pkg, k -> new TreeSet<>());
        while (m.find()) {
          if (!m.group(1).equals(pkg)) {
            out.add(m.group(1));
          }
        }
      }
    }
    assertTrue(deps.size() >= 7, "packages read: " + deps.keySet());
    for (String start : deps.keySet()) {
      List<String> path = new ArrayList<>(List.of(start));
      findCycle(start, start, deps, path, new TreeSet<>());
    }
  }

  private static void findCycle(String start, String at, Map<String, Set<String>> deps,
      List<String> path, Set<String> seen) {
    for (String next : deps.getOrDefault(at, Set.of())) {
      if (next.equals(start)) {
        path.add(next);
        fail("package cycle in core: " + String.join(" -> ", path) + " (all: " + deps + ")");
      }
      if (seen.add(next)) {
        path.add(next);
        findCycle(start, next, deps, path, seen);
        path.remove(path.size() - 1);
      }
    }
  }
}
