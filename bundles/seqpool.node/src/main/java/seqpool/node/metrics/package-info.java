/** {@code /metrics}: the node's and the modules' metrics in the Prometheus exposition format (docs/operations.md). */
package seqpool.node.metrics;
