package seqpool.api.sequencer;

import java.util.List;

import org.osgi.annotation.versioning.ProviderType;

import seqpool.api.common.Bytes;

/**
 * Pending L2 transactions. {@link #submit} validates (encoding, signature, chain id, nonce, balance for gas) and never
 * throws for bad input: it returns {@link SubmitResult.Rejected}. Thread-safe.
 */
@ProviderType
public interface Mempool {
    SubmitResult submit(Bytes rawTransaction);

    /** Up to {@code max} executable transactions in the order the producer should include them. */
    List<L2Transaction> pending(int max);

    int size();
}
