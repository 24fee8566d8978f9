package seqpool.consensus.node;

import seqpool.api.common.Address;
import seqpool.api.common.Hash32;
import seqpool.api.identity.EcdsaSignature;
import seqpool.codec.crypto.Secp256k1;

/** Checks that {@code signer} signed {@code digest}. Production: secp256k1 recovery; the simulator plugs in a fake. */
@FunctionalInterface
public interface SignatureVerifier {
    boolean verify(Hash32 digest, EcdsaSignature signature, Address signer);

    /** secp256k1 ECDSA with recovery (low-s enforced by the codec). */
    SignatureVerifier SECP256K1 = Secp256k1::verify;
}
