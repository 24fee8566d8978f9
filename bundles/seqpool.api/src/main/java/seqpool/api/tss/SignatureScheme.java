package seqpool.api.tss;

/** The signature schemes a threshold key can sign with; all use the same shares. */
public enum SignatureScheme {
    /** FROST(secp256k1, SHA-256) of RFC 9591: signature R (33 bytes compressed) ‖ z (32 bytes). */
    FROST_SECP256K1_SHA256,
    /** Threshold ECDSA after CGGMP21: Ethereum (r, s, v) with low-s. Not provided yet by seqpool.tss 1.0. */
    ECDSA_CGGMP21
}
