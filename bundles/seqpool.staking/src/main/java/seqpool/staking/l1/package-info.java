/** web3j implementation of the staking API: confirmed-block views and operator transactions on LockingPool. */
package seqpool.staking.l1;
