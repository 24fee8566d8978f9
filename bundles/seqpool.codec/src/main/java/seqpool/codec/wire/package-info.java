/**
 * The one canonical binary layout every seqpool wire and storage codec is built from: fixed-width big-endian unsigned
 * integers (u8, u16, u32, u64), fixed-size byte strings, and byte strings and UTF-8 strings prefixed by their u32
 * length. {@link seqpool.codec.wire.WireReader} is strict and bounded: every length and count is checked against its
 * limit and against the remaining input before anything is allocated, trailing bytes are an error, and every failure
 * is a {@link seqpool.codec.wire.MalformedMessageException}. Pure.
 */
@Export
@Version("1.0.0")
package seqpool.codec.wire;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
