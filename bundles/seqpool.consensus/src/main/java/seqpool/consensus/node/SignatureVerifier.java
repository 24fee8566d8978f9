package seqpool.consensus.node;

import seqpool.api.common.Address;
import seqpool.api.common.Hash32;
import seqpool.api.identity.EcdsaSignature;
import seqpool.codec.crypto.Secp256k1;
import seqpool.codec.crypto.Secp256k1Verifier;

/** Checks that {@code signer} signed {@code digest}. Production: secp256k1; the simulator plugs in a fake. */
@FunctionalInterface
public interface SignatureVerifier {
    boolean verify(Hash32 digest, EcdsaSignature signature, Address signer);

    /** secp256k1 ECDSA by recovery on every call (low-s enforced), stateless. */
    SignatureVerifier SECP256K1 = Secp256k1::verify;

    /**
     * secp256k1 ECDSA with the same answers as {@link #SECP256K1}, remembering each validator's public key after its
     * first valid signature so that later checks are plain verifications (see {@link Secp256k1Verifier}). One per
     * engine: the instance owns its multiplication tables.
     */
    static SignatureVerifier secp256k1() {
        return new Secp256k1Verifier()::verify;
    }
}
