/**
 * The wire format inside a TLS session: length-prefixed frames carrying a channel id. Pure code, no I/O.
 *
 * <p>Frame: {@code u32 length ‖ u16 channelId ‖ payload}, big-endian, where {@code length = 2 + payload length} and
 * must not exceed the configured maximum frame size. Channel id 0 carries the hello; ids 1..n name the sender's channels
 * in the order of its hello.
 */
package seqpool.p2p.wire;
