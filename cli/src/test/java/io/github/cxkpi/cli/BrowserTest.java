package io.github.cxkpi.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The HTML report opened in a real headless Chromium (Debian's package {@code chromium}):
 * it renders, takes a screenshot, and logs no console error. In CI (the environment variable
 * {@code CI} set, as {@code .ci/run} does, which also installs Chromium) a missing Chromium fails
 * the test; elsewhere the test is skipped (install it with {@code apt-get install chromium}). Set
 * {@code -Dcxkpi.screenshot=DIR} to keep the screenshot.
 */
class BrowserTest {
  private static final Path CHROMIUM = Path.of("/usr/bin/chromium");

  @Test
  void theReportRendersInChromiumWithoutConsoleErrors(@TempDir Path dir) throws Exception {
    if (!Files.isExecutable(CHROMIUM)) {
      if (System.getenv("CI") != null) {
        fail("Chromium is not installed at " + CHROMIUM + ", and CI must run this test "
            + "(.ci/run installs Debian's chromium)");
      }
      assumeTrue(false, "Chromium is not installed");
    }
    Path html = dir.resolve("report.html");
    CliTest.Run r = CliTest.run("", "report", "--sample", "--segment", "attr:visits",
        "--format", "html", "--output", html.toString(), "--quiet");
    assertEquals(0, r.code(), r.err());
    Path png = dir.resolve("report.png");
    Path log = dir.resolve("chromium.log");
    Process p = new ProcessBuilder(List.of(CHROMIUM.toString(), "--headless", "--no-sandbox",
        "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
        "--disable-component-update", "--disable-sync", "--user-data-dir=" + dir.resolve("profile"),
        "--enable-logging=stderr", "--v=0", "--window-size=1000,1800",
        "--screenshot=" + png, html.toUri().toString()))
        .redirectErrorStream(true).redirectOutput(log.toFile()).start();
    if (!p.waitFor(90, TimeUnit.SECONDS)) {
      p.destroyForcibly();
      throw new AssertionError("Chromium did not finish within 90 s");
    }
    String output = Files.readString(log);
    assertEquals(0, p.exitValue(), output);
    assertTrue(Files.size(png) > 10_000, "a screenshot of the page: " + Files.size(png) + " bytes");
    for (String line : output.split("\n")) {
      boolean console = line.contains("CONSOLE") || line.contains("Uncaught");
      assertTrue(!console, "console message: " + line);
    }
    String keep = System.getProperty("cxkpi.screenshot");
    if (keep != null) {
      Files.copy(png, Path.of(keep).resolve("report.png"),
          java.nio.file.StandardCopyOption.REPLACE_EXISTING);
    }
  }
}
