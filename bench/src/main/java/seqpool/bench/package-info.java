/** JMH benchmarks and end-to-end load generators; figures go to docs/performance.md. Not timed tests. */
package seqpool.bench;
