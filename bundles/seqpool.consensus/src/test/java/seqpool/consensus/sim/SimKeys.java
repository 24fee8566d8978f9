package seqpool.consensus.sim;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import seqpool.api.common.Address;
import seqpool.api.common.Bytes;
import seqpool.api.common.Hash32;
import seqpool.api.identity.EcdsaSignature;
import seqpool.api.identity.NodeSigner;
import seqpool.codec.crypto.Keccak;
import seqpool.consensus.node.SignatureVerifier;

/**
 * Simulation-only signatures: a MAC r = keccak(secret ‖ digest) stands in for ECDSA so thousands of runs stay fast.
 * Only the holder of a secret can produce r for a digest, which is all the engine relies on. Never used outside tests.
 */
final class SimKeys implements SignatureVerifier {
    private final Map<Address, byte[]> secrets = new HashMap<>();
    private final List<Address> addresses = new ArrayList<>();

    SimKeys(int n, long seed) {
        for (int i = 0; i < n; i++) {
            byte[] secret = Keccak.digest(("sim-key-" + seed + "-" + i).getBytes());
            Address a = new Address(Bytes.wrap(Keccak.digest(secret)).slice(12, 32));
            secrets.put(a, secret);
            addresses.add(a);
        }
    }

    Address address(int i) {
        return addresses.get(i);
    }

    List<Address> addresses() {
        return addresses;
    }

    NodeSigner signer(int i) {
        Address a = addresses.get(i);
        byte[] secret = secrets.get(a);
        return new NodeSigner() {
            @Override
            public Address address() {
                return a;
            }

            @Override
            public Bytes publicKey() {
                return Bytes.wrap(new byte[64]);
            }

            @Override
            public EcdsaSignature sign(Hash32 digest) {
                return mac(secret, digest);
            }
        };
    }

    private static EcdsaSignature mac(byte[] secret, Hash32 digest) {
        byte[] one = new byte[32];
        one[31] = 1;
        return new EcdsaSignature(Bytes.wrap(Keccak.digest(secret, digest.value().toArray())), Bytes.wrap(one), 27);
    }

    @Override
    public boolean verify(Hash32 digest, EcdsaSignature signature, Address signer) {
        byte[] secret = secrets.get(signer);
        return secret != null && mac(secret, digest).equals(signature);
    }
}
