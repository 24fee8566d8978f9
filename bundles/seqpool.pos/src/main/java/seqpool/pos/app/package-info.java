/**
 * The PoS application as the consensus engine sees it (ABCI++): the proposer's block from L1 events, L2 progress and
 * mempool votes; the side-transaction check every validator makes before it prevotes; committed state in the store;
 * and the {@link seqpool.api.pos.PosService} view of it.
 */
package seqpool.pos.app;
