package seqpool.tss.frost;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

import org.bouncycastle.math.ec.ECPoint;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import seqpool.codec.crypto.Secp256k1Group;
import seqpool.tss.math.Polynomial;
import seqpool.tss.share.KeyShare;
import seqpool.tss.share.PublicKeyPackage;
import seqpool.tss.testing.VectorFiles;

/**
 * RFC 9591 Appendix E.5 FROST(secp256k1, SHA-256) vectors (and ZF frost's vectors with the same format) byte for
 * byte: key shares from the dealer polynomial, nonces from the given randomness, commitments, binding-factor inputs,
 * binding factors, signature shares and the final signature.
 */
class RfcVectorTest {
    private static final HexFormat HEX = HexFormat.of();

    @SuppressWarnings("unchecked")
    @ParameterizedTest
    @ValueSource(strings = {"cfrg-frost-secp256k1-sha256.json", "zf-vectors.json", "zf-vectors-big-identifier.json"})
    void vectorsMatchByteForByte(String file) throws Exception {
        Map<String, Object> v = VectorFiles.resource("/vectors/frost/" + file);
        Map<String, Object> config = (Map<String, Object>) v.get("config");
        Map<String, Object> inputs = (Map<String, Object>) v.get("inputs");
        int maxParticipants = Integer.parseInt(config.get("MAX_PARTICIPANTS").toString());
        int minParticipants = Integer.parseInt(config.get("MIN_PARTICIPANTS").toString());
        BigInteger groupSecret = new BigInteger((String) inputs.get("group_secret_key"), 16);
        String pkHex = (String) (inputs.containsKey("group_public_key") ? inputs.get("group_public_key")
                : inputs.get("verifying_key_key"));
        ECPoint groupKey = Secp256k1Group.mulG(groupSecret);
        assertEquals(pkHex, HEX.formatHex(Secp256k1Group.encode(groupKey)));
        byte[] message = HEX.parseHex((String) inputs.get("message"));

        // Shares: f(x) = s + a_1 x (RFC 9591 Appendix C trusted dealer).
        List<BigInteger> coeffs = new ArrayList<>();
        coeffs.add(groupSecret);
        for (Object c : (List<Object>) inputs.get("share_polynomial_coefficients")) {
            coeffs.add(new BigInteger((String) c, 16));
        }
        assertEquals(minParticipants, coeffs.size());
        Polynomial f = Polynomial.of(coeffs.toArray(BigInteger[]::new));
        Map<Integer, BigInteger> secrets = new HashMap<>();
        for (Object o : (List<Object>) inputs.get("participant_shares")) {
            Map<String, Object> ps = (Map<String, Object>) o;
            int id = ((Number) ps.get("identifier")).intValue();
            BigInteger share = new BigInteger((String) ps.get("participant_share"), 16);
            assertEquals(share, f.evaluate(id), "share of " + id);
            secrets.put(id, share);
        }
        Map<Integer, ECPoint> publics = new HashMap<>();
        for (int id = 1; id <= maxParticipants; id++) {
            publics.put(id, Secp256k1Group.mulG(f.evaluate(id)));
        }
        PublicKeyPackage keys = new PublicKeyPackage(groupKey, publics, minParticipants);

        // Round one.
        Map<String, Object> r1 = (Map<String, Object>) v.get("round_one_outputs");
        Map<Integer, SigningNonces> nonces = new HashMap<>();
        List<SigningCommitment> commitments = new ArrayList<>();
        List<Map<String, Object>> outs = (List<Map<String, Object>>) r1.get("outputs");
        for (Map<String, Object> o : outs) {
            int id = ((Number) o.get("identifier")).intValue();
            SigningNonces n = SigningNonces.fromRandomness(id, secrets.get(id),
                    HEX.parseHex((String) o.get("hiding_nonce_randomness")),
                    HEX.parseHex((String) o.get("binding_nonce_randomness")));
            byte[] scalars = n.exportScalars();
            assertEquals(o.get("hiding_nonce"), HEX.formatHex(scalars, 0, 32));
            assertEquals(o.get("binding_nonce"), HEX.formatHex(scalars, 32, 64));
            assertEquals(o.get("hiding_nonce_commitment"), HEX.formatHex(Secp256k1Group.encode(n.commitment().hiding())));
            assertEquals(o.get("binding_nonce_commitment"), HEX.formatHex(Secp256k1Group.encode(n.commitment().binding())));
            nonces.put(id, n);
            commitments.add(n.commitment());
        }
        SigningPackage pkg = new SigningPackage(commitments, message);
        SigningTranscript t = new SigningTranscript(pkg, groupKey);
        for (Map<String, Object> o : outs) {
            int id = ((Number) o.get("identifier")).intValue();
            assertEquals(o.get("binding_factor_input"), HEX.formatHex(SigningTranscript.bindingFactorInput(groupKey, pkg, id)));
            assertEquals(o.get("binding_factor"), HEX.formatHex(Secp256k1Group.encodeScalar(t.bindingFactor(id))));
        }

        // Round two.
        Map<Integer, SignatureShare> shares = new HashMap<>();
        for (Object o : (List<Object>) ((Map<String, Object>) v.get("round_two_outputs")).get("outputs")) {
            Map<String, Object> so = (Map<String, Object>) o;
            int id = ((Number) so.get("identifier")).intValue();
            KeyShare ks = new KeyShare(id, 1, secrets.get(id), keys);
            SignatureShare s = FrostSigner.sign(pkg, nonces.get(id), ks);
            assertEquals(so.get("sig_share"), HEX.formatHex(Secp256k1Group.encodeScalar(s.z())));
            assertTrue(FrostAggregator.verifyShare(t, s, keys.publicShare(id)));
            shares.put(id, s);
        }
        FrostSignature sig = FrostAggregator.aggregate(pkg, shares, keys);
        String expected = (String) ((Map<String, Object>) v.get("final_output")).get("sig");
        assertEquals(expected, HEX.formatHex(sig.encode()));
        assertTrue(FrostVerifier.verify(groupKey, message, FrostSignature.decode(HEX.parseHex(expected))));
    }
}
