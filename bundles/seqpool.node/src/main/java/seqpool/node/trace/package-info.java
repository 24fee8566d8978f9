/** The node's protocol trace file (DESIGN.md §5): one ndjson event per line from every module that traces. */
package seqpool.node.trace;
