package seqpool.store.typed;

import org.osgi.annotation.versioning.ConsumerType;

import seqpool.api.common.Bytes;

/**
 * Turns a value into its one canonical byte encoding and back. A key serializer must also keep order: for keys
 * {@code a < b} it must give {@code encode(a) < encode(b)} as unsigned bytes, so that range iteration follows the
 * values' order. {@link #decode} rejects bytes that are not a valid encoding with {@link IllegalArgumentException}.
 */
@ConsumerType
public interface Serializer<T> {
    Bytes encode(T value);

    T decode(Bytes bytes);
}
