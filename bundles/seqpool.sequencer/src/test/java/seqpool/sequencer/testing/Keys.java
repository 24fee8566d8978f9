package seqpool.sequencer.testing;

import seqpool.codec.crypto.LocalNodeSigner;

/** Fixed test keys: n1..n5 and mallory (a pool member that misbehaves). Test-only; never reachable from main code. */
public final class Keys {
    private Keys() {
    }

    public static LocalNodeSigner node(int i) {
        byte[] k = new byte[32];
        k[0] = 0x5e;
        k[31] = (byte) i;
        return LocalNodeSigner.fromPrivateKey(k);
    }

    public static LocalNodeSigner mallory() {
        return node(66);
    }
}
