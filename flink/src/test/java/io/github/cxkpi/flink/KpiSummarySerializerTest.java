package io.github.cxkpi.flink;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.cxkpi.spi.KpiDetail;
import io.github.cxkpi.spi.KpiSummary;
import io.github.cxkpi.stats.Interval;
import java.io.EOFException;
import java.io.IOException;
import java.util.Arrays;
import java.util.List;
import org.apache.flink.api.common.typeutils.TypeSerializer;
import org.apache.flink.core.memory.DataInputDeserializer;
import org.apache.flink.core.memory.DataOutputSerializer;
import org.junit.jupiter.api.Test;

/** A summary's details travel through Flink whole; a corrupt count fails before allocating. */
class KpiSummarySerializerTest {
  private final TypeSerializer<KpiSummary> serializer =
      EventSerializers.KpiSummarySerializer.INSTANCE;

  private byte[] bytes(KpiSummary s) throws IOException {
    DataOutputSerializer out = new DataOutputSerializer(64);
    serializer.serialize(s, out);
    return out.getCopyOfBuffer();
  }

  @Test
  void detailsRoundTrip() throws IOException {
    KpiSummary s = new KpiSummary("frt", 12, 61.5, new Interval(50, 72), 0.9, false,
        List.of(new KpiDetail("quantile", "p90", 120, new Interval(100, 150)),
            KpiDetail.of("importance", "speed", 0.2)));
    assertEquals(s, serializer.deserialize(new DataInputDeserializer(bytes(s))));
    KpiSummary plain = new KpiSummary("nps", 3, 10, Interval.UNDEFINED, 0.95, true);
    assertEquals(plain, serializer.deserialize(new DataInputDeserializer(bytes(plain))));
  }

  @Test
  void aCorruptDetailCountIsAnIoExceptionNotAnAllocation() throws IOException {
    byte[] b = bytes(new KpiSummary("nps", 3, 10, Interval.UNDEFINED, 0.95, true));
    // The count is the last four bytes of a summary without details.
    for (int count : new int[] {-1, Integer.MAX_VALUE, 1 << 20}) {
      byte[] c = b.clone();
      c[c.length - 4] = (byte) (count >>> 24);
      c[c.length - 3] = (byte) (count >>> 16);
      c[c.length - 2] = (byte) (count >>> 8);
      c[c.length - 1] = (byte) count;
      IOException e = assertThrows(IOException.class,
          () -> serializer.deserialize(new DataInputDeserializer(c)));
      assertTrue(e.getMessage().contains(String.valueOf(count)), e.getMessage());
    }
    byte[] truncated = Arrays.copyOf(b, b.length - 1);
    assertThrows(EOFException.class,
        () -> serializer.deserialize(new DataInputDeserializer(truncated)));
  }
}
