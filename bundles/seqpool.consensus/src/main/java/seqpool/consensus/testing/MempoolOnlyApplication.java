package seqpool.consensus.testing;

import java.util.List;

import seqpool.api.common.Bytes;
import seqpool.api.consensus.ConsensusApplication;
import seqpool.api.consensus.PrepareProposalRequest;
import seqpool.api.consensus.ProcessProposalRequest;
import seqpool.api.consensus.ProposalVerdict;
import seqpool.api.consensus.ValidatorSet;

/**
 * Base of test and benchmark applications that judge transactions one by one: the proposal is the mempool's candidates
 * as they are, and a block is accepted when checkTx accepts each of its transactions. The genesis validators are
 * whatever the test passes to the engine itself.
 */
public abstract class MempoolOnlyApplication implements ConsensusApplication {
    @Override
    public ValidatorSet genesisValidators() {
        throw new UnsupportedOperationException("this test application has no genesis: pass the validators to the engine");
    }

    @Override
    public List<Bytes> prepareProposal(PrepareProposalRequest request) {
        return request.candidates();
    }

    @Override
    public ProposalVerdict processProposal(ProcessProposalRequest request) {
        for (Bytes tx : request.block().txs()) {
            if (!checkTx(tx).accepted()) {
                return ProposalVerdict.reject("block contains a transaction checkTx rejects");
            }
        }
        return ProposalVerdict.ACCEPT;
    }
}
