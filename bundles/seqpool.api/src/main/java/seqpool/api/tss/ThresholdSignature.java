package seqpool.api.tss;

import java.util.List;

import seqpool.api.common.Address;
import seqpool.api.common.Bytes;

/**
 * A signature made by a quorum of one generation of a key.
 *
 * @param scheme     the scheme; defines the encoding of {@code value}
 * @param value      the signature bytes (FROST: R ‖ z, 65 bytes)
 * @param generation the generation whose shares signed
 * @param signers    the members whose shares were used, ascending
 */
public record ThresholdSignature(SignatureScheme scheme, Bytes value, int generation, List<Address> signers) {
    public ThresholdSignature {
        if (scheme == null || value == null || signers == null || signers.isEmpty()) {
            throw new IllegalArgumentException("scheme, value and signers are required");
        }
        signers = List.copyOf(signers);
    }
}
