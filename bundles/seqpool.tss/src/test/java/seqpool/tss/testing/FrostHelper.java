package seqpool.tss.testing;

import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import seqpool.tss.frost.FrostAggregator;
import seqpool.tss.frost.FrostException;
import seqpool.tss.frost.FrostSignature;
import seqpool.tss.frost.FrostSigner;
import seqpool.tss.frost.SignatureShare;
import seqpool.tss.frost.SigningCommitment;
import seqpool.tss.frost.SigningNonces;
import seqpool.tss.frost.SigningPackage;
import seqpool.tss.share.KeyShare;

/** Runs the two FROST rounds in one process for a set of key shares. */
public final class FrostHelper {
    private FrostHelper() {
    }

    public static FrostSignature sign(List<KeyShare> signers, byte[] message, SecureRandom random) throws FrostException {
        return signWithKeys(signers, message, random, signers.get(0).publicKeys());
    }

    /** Signs with the given shares; the aggregator checks against {@code keys}. */
    public static FrostSignature signWithKeys(List<KeyShare> signers, byte[] message, SecureRandom random,
            seqpool.tss.share.PublicKeyPackage keys) throws FrostException {
        Map<Integer, SigningNonces> nonces = new HashMap<>();
        List<SigningCommitment> commitments = new ArrayList<>();
        for (KeyShare k : signers) {
            SigningNonces n = SigningNonces.generate(k, random);
            nonces.put(k.identifier(), n);
            commitments.add(n.commitment());
        }
        SigningPackage pkg = new SigningPackage(commitments, message);
        Map<Integer, SignatureShare> shares = new HashMap<>();
        for (KeyShare k : signers) {
            shares.put(k.identifier(), FrostSigner.sign(pkg, nonces.get(k.identifier()), k));
        }
        return FrostAggregator.aggregate(pkg, shares, keys);
    }
}
