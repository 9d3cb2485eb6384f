/**
 * The one binary framing that every cxkpi aggregator serializes to.
 *
 * <pre>
 * offset  size  field
 * ------  ----  -----------------------------------------------------------------
 *      0     1  magic 0xCE
 *      1     1  magic 0x58 ('X')
 *      2     1  format version (1)
 *      3     1  kind: which aggregator the payload holds (see below)
 *      4     n  payload: the definition's parameters, then the state, in the kind's layout;
 *               integers as unsigned LEB128 varints (signed ones zig-zag encoded),
 *               doubles as 8 big-endian bytes, strings as a varint length then UTF-8
 *    4+n     4  CRC32C of bytes [0, 4+n), big-endian
 * </pre>
 *
 * <p>Kind 1 is the bare {@code ScaleHistogram}; every other kind belongs to one KPI, which
 * declares it in its {@link io.github.cxkpi.spi.KpiType} and its provider. The registry is the one
 * list of kinds in use: it refuses two KPIs of one kind at load, and
 * {@link io.github.cxkpi.spi.KpiRegistry#fromBytes} finds any frame's decoder by its kind. The
 * library's KPIs take 2 to 15; other modules take one from 16 to 255.
 *
 * <p>This package is exported as the service-provider side of the format: a KPI module in
 * another jar writes its frames with it, and keeps its definition's layout in a
 * {@link io.github.cxkpi.codec.DefinitionCodec} in its own internal package, so that no
 * user-facing type carries codec methods. Applications need none of it: aggregators have
 * {@code toBytes()} and their KPI's {@code fromBytes}.
 *
 * <p>Bytes are untrusted. {@link io.github.cxkpi.codec.FrameReader#open} checks the length,
 * the magic, the version, the checksum and the kind before any payload is read; every read
 * checks the bytes that remain; every declared size is checked against the bytes that remain
 * (so that no allocation is sized by what the bytes claim) and against a cap;
 * {@link io.github.cxkpi.codec.FrameReader#finish()} rejects trailing bytes. Every failure
 * is a {@link io.github.cxkpi.codec.CodecException}, whose message names the problem.
 *
 * <p>{@link io.github.cxkpi.codec.FrameWriter} and {@link io.github.cxkpi.codec.FrameReader}
 * hold a frame in one array (the reader refuses more than 64 MiB). For state that can grow
 * large (repeat-contact FCR's pending keys), {@link io.github.cxkpi.codec.FrameOutput} streams
 * the same bytes and {@link io.github.cxkpi.codec.FrameInput} reads a frame of any size from
 * an array or a stream, allocating only for bytes it has read.
 */
@NullMarked
package io.github.cxkpi.codec;

import org.jspecify.annotations.NullMarked;
