/** seqpool staking module (implementation package; not exported). */
package seqpool.staking;
