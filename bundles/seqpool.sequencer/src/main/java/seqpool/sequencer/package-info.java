/** seqpool sequencer module (implementation packages; not exported). The contract is {@code seqpool.api.sequencer}. */
package seqpool.sequencer;
