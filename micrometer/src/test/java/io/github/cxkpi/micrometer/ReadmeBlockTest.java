package io.github.cxkpi.micrometer;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.github.cxkpi.testing.Readme;
import io.github.cxkpi.testing.ReadmeCompiler;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The README's Micrometer block compiles on its own, with only the imports it shows. */
class ReadmeBlockTest {
  @Test
  void theReadmesMicrometerBlockCompilesOnItsOwn() {
    List<String> blocks = Readme.javaBlocks().stream()
        .filter(b -> b.contains("io.micrometer")).toList();
    assertEquals(1, blocks.size());
    ReadmeCompiler.assertCompiles(blocks.get(0), "Micrometer");
  }
}
