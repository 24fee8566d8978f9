/** Demo implementation (private; packaged by the tests into swappable bundles). */
package seqpool.itests.swap.impl;
