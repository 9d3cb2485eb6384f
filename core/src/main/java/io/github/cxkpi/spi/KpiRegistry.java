package io.github.cxkpi.spi;

import io.github.cxkpi.codec.CodecException;
import io.github.cxkpi.codec.FrameReader;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.ServiceLoader;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The KPIs available at run time, found with {@link ServiceLoader} on the module path (the
 * modules that {@code provides} a {@link KpiProvider}) and on the class path (their
 * {@code META-INF/services} files). Immutable and thread-safe once loaded.
 *
 * @since 0.1.0
 */
public final class KpiRegistry {
  /** The smallest frame kind a KPI may claim (kind 1 is core's histogram). */
  public static final int MIN_FRAME_KIND = 2;

  /** The largest frame kind a KPI may claim (the header's kind is one byte). */
  public static final int MAX_FRAME_KIND = 255;

  private static final Logger LOG = LoggerFactory.getLogger(KpiRegistry.class);

  private final Map<String, KpiProvider> providers;

  private KpiRegistry(Map<String, KpiProvider> providers) {
    this.providers = Collections.unmodifiableMap(providers);
  }

  /**
   * Loads every KPI provider visible to this module (module path) or to the thread's context
   * class loader (class path).
   *
   * @return the registry
   * @throws IllegalStateException when two providers claim the same id
   */
  public static KpiRegistry load() {
    return of(ServiceLoader.load(KpiProvider.class));
  }

  /**
   * Loads the KPI providers visible to a class loader.
   *
   * @param loader the class loader
   * @return the registry
   */
  public static KpiRegistry load(ClassLoader loader) {
    return of(ServiceLoader.load(KpiProvider.class, loader));
  }

  /**
   * A registry of the given providers (for tests and for applications that wire KPIs by hand).
   *
   * @param providers the providers
   * @return the registry
   * @throws IllegalStateException when two providers claim the same id
   */
  public static KpiRegistry of(Iterable<? extends KpiProvider> providers) {
    Map<String, KpiProvider> map = new LinkedHashMap<>();
    Map<Integer, KpiProvider> byKind = new HashMap<>();
    for (KpiProvider p : providers) {
      KpiProvider previous = map.putIfAbsent(p.id(), p);
      if (previous != null && previous.getClass() != p.getClass()) {
        throw new IllegalStateException("two KPI providers claim the id '" + p.id() + "': "
            + previous.getClass().getName() + " and " + p.getClass().getName());
      }
      if (previous != null) {
        continue; // the same provider found twice (class path and module path)
      }
      int kind = p.frameKind();
      if (kind < MIN_FRAME_KIND || kind > MAX_FRAME_KIND) {
        throw new IllegalStateException("KPI '" + p.id() + "' (" + p.getClass().getName()
            + ") declares frame kind " + kind + ", outside " + MIN_FRAME_KIND + ".."
            + MAX_FRAME_KIND);
      }
      p.type().ifPresent(t -> {
        if (!t.id().equals(p.id()) || t.frameKind() != kind) {
          throw new IllegalStateException("KPI '" + p.id() + "' (" + p.getClass().getName()
              + ", frame kind " + kind + ") reports " + t + ", which disagrees");
        }
      });
      KpiProvider sameKind = byKind.putIfAbsent(kind, p);
      if (sameKind != null) {
        throw new IllegalStateException("KPIs '" + sameKind.id() + "' and '" + p.id()
            + "' both claim frame kind " + kind + " (" + sameKind.getClass().getName() + ", "
            + p.getClass().getName() + ")");
      }
    }
    LOG.debug("KPI registry loaded: {}", map.keySet());
    return new KpiRegistry(map);
  }

  /**
   * The ids of the KPIs found, in the order found.
   *
   * @return the ids
   */
  public Set<String> ids() {
    return providers.keySet();
  }

  /**
   * The providers found.
   *
   * @return the providers
   */
  public List<KpiProvider> providers() {
    return List.copyOf(providers.values());
  }

  /**
   * A KPI by id, if present.
   *
   * @param id the id
   * @return the provider
   */
  public Optional<KpiProvider> find(String id) {
    return Optional.ofNullable(providers.get(Objects.requireNonNull(id, "id is null")));
  }

  /**
   * A KPI by id.
   *
   * @param id the id
   * @return the provider
   * @throws IllegalArgumentException naming the id and the ids available when it is absent
   */
  public KpiProvider get(String id) {
    return find(id).orElseThrow(() -> new IllegalArgumentException(
        "no KPI with id '" + id + "'; available: " + providers.keySet()
            + " (is its module on the class path or module path?)"));
  }

  /**
   * Decodes a frame of any KPI of the registry: the frame's kind names the KPI.
   *
   * @param bytes a frame written by a KPI's aggregator
   * @return the aggregator
   * @throws CodecException when the frame is not one of the registry's KPIs, or is bad
   */
  public KpiAggregator fromBytes(byte[] bytes) {
    int kind = FrameReader.peekKind(Objects.requireNonNull(bytes, "bytes is null"));
    for (KpiProvider p : providers.values()) {
      if (p.frameKind() == kind) {
        return p.fromBytes(bytes);
      }
    }
    throw new CodecException("no KPI of this registry writes frames of kind " + kind
        + "; available: " + providers.keySet());
  }

  @Override
  public String toString() {
    return "KpiRegistry" + providers.keySet();
  }
}
