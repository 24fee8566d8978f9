package seqpool.tss.vss;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

import org.bouncycastle.math.ec.ECPoint;

import seqpool.codec.crypto.InvalidEncodingException;
import seqpool.codec.crypto.Secp256k1Group;
import seqpool.codec.wire.WireWriter;
import seqpool.tss.math.HashToField;
import seqpool.tss.math.Lagrange;
import seqpool.tss.share.ConfirmationCertificate;
import seqpool.tss.share.PublicKeyPackage;

/**
 * Checks the old generation a reshare deal carries, from public data only (so a joiner decides like an old member):
 * the package is for the expected group key X and the old committee (identifiers 1..n, the old threshold t), it is a
 * sharing of X of degree t − 1 (every X_j lies on the polynomial through (0, X) and X_1..X_t), and its certificate,
 * if any, carries a valid confirmation by every member (see {@link ConfirmationCertificate}). Results are cached per
 * distinct carried value: honest dealers all carry the same bytes.
 */
final class OldGenerationCheck {
    private final VssConfig cfg;
    private final Map<String, String> results = new HashMap<>();

    OldGenerationCheck(VssConfig cfg) {
        this.cfg = cfg;
    }

    /** Null if the carried old generation is consistent (and certified if it has a certificate), else the reason. */
    String problem(VssMessage.OldGeneration old) {
        WireWriter w = new WireWriter();
        w.raw(old.keys().digest());
        if (old.certificate() != null) {
            old.certificate().encode(w);
        }
        String key = HexFormat.of().formatHex(HashToField.sha256(w.toByteArray()));
        return results.computeIfAbsent(key, k -> {
            String p = check(old);
            return p == null ? "" : p;
        }).transform(p -> p.isEmpty() ? null : p);
    }

    private String check(VssMessage.OldGeneration old) {
        PublicKeyPackage p = old.keys();
        int n = cfg.oldCommittee().size();
        int t = cfg.oldCommittee().threshold();
        if (!p.groupKey().equals(cfg.expectedGroupKey())) {
            return "the old public keys are for another group key";
        }
        if (p.threshold() != t || p.publicShares().size() != n
                || !p.publicShares().keySet().equals(new java.util.TreeSet<>(identifiers(n)))) {
            return "the old public keys do not match the old committee (size " + n + ", threshold " + t + ")";
        }
        List<Integer> base = identifiers(t);
        for (int x = 0; x <= n; x = x == 0 ? t + 1 : x + 1) {
            ECPoint[] points = new ECPoint[t];
            BigInteger[] coefficients = new BigInteger[t];
            for (int i = 0; i < t; i++) {
                points[i] = p.publicShare(base.get(i));
                coefficients[i] = Lagrange.coefficientAt(x, base.get(i), base);
            }
            ECPoint expected = x == 0 ? p.groupKey() : p.publicShare(x);
            if (!Secp256k1Group.sumOfMultiplies(points, coefficients).equals(expected)) {
                return "the old public shares are not a sharing of the group key of threshold " + t;
            }
        }
        ConfirmationCertificate cert = old.certificate();
        if (cert == null) {
            return null;
        }
        if (cert.size() != n) {
            return "the old certificate has " + cert.size() + " confirmations for " + n + " members";
        }
        byte[] context = VssRound4.confirmContext(cert.sessionId(), p.digest());
        for (int id = 1; id <= n; id++) {
            try {
                if (!SchnorrProof.decode(cert.signature(id)).verify(context, id, p.publicShare(id))) {
                    return "the old certificate's confirmation of member " + id + " does not verify";
                }
            } catch (InvalidEncodingException e) {
                return "the old certificate's confirmation of member " + id + " is malformed";
            }
        }
        return null;
    }

    private static List<Integer> identifiers(int n) {
        List<Integer> out = new ArrayList<>();
        for (int i = 1; i <= n; i++) {
            out.add(i);
        }
        return out;
    }
}
