/**
 * The PoS application's consensus transactions and their canonical binary encoding: confirmed L1 events and L2 progress
 * (added by the proposer, checked by every validator before it prevotes), and validator-signed rotation votes and task
 * reports (offered through the consensus mempool). Pure: no I/O.
 */
package seqpool.pos.tx;
