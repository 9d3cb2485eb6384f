package io.github.cxkpi.testing;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Compiles README blocks ({@link Readme#javaBlocks()}) on their own with the JDK's compiler;
 * apart from {@link Readme} so that modules that only check snippets need no java.compiler.
 */
public final class ReadmeCompiler {
  private ReadmeCompiler() {}

  /**
   * Compiles a README block on its own, against the test's class path and module path only:
   * its {@code import} lines go first; a block that declares a type is a compilation unit, a
   * block that declares methods goes in a class, and statements go in a method of a class,
   * whose parameters are the inputs the block states in {@code // given: Type name} lines.
   * Nothing from other blocks or from test classes is visible.
   *
   * @param block the block's text
   * @param name a name for messages
   */
  public static void assertCompiles(String block, String name) {
    StringBuilder imports = new StringBuilder();
    StringBuilder body = new StringBuilder();
    List<String> given = new ArrayList<>();
    for (String line : block.split("\n", -1)) {
      if (line.startsWith("// given: ")) {
        // An input the snippet states with its type, e.g. "// given: DataStream<X> stream (...)"
        String declaration = line.substring("// given: ".length());
        int note = declaration.indexOf(" (");
        given.add(note < 0 ? declaration.strip() : declaration.substring(0, note).strip());
      }
      (line.startsWith("import ") ? imports : body).append(line).append('\n');
    }
    String rest = body.toString().strip();
    String source;
    String className;
    java.util.regex.Matcher type = java.util.regex.Pattern
        .compile("^(?:public |final )*(?:class|record|interface|enum) (\\w+)", java.util.regex.Pattern.MULTILINE)
        .matcher(rest);
    if (type.find()) {
      className = type.group(1);
      source = imports + rest + "\n";
    } else if (java.util.regex.Pattern.compile("^(?:static|public|private) ", java.util.regex.Pattern.MULTILINE)
        .matcher(rest).find()) {
      className = "Snippet";
      source = imports + "class Snippet {\n" + rest + "\n}\n";
    } else {
      className = "Snippet";
      source = imports + "class Snippet {\n  void run(" + String.join(", ", given)
          + ") throws Exception {\n" + rest + "\n  }\n}\n";
    }
    javax.tools.JavaCompiler compiler = javax.tools.ToolProvider.getSystemJavaCompiler();
    javax.tools.DiagnosticCollector<javax.tools.JavaFileObject> diagnostics =
        new javax.tools.DiagnosticCollector<>();
    String path = System.getProperty("java.class.path") + java.io.File.pathSeparator
        + System.getProperty("jdk.module.path", "");
    javax.tools.JavaFileObject unit = new javax.tools.SimpleJavaFileObject(
        java.net.URI.create("string:///" + className + ".java"),
        javax.tools.JavaFileObject.Kind.SOURCE) {
      @Override
      public CharSequence getCharContent(boolean ignoreEncodingErrors) {
        return source;
      }
    };
    try {
      Path out = Files.createTempDirectory("readme-snippet");
      boolean ok = compiler.getTask(null, null, diagnostics,
          List.of("-classpath", path, "-d", out.toString(), "-proc:none", "--release", "17"),
          null, List.of(unit)).call();
      if (!ok) {
        fail("README block " + name + " does not compile on its own:\n" + source + "\n"
            + diagnostics.getDiagnostics().stream()
                .filter(d -> d.getKind() == javax.tools.Diagnostic.Kind.ERROR)
                .map(d -> "line " + d.getLineNumber() + ": " + d.getMessage(null))
                .collect(Collectors.joining("\n")));
      }
    } catch (IOException e) {
      throw new AssertionError(e);
    }
  }
}
