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
 * <p>Kinds in use: 1 the bare {@code ScaleHistogram}; 2 NPS; 3 CSAT; 4 CES; 5 survey FCR;
 * 6 repeat-contact FCR. Kinds 64 to 127 are free for third-party KPIs; others are reserved.
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
