package seqpool.tss.vss;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.math.BigInteger;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.bouncycastle.math.ec.ECPoint;
import org.junit.jupiter.api.Test;

import seqpool.codec.crypto.Secp256k1Group;
import seqpool.tss.share.ConfirmationCertificate;
import seqpool.tss.share.PublicKeyPackage;

/**
 * Golden bytes of every VSS message (DKG and reshare): nodes of two module versions take part in one reshare during a
 * rollout, so each encoding is pinned byte for byte, and the pinned bytes decode to a message that encodes to them
 * again. A changed string is a protocol change (mpc/2), not an edited constant. {@code -Dseqpool.golden.print=true}
 * prints the current encodings.
 */
class VssMessageGoldenTest {
    static ECPoint p(int k) {
        return Secp256k1Group.mulG(BigInteger.valueOf(k));
    }

    static byte[] fill(int b, int n) {
        byte[] out = new byte[n];
        java.util.Arrays.fill(out, (byte) b);
        return out;
    }

    static Map<String, VssMessage> messages() {
        Map<String, VssMessage> m = new LinkedHashMap<>();
        m.put("hello", new VssMessage.Hello(fill(0x11, 32), p(3)));
        m.put("commit", new VssMessage.Commit(fill(0x22, 32)));
        m.put("dkg deal", new VssMessage.Deal(List.of(p(5), p(6)), new SchnorrProof(p(7), BigInteger.valueOf(8)), p(9),
                null, List.of(fill(0x33, 48), fill(0x44, 48))));
        VssMessage.OldGeneration old = new VssMessage.OldGeneration(
                new PublicKeyPackage(p(10), Map.of(1, p(11), 2, p(12)), 2),
                new ConfirmationCertificate(fill(0x55, 32), List.of(fill(0x66, 65), fill(0x77, 65))));
        m.put("reshare deal", new VssMessage.Deal(List.of(p(13)), null, p(14), old, List.of(fill(0x88, 48))));
        m.put("verdict", new VssMessage.Verdict(List.of(fill(0x99, 32), fill(0xaa, 32)), List.of(
                new VssMessage.Complaint(2, p(15), new DleqProof(BigInteger.valueOf(16), BigInteger.valueOf(17))))));
        m.put("confirm", new VssMessage.Confirm(fill(0xbb, 32), new SchnorrProof(p(18), BigInteger.valueOf(19))));
        return m;
    }

    static final Map<String, String> GOLDEN = Map.of(
            "hello", "01111111111111111111111111111111111111111111111111111111111111111102f9308a019258c31049344f85f89d"
                    + "5229b531c845836f99b08601f113bce036f9",
            "commit", "022222222222222222222222222222222222222222222222222222222222222222",
            "dkg deal", "030002022f8bde4d1a07209355b4a7250a5c5128e88b84bddc619ab7cba8d569b240efe403fff97bd5755eeea420453a"
                    + "14355235d382f6472f8568a18b2f057a146029755601025cbdf0646e5db4eaa398f365f2ea7a0e3d419b7e0330e39ce9"
                    + "2bddedcac4f9bc000000000000000000000000000000000000000000000000000000000000000803acd484e2f0c7f653"
                    + "09ad178a9f559abde09796974c57e714c35f110dfc27ccbe000002000000303333333333333333333333333333333333"
                    + "333333333333333333333333333333333333333333333333333333333333330000003044444444444444444444444444"
                    + "4444444444444444444444444444444444444444444444444444444444444444444444",
            "reshare deal", "03000103f28773c2d975288bc7d1d205c3748651b075fbc6610e58cddeeddf8f19405aa80003499fdf9e895e719cfd64"
                    + "e67f07d38e3226aa7b63678949e6e49b241a60e823e401000203a0434d9e47f3c86235477c7b1ae6ae5d3442d49b1943"
                    + "c2b752a68e2a47e247c70002000103774ae7f858a9411e5ef4246b70c65aac5649980be5c17891bbec17895da008cb00"
                    + "0203d01115d548e7561b15c38f004d734633687cf4419620095bc5b0f47070afe85a0155555555555555555555555555"
                    + "555555555555555555555555555555555555550002666666666666666666666666666666666666666666666666666666"
                    + "666666666666666666666666666666666666666666666666666666666666666666666666666677777777777777777777"
                    + "777777777777777777777777777777777777777777777777777777777777777777777777777777777777777777777777"
                    + "777777777777770001000000308888888888888888888888888888888888888888888888888888888888888888888888"
                    + "88888888888888888888888888",
            "verdict", "0400029999999999999999999999999999999999999999999999999999999999999999aaaaaaaaaaaaaaaaaaaaaaaaaa"
                    + "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa0001000202d7924d4f7d43ea965a465ae3095ff41131e5946f3c85f79e"
                    + "44adbcf8e27e080e00000000000000000000000000000000000000000000000000000000000000100000000000000000"
                    + "000000000000000000000000000000000000000000000011",
            "confirm", "05bbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbb025601570cb47f238d2b0286db4a99"
                    + "0fa0f3ba28d1a319f5e7cf55c2a2444da7cc000000000000000000000000000000000000000000000000000000000000"
                    + "0013");

    @Test
    void everyMessageHasItsPinnedEncodingAndDecodesFromIt() throws Exception {
        boolean print = Boolean.getBoolean("seqpool.golden.print");
        for (Map.Entry<String, VssMessage> e : messages().entrySet()) {
            String hex = HexFormat.of().formatHex(e.getValue().encode());
            if (print) {
                System.out.println("GOLDEN \"" + e.getKey() + "\", \"" + hex + "\",");
                continue;
            }
            assertEquals(GOLDEN.get(e.getKey()), hex, e.getKey() + ": the encoding changed");
            byte[] again = VssMessage.decode(HexFormat.of().parseHex(GOLDEN.get(e.getKey()))).encode();
            assertEquals(hex, HexFormat.of().formatHex(again), e.getKey() + ": the pinned bytes decode to the message");
        }
    }
}
