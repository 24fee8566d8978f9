package seqpool.api.tss;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletionStage;

import org.osgi.annotation.versioning.ProviderType;

import seqpool.api.common.Address;
import seqpool.api.common.Bytes;

/**
 * Threshold keys of the pool on this node. Every member of a committee calls the same operation with the same
 * arguments (the consensus task tells them to); the runs meet on the p2p {@code mpc} channel.
 *
 * <p>Results complete exceptionally with a {@link TssException} naming culprits (misbehaviour) or silent parties
 * (timeout). A failed reshare or refresh leaves the previous generation intact and usable. All methods are thread-safe
 * and never block on the network.
 *
 * <p>Security: shares and nonces are stored encrypted under a key derived from the operator's passphrase; every
 * generation's share has its own data key, destroyed when the generation is erased. Nothing secret is logged.
 */
@ProviderType
public interface ThresholdKeyService {

    /** Runs a DKG among {@code committee}; {@code epoch} is bound into the session id. Completes with generation 1. */
    CompletionStage<KeyInfo> generate(KeyId keyId, Committee committee, long epoch);

    /**
     * Reshares the current generation to {@code newCommittee} (members may stay, leave or join; any threshold). Old
     * members deal, new members receive. The group key is unchanged; the old generation is erased on every old member
     * only after every new member acknowledged. Nodes that are only new members pass the group key they expect.
     */
    CompletionStage<KeyInfo> reshare(KeyId keyId, Committee oldCommittee, int fromGeneration, Committee newCommittee,
            Bytes expectedGroupKey, long epoch);

    /** New shares for the same committee and threshold (a reshare to the same committee). */
    CompletionStage<KeyInfo> refresh(KeyId keyId, long epoch);

    /**
     * Signs {@code message} with {@code signers} (exactly {@code threshold} members of the current generation, this
     * node among them). {@link SignatureScheme#ECDSA_CGGMP21} fails with INVALID_REQUEST in this version.
     */
    CompletionStage<ThresholdSignature> sign(KeyId keyId, SignatureScheme scheme, Bytes message, Set<Address> signers);

    /** Erases every generation of the key on this node for good. Idempotent. */
    void delete(KeyId keyId) throws TssException;

    /** What this node knows about the key; empty if it never heard of it. */
    Optional<KeyInfo> status(KeyId keyId) throws TssException;

    /** Every key this node knows. */
    List<KeyInfo> keys() throws TssException;
}
