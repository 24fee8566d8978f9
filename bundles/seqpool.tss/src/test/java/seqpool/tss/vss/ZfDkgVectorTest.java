package seqpool.tss.vss;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigInteger;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

import org.bouncycastle.math.ec.ECPoint;
import org.junit.jupiter.api.Test;

import seqpool.codec.crypto.Secp256k1Group;
import seqpool.tss.math.Polynomial;
import seqpool.tss.testing.VectorFiles;

/**
 * ZF frost's Pedersen DKG vectors (zf-vectors_dkg.json): Feldman commitments, proofs of knowledge (with an empty
 * session context our challenge is ZF's HDKG(id ‖ C_0 ‖ R)), the shares each dealer sends, the resulting signing
 * shares, verifying shares and group key.
 */
class ZfDkgVectorTest {
    private static final HexFormat HEX = HexFormat.of();

    @SuppressWarnings("unchecked")
    @Test
    void zfDkgVectors() throws Exception {
        Map<String, Object> v = VectorFiles.resource("/vectors/frost/zf-vectors_dkg.json");
        Map<String, Object> inputs = (Map<String, Object>) v.get("inputs");
        ECPoint groupKey = Secp256k1Group.identity();
        int n = 3;
        Polynomial[] polys = new Polynomial[n + 1];
        for (int i = 1; i <= n; i++) {
            Map<String, Object> p = (Map<String, Object>) inputs.get(String.valueOf(i));
            Polynomial f = Polynomial.of(new BigInteger((String) p.get("signing_key"), 16),
                    new BigInteger((String) p.get("coefficient"), 16));
            polys[i] = f;
            ECPoint[] cs = f.commit();
            List<Object> expected = (List<Object>) p.get("vss_commitments");
            for (int k = 0; k < cs.length; k++) {
                assertEquals(expected.get(k), HEX.formatHex(Secp256k1Group.encode(cs[k])));
            }
            SchnorrProof pok = SchnorrProof.decode(HEX.parseHex((String) p.get("proof_of_knowledge")));
            assertTrue(pok.verify(new byte[0], i, cs[0]), "proof of knowledge of " + i);
            assertFalse(pok.verify(new byte[] {1}, i, cs[0]), "a session context must change the challenge");
            groupKey = groupKey.add(cs[0]);
        }
        for (int i = 1; i <= n; i++) {
            Map<String, Object> p = (Map<String, Object>) inputs.get(String.valueOf(i));
            Map<String, Object> received = (Map<String, Object>) p.get("signing_shares");
            BigInteger x = polys[i].evaluate(i);
            for (var e : received.entrySet()) {
                int from = Integer.parseInt(e.getKey());
                assertEquals(e.getValue(), HEX.formatHex(Secp256k1Group.encodeScalar(polys[from].evaluate(i))),
                        "share from " + from + " to " + i);
                x = x.add(polys[from].evaluate(i));
            }
            x = x.mod(Secp256k1Group.N);
            assertEquals(p.get("signing_share"), HEX.formatHex(Secp256k1Group.encodeScalar(x)));
            assertEquals(p.get("verifying_share"), HEX.formatHex(Secp256k1Group.encode(Secp256k1Group.mulG(x))));
        }
        assertEquals(inputs.get("verifying_key"), HEX.formatHex(Secp256k1Group.encode(groupKey.normalize())));
    }
}
