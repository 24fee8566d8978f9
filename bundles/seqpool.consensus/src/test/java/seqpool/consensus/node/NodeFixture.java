package seqpool.consensus.node;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import seqpool.api.common.Address;
import seqpool.api.common.Bytes;
import seqpool.api.common.Hash32;
import seqpool.api.consensus.Block;
import seqpool.api.consensus.CheckTxResult;
import seqpool.api.consensus.ConsensusApplication;
import seqpool.api.consensus.FinalizeBlockRequest;
import seqpool.api.consensus.FinalizeBlockResult;
import seqpool.api.consensus.SignedVote;
import seqpool.api.consensus.Validator;
import seqpool.api.consensus.ValidatorSet;
import seqpool.api.consensus.Vote;
import seqpool.api.consensus.VoteKind;
import seqpool.api.store.KeyValueStore;
import seqpool.api.store.StoreException;
import seqpool.api.trace.TraceSink;
import seqpool.codec.crypto.LocalNodeSigner;
import seqpool.codec.eip712.Eip712Domain;
import seqpool.codec.wire.MalformedMessageException;
import seqpool.consensus.validators.ValidatorSchedule;
import seqpool.consensus.wire.ConsensusMessage;
import seqpool.consensus.wire.MessageCodec;
import seqpool.consensus.wire.SignedProposal;
import seqpool.consensus.wire.SigningDigests;
import seqpool.consensus.wire.WireLimits;

/** Four validators with real secp256k1 keys, helpers to sign messages as any of them, and a minimal app. */
final class NodeFixture {
    final List<LocalNodeSigner> keys = new ArrayList<>();
    final ValidatorSet set;
    final SigningDigests digests = new SigningDigests(Eip712Domain.seqpool(31337, Address.fromHex("0x" + "aa".repeat(20))));
    final NodeConfig config = NodeConfig.defaults(digests);
    final MessageCodec codec = new MessageCodec(WireLimits.DEFAULT);

    NodeFixture() {
        List<Validator> vs = new ArrayList<>();
        for (int i = 1; i <= 4; i++) {
            byte[] k = new byte[32];
            k[31] = (byte) i;
            LocalNodeSigner s = LocalNodeSigner.fromPrivateKey(k);
            keys.add(s);
            vs.add(new Validator(s.address(), 1));
        }
        set = new ValidatorSet(vs);
    }

    LocalNodeSigner proposer(long height, int round) {
        Address p = ValidatorSchedule.genesis(set).proposer(round);
        return keys.stream().filter(k -> k.address().equals(p)).findFirst().orElseThrow();
    }

    LocalNodeSigner nonProposer(int round) {
        Address p = ValidatorSchedule.genesis(set).proposer(round);
        return keys.stream().filter(k -> !k.address().equals(p)).findFirst().orElseThrow();
    }

    ConsensusNode node(LocalNodeSigner self, KeyValueStore store, TestApp app) throws StoreException {
        return new ConsensusNode(config, self, SignatureVerifier.SECP256K1, store, app, set, TraceSink.NONE, Map.of());
    }

    Block block(long h, LocalNodeSigner proposer, String tx) {
        return new Block(h, Hash32.ZERO, proposer.address(), List.of(Bytes.utf8(tx)), List.of());
    }

    Bytes proposal(LocalNodeSigner proposer, long h, int round, Block b) {
        Hash32 id = MessageCodec.blockId(b);
        SignedProposal sp = new SignedProposal(h, round, -1, id, proposer.address(),
                proposer.sign(digests.proposal(h, round, -1, id)));
        return codec.encode(new ConsensusMessage.ProposalMsg(sp, b));
    }

    SignedVote vote(LocalNodeSigner voter, VoteKind kind, long h, int round, Hash32 id) {
        Vote v = new Vote(kind, h, round, id, voter.address());
        return new SignedVote(v, voter.sign(digests.vote(v)));
    }

    Bytes voteMsg(SignedVote v) {
        return codec.encode(new ConsensusMessage.VoteMsg(v));
    }

    List<SignedVote> broadcastVotes(List<NodeAction> actions) throws MalformedMessageException {
        List<SignedVote> out = new ArrayList<>();
        for (NodeAction a : actions) {
            if (a instanceof NodeAction.Broadcast b && codec.decode(b.payload()) instanceof ConsensusMessage.VoteMsg vm) {
                out.add(vm.vote());
            }
        }
        return out;
    }

    /** A minimal application: accepts txs starting with 't', remembers what it committed. */
    static class TestApp extends seqpool.consensus.testing.MempoolOnlyApplication {
        final Map<Long, FinalizeBlockRequest> blocks = new HashMap<>();
        long last;

        @Override
        public CheckTxResult checkTx(Bytes tx) {
            return tx.size() > 0 && tx.get(0) == 't' ? CheckTxResult.OK : CheckTxResult.rejected("not a test tx");
        }

        @Override
        public FinalizeBlockResult finalizeBlock(FinalizeBlockRequest r) {
            blocks.put(r.height(), r);
            return new FinalizeBlockResult(Hash32.ZERO, List.of());
        }

        @Override
        public void commit(long height) {
            last = height;
        }

        @Override
        public long lastCommittedHeight() {
            return last;
        }
    }
}
