package seqpool.submitter.post;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;

import org.web3j.rlp.RlpEncoder;
import org.web3j.rlp.RlpList;
import org.web3j.rlp.RlpString;
import org.web3j.rlp.RlpType;

import seqpool.api.common.Address;
import seqpool.api.common.Bytes;
import seqpool.api.common.Hash32;
import seqpool.api.identity.EcdsaSignature;
import seqpool.api.identity.NodeSigner;
import seqpool.api.submitter.BatchBlob;
import seqpool.codec.crypto.Keccak;

/**
 * A batch transaction to BatchInbox, signed by the node's key: EIP-1559 (type 2) for calldata batches, EIP-4844
 * (type 3) with its blob sidecar for blob batches. The signature covers {@code keccak256(type ‖ rlp(fields))}; a type-3
 * transaction travels in the network form {@code 0x03 ‖ rlp([signed fields, blobs, commitments, proofs])} (Cancun and
 * Prague; Osaka's cell proofs are not built here) while its hash stays that of the signed fields. Immutable.
 *
 * <p>Security: the key stays in the {@link NodeSigner}; only digests computed here are given to it.
 */
public record TypedTx(Bytes raw, Hash32 hash) {
    /** What a batch transaction pays and carries. {@code maxFeePerBlobGas} is ignored without blobs. */
    public record Params(long chainId, long nonce, BigInteger maxPriorityFeePerGas, BigInteger maxFeePerGas,
            long gasLimit, Address to, Bytes data, BigInteger maxFeePerBlobGas, List<BatchBlob> blobs) {
        public Params {
            blobs = List.copyOf(blobs);
            if (chainId < 1 || nonce < 0 || gasLimit < 21_000 || maxPriorityFeePerGas.signum() < 0
                    || maxFeePerGas.compareTo(maxPriorityFeePerGas) < 0 || to == null || data == null
                    || (!blobs.isEmpty() && (maxFeePerBlobGas == null || maxFeePerBlobGas.signum() <= 0))) {
                throw new IllegalArgumentException("invalid batch transaction parameters");
            }
        }
    }

    public static TypedTx sign(Params p, NodeSigner signer) {
        boolean blob = !p.blobs().isEmpty();
        int type = blob ? 3 : 2;
        List<RlpType> fields = new ArrayList<>(List.of(RlpString.create(p.chainId()), RlpString.create(p.nonce()),
                RlpString.create(p.maxPriorityFeePerGas()), RlpString.create(p.maxFeePerGas()),
                RlpString.create(p.gasLimit()), RlpString.create(p.to().value().toArray()),
                RlpString.create(BigInteger.ZERO), RlpString.create(p.data().toArray()), new RlpList()));
        if (blob) {
            fields.add(RlpString.create(p.maxFeePerBlobGas()));
            fields.add(new RlpList(p.blobs().stream().<RlpType>map(b -> RlpString.create(
                    b.versionedHash().value().toArray())).toList()));
        }
        EcdsaSignature sig = signer.sign(new Hash32(Bytes.wrap(Keccak.digest(typed(type, fields)))));
        fields.add(RlpString.create(sig.v() - 27));
        fields.add(RlpString.create(new BigInteger(1, sig.r().toArray())));
        fields.add(RlpString.create(new BigInteger(1, sig.s().toArray())));
        byte[] signed = typed(type, fields);
        Hash32 hash = new Hash32(Bytes.wrap(Keccak.digest(signed)));
        if (!blob) {
            return new TypedTx(Bytes.wrap(signed), hash);
        }
        RlpList wrapper = new RlpList(new RlpList(fields),
                new RlpList(p.blobs().stream().<RlpType>map(b -> RlpString.create(b.blob().toArray())).toList()),
                new RlpList(p.blobs().stream().<RlpType>map(b -> RlpString.create(b.commitment().toArray())).toList()),
                new RlpList(p.blobs().stream().<RlpType>map(b -> RlpString.create(b.proof().toArray())).toList()));
        byte[] body = RlpEncoder.encode(wrapper);
        byte[] raw = new byte[body.length + 1];
        raw[0] = 3;
        System.arraycopy(body, 0, raw, 1, body.length);
        return new TypedTx(Bytes.wrap(raw), hash);
    }

    private static byte[] typed(int type, List<RlpType> fields) {
        byte[] rlp = RlpEncoder.encode(new RlpList(fields));
        byte[] out = new byte[rlp.length + 1];
        out[0] = (byte) type;
        System.arraycopy(rlp, 0, out, 1, rlp.length);
        return out;
    }
}
