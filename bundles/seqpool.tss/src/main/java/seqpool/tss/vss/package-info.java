/**
 * Verifiable secret sharing sessions: the DKG (Pedersen/Feldman VSS with Schnorr proofs of knowledge, the FROST
 * paper's DKG), resharing (an old quorum re-deals λ_i·x_i) and refresh, as pure state machines that take messages and
 * return effects. Share encryption (ECDH + HKDF + AES-GCM), proofs (Schnorr, Chaum–Pedersen DLEQ) and complaints.
 */
package seqpool.tss.vss;
