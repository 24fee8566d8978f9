/**
 * The PoS application's deterministic state machine (DESIGN.md §3 steps 2–4, 6, 8): members from L1 stake, the TSS
 * committee and pool key, epochs with their producer assignments, rotation by vote, faults and jailing, and the tasks
 * the pool hands to its modules. Every transition is a function of committed transactions and block ids, so every
 * node and any auditor reaches the same state. Pure: no I/O, no clock. Spec: {@code specs/tla/EpochRotation.tla}.
 */
package seqpool.pos.state;
